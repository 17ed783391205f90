import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../../src/quiz/question.js';
import { buildAnswerFeedback } from '../../../src/slack/blocks/quiz.js';

const whatToDo: QuizQuestion = {
  kind: 'what-to-do',
  typeId: 'angry',
  questionKey: 'angry:action:0',
  prompt: 'A customer is angry. What should you do first?',
  options: [
    { label: 'Acknowledge the anger before you fix anything.', typeId: 'angry' },
    { label: 'Quote the refund policy.', typeId: 'skeptic' },
  ],
  answer: 0,
  why: 'They need to feel heard first.',
  keyAction: 'Acknowledge the anger before you fix anything.',
};

describe('buildAnswerFeedback', () => {
  it('names the right answer once, without a doubled full stop, when the option is a sentence', () => {
    const wrong = buildAnswerFeedback({ status: 'recorded', correct: false, question: whatToDo, choice: 1 });
    expect(wrong).toContain('❌ Not quite: the answer is *A. Acknowledge the anger before you fix anything*.');
    expect(wrong).not.toContain('.*.');
    expect(buildAnswerFeedback({ status: 'closed', question: whatToDo })).toBe('This quiz is closed. The answer was *A. Acknowledge the anger before you fix anything*.');
  });
});
