import { catalogue } from '../../../i18n/index.js';
import { describeError } from '../../slack-error.js';
import type { ListenerDeps } from '../deps.js';
import type { ButtonArgs } from './share-guidance.js';

/** "Practice" on the Home tab: a question on the agent's weakest types, by direct message, in the agent's language. */
export function quizPractice(deps: ListenerDeps) {
  return async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const userId = body.user?.id;
    if (!userId) return;
    const lang = await deps.languages.forAgent(userId);
    if (!(await deps.classifierReady(10_000))) {
      await client.chat
        .postMessage({ channel: userId, text: catalogue(lang).failures.learning })
        .catch((error: unknown) => deps.logger.error(`quiz_practice: could not tell ${userId}: ${describeError(error)}`));
      return;
    }
    const outcome = await deps.quiz.practice(userId, body.team?.id ?? undefined, lang);
    if (outcome.status === 'posted') return;
    try {
      await client.chat.postMessage({ channel: userId, text: catalogue(lang).home.practiceFailed });
    } catch (error) {
      deps.logger.error(`quiz_practice: could not tell ${userId}: ${describeError(error)}`);
    }
  };
}
