import { z } from 'zod';
import { buildAnswerFeedback } from '../../blocks/quiz.js';
import type { ListenerDeps } from '../deps.js';
import type { ButtonArgs } from './share-guidance.js';

const answerValue = z.object({ q: z.number().int().positive(), c: z.number().int().min(0).max(9) });

function parseAnswer(value: unknown) {
  if (typeof value !== 'string' || value.length > 200) return undefined;
  try {
    const parsed = answerValue.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A click on a quiz answer: the first one is stored and graded at once, privately. */
export function quizAnswer(deps: ListenerDeps) {
  return async ({ ack, action, body, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const answer = parseAnswer(action.value);
    const userId = body.user?.id;
    const result = answer && userId ? deps.quiz.answer({ quizId: answer.q, userId, choice: answer.c }) : { status: 'unknown' as const };
    await respond({ response_type: 'ephemeral', replace_original: false, text: buildAnswerFeedback(result) });
  };
}
