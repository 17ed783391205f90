import type { AgentAnswer, ChannelQuiz } from '../store/quiz-store.js';

export interface TypeAccuracy {
  typeId: string;
  answered: number;
  correct: number;
  accuracy: number;
}

export interface AgentStats {
  answered: number;
  correct: number;
  accuracy: number;
  currentStreak: number;
  bestStreak: number;
  byType: TypeAccuracy[];
  /** Up to three types with the lowest accuracy, worst first. */
  weakest: TypeAccuracy[];
}

/**
 * An agent's quiz record. Practice answers count towards per-type accuracy (they are training) but
 * not towards totals or streaks. A streak runs over the quizzes of the channels the agent plays in:
 * a right answer extends it, a wrong or missed one (once revealed) ends it, and days without a quiz
 * change nothing.
 */
export function agentStats(answers: readonly AgentAnswer[], quizzes: readonly ChannelQuiz[]): AgentStats {
  const counted = answers.filter((answer) => !answer.practice);
  const correct = counted.filter((answer) => answer.correct).length;
  const byQuiz = new Map(counted.map((answer) => [answer.quizId, answer]));

  let run = 0;
  let bestStreak = 0;
  for (const quiz of quizzes) {
    const answer = byQuiz.get(quiz.id);
    if (answer?.correct) {
      run += 1;
      bestStreak = Math.max(bestStreak, run);
    } else if (answer || quiz.closed) {
      run = 0;
    }
  }

  const perType = new Map<string, { answered: number; correct: number }>();
  for (const answer of answers) {
    const entry = perType.get(answer.typeId) ?? { answered: 0, correct: 0 };
    entry.answered += 1;
    if (answer.correct) entry.correct += 1;
    perType.set(answer.typeId, entry);
  }
  const byType = [...perType]
    .map(([typeId, entry]) => ({ typeId, ...entry, accuracy: entry.correct / entry.answered }))
    .sort((a, b) => a.typeId.localeCompare(b.typeId));
  const weakest = byType
    .filter((entry) => entry.accuracy < 1)
    .sort((a, b) => a.accuracy - b.accuracy || b.answered - a.answered)
    .slice(0, 3);
  return {
    answered: counted.length,
    correct,
    accuracy: counted.length === 0 ? 0 : correct / counted.length,
    currentStreak: run,
    bestStreak,
    byType,
    weakest,
  };
}
