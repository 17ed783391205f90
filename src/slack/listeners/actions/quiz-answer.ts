import { z } from 'zod';
import { buildAnswerFeedback } from '../../blocks/quiz.js';
import { parseJsonValue } from '../../json-value.js';
import type { ListenerDeps } from '../deps.js';
import type { ButtonArgs } from './share-guidance.js';

const answerValue = z.object({ q: z.number().int().positive(), c: z.number().int().min(0).max(9) });

const parseAnswer = (value: unknown) => parseJsonValue(answerValue, value, 200);

/**
 * A click on a quiz answer: the first one is stored and graded, and the agent told privately.
 * The answer is written before the ack, not after: it is one sub-millisecond SQLite insert, and it
 * means an answer Slack saw acknowledged is on disk even if the bot is killed the next instant.
 */
export function quizAnswer(deps: ListenerDeps) {
  return async ({ ack, action, body, respond }: ButtonArgs): Promise<void> => {
    const answer = parseAnswer(action.value);
    const userId = body.user?.id;
    let text: string;
    try {
      text = buildAnswerFeedback(answer && userId ? deps.quiz.answer({ quizId: answer.q, userId, choice: answer.c }) : { status: 'unknown' });
    } catch (error) {
      deps.logger.error(`quiz_answer: could not record ${userId ?? 'unknown'}'s answer: ${(error as Error).message}`);
      text = "Sorry, your answer couldn't be saved just now. Please click again in a moment.";
    }
    await ack();
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  };
}
