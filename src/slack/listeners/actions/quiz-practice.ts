import { describeError } from '../../slack-error.js';
import type { ListenerDeps } from '../deps.js';
import type { ButtonArgs } from './share-guidance.js';

/** "Practice" on the Home tab: a question on the agent's weakest types, by direct message. */
export function quizPractice(deps: ListenerDeps) {
  return async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const userId = body.user?.id;
    if (!userId) return;
    const outcome = await deps.quiz.practice(userId, body.team?.id ?? undefined);
    if (outcome.status === 'posted') return;
    try {
      await client.chat.postMessage({ channel: userId, text: "Sorry, I couldn't send a practice question just now. Try again in a minute." });
    } catch (error) {
      deps.logger.error(`quiz_practice: could not tell ${userId}: ${describeError(error)}`);
    }
  };
}
