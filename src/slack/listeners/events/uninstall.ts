import type { App } from '@slack/bolt';
import type { Logger } from '../../../logging/logger.js';
import type { Departure, WorkspaceDepartures } from '../../../service/workspace-departures.js';

interface EnvelopeIds {
  team_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean;
}

const departureOf = (body: EnvelopeIds): Departure => ({
  teamId: body.team_id || undefined,
  enterpriseId: body.enterprise_id || undefined,
  isEnterpriseInstall: body.is_enterprise_install === true,
});

/**
 * `app_uninstalled`, and `tokens_revoked` naming the bot: the workspace's tokens go at once. Bolt
 * acks events before the listener runs, so the work here never holds up Slack's request.
 */
export function registerUninstall(app: App, departures: WorkspaceDepartures, logger: Logger): void {
  app.event('app_uninstalled', async ({ body }) => {
    await departures.left(departureOf(body as EnvelopeIds), 'uninstalled the app').catch((error: unknown) => logger.error(`app_uninstalled: ${(error as Error).message}`));
  });
  app.event('tokens_revoked', async ({ event, body }) => {
    // Only the bot's token matters: the app keeps no user tokens for its work.
    if ((event.tokens.bot ?? []).length === 0) return;
    await departures.left(departureOf(body as EnvelopeIds), 'revoked the bot token').catch((error: unknown) => logger.error(`tokens_revoked: ${(error as Error).message}`));
  });
}
