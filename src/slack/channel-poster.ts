import type { webApi } from '@slack/bolt';
import { OncePoster } from './post-once.js';
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
 * What the bot's posters share: posting at most once (see `OncePoster`), joining a public channel
 * it is not in yet, and finding a person's direct message with it.
 */
export class ChannelPoster {
  protected readonly poster: OncePoster;

  /** `postClient` must not retry by itself: posts are retried here, only once it is known they did not land. */
  constructor(
    protected readonly client: webApi.WebClient,
    postClient: webApi.WebClient = client,
    postAttempts = 1,
  ) {
    this.poster = new OncePoster(postClient, { attempts: postAttempts });
  }

  /** Posts once; in a public channel the bot is not in, joins it (`client` may retry: a join is safe to repeat) and posts again. */
  protected async postJoining(message: PostArguments, key: string, options: { checkFirst?: boolean } = {}): Promise<string> {
    try {
      return await this.poster.post(message, key, options);
    } catch (error) {
      if (slackErrorCode(error) !== 'not_in_channel') throw error;
    }
    try {
      await this.client.conversations.join({ channel: message.channel });
    } catch (error) {
      throw new ChannelAccessError(message.channel, slackErrorCode(error) ?? 'no access');
    }
    return this.poster.post(message, key);
  }

  async directChannel(userId: string): Promise<string> {
    const opened = await this.client.conversations.open({ users: userId });
    return opened.channel!.id!;
  }
}
