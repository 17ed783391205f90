import { z } from 'zod';
import { catalogue } from '../../../i18n/index.js';
import { buildAnswerFeedback, questionCatalogue } from '../../blocks/quiz.js';
import { parseJsonValue } from '../../json-value.js';
import type { ListenerDeps } from '../deps.js';
import type { ButtonArgs } from './share-guidance.js';
import { respondOrLog } from '../respond.js';

const answerValue = z.object({ q: z.number().int().positive(), c: z.number().int().min(0).max(9) });

const parseAnswer = (value: unknown) => parseJsonValue(answerValue, value, 200);

/**
 * A click on a quiz answer: the first one is stored and graded, and the agent told privately.
 * The answer is written before the ack, not after: it is one sub-millisecond SQLite insert, and it
 * means an answer Slack saw acknowledged is on disk even if the bot is killed the next instant.
 * While another process holds the database locked it waits up to a second, then says "not saved".
 *
 * The reply is in the question's language, as the quiz the agent just read is, so a burst of clicks
 * asks nothing of Slack before the ack. Only a click that finds no question asks for the agent's.
 */
export function quizAnswer(deps: ListenerDeps) {
  return async ({ ack, action, body, respond: givenRespond }: ButtonArgs): Promise<void> => {
    const respond = respondOrLog(givenRespond, deps.logger, 'quiz_answer');
    const answer = parseAnswer(action.value);
    const userId = body.user?.id;
    let text: string;
    try {
      const result = answer && userId ? await deps.quiz.answer({ quizId: answer.q, userId, choice: answer.c }) : ({ status: 'unknown' } as const);
      text = buildAnswerFeedback(result, result.status === 'unknown' ? catalogue(await deps.languages.forAgent(userId)) : questionCatalogue(result.question));
    } catch (error) {
      deps.logger.error(`quiz_answer: could not record ${userId ?? 'unknown'}'s answer: ${(error as Error).message}`);
      text = catalogue(await deps.languages.forAgent(userId)).feedback.notSaved;
    }
    await ack();
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  };
}
