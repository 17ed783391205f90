import { webApi } from '@slack/bolt';
import type { Logger } from '../logging/logger.js';
import { ProblemsError } from '../problems.js';
import { asBoltLogger } from './bolt-logger.js';
import { slackErrorCode } from './slack-error.js';

export interface BotIdentity {
  botId: string;
  botUserId: string;
  /** The workspace the token was installed in; undefined only if Slack did not say. */
  teamId: string | undefined;
}

const TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

/**
 * Asks Slack who the token belongs to, once, before anything else. Bolt would otherwise do it in the
 * background and, if Slack refused the token or could not be reached, crash the process with a stack
 * trace; here the answer is one line saying what to fix.
 */
export async function verifyBotToken(token: string, clientOptions: webApi.WebClientOptions, logger: Logger): Promise<BotIdentity> {
  const client = new webApi.WebClient(token, { ...clientOptions, logger: asBoltLogger(logger) });
  try {
    const auth = await client.auth.test();
    return { botId: auth.bot_id ?? '', botUserId: auth.user_id ?? '', teamId: auth.team_id || undefined };
  } catch (error) {
    const code = slackErrorCode(error);
    const where = clientOptions.slackApiUrl ?? 'https://slack.com/api/';
    if (code && TOKEN_ERRORS.has(code)) {
      throw new ProblemsError([`SLACK_BOT_TOKEN was refused by Slack (${code}): copy the Bot User OAuth Token again from OAuth & Permissions.`]);
    }
    const cause = (error as { original?: { cause?: { code?: string; message?: string } } }).original?.cause;
    const reason = code ?? cause?.code ?? cause?.message ?? (error as Error).message;
    throw new ProblemsError([`cannot reach Slack's Web API at ${where} (${reason}). Check the network, or SLACK_API_URL.`]);
  }
}
