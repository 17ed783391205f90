import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { catalogue } from '../../../i18n/index.js';
import { buildHomeView } from '../../blocks/home.js';
import { describeError } from '../../slack-error.js';
import type { ListenerDeps } from '../deps.js';

export type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** Publishes the agent's Home tab, in their language, whenever they open it, so the figures are always current. */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event, body, client }: HomeArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const teamId = (body as { team_id?: string }).team_id;
    try {
      const t = catalogue(await deps.languages.forAgent(event.user));
      await client.views.publish({
        user_id: event.user,
        view: buildHomeView(await deps.quiz.stats(event.user), await deps.quiz.leaderboards(teamId), deps.playbooks, t),
      });
    } catch (error) {
      deps.logger.error(`app_home_opened: views.publish failed for ${event.user}: ${describeError(error)}`);
    }
  };
}
