import type { webApi } from '@slack/bolt';
import type { OncePoster } from './post-once.js';
import { slackErrorCode } from './slack-error.js';

type PostArguments = Parameters<OncePoster['post']>[0];

/** The bot is not in the channel and cannot join it: a private channel it was not invited to, an archived one. */
export class ChannelAccessError extends Error {
  override name = 'ChannelAccessError';
  constructor(
    readonly channelId: string,
    /** Slack's reason, for the log. */
    readonly code: string,
  ) {
    super(`not in ${channelId} and cannot join it (${code})`);
  }
}

/**
 * Posts at most once (see `OncePoster`); in a public channel the bot is not in yet, joins it and
 * posts again. `client` joins: it may retry, a join is safe to repeat.
 */
export async function postJoining(poster: OncePoster, client: webApi.WebClient, message: PostArguments, key: string, options: { checkFirst?: boolean } = {}): Promise<string> {
  try {
    return await poster.post(message, key, options);
  } catch (error) {
    if (slackErrorCode(error) !== 'not_in_channel') throw error;
  }
  try {
    await client.conversations.join({ channel: message.channel });
  } catch (error) {
    throw new ChannelAccessError(message.channel, slackErrorCode(error) ?? 'no access');
  }
  return poster.post(message, key);
}
