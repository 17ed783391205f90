import type { webApi } from '@slack/bolt';
import type { DigestDelivery, DigestMessage } from '../insights/digest-service.js';
import { OncePoster } from './post-once.js';
import { postJoining } from './post-joining.js';

type PostArguments = Parameters<webApi.WebClient['chat']['postMessage']>[0];

/**
 * The weekly digest's way into Slack: a channel post at most once (an ambiguous failure is looked
 * up in the channel's history before posting again), joining a public channel the bot is not in,
 * and a DM to one lead.
 */
export class SlackDigestDelivery implements DigestDelivery {
  private readonly poster: OncePoster;

  /** `postClient` must not retry by itself: posts are retried here, only once it is known they did not land. */
  constructor(
    private readonly client: webApi.WebClient,
    postClient: webApi.WebClient = client,
    postAttempts = 1,
  ) {
    this.poster = new OncePoster(postClient, { attempts: postAttempts });
  }

  async postToChannel(channelId: string, message: DigestMessage, key: string, { checkFirst }: { checkFirst: boolean }): Promise<void> {
    await postJoining(this.poster, this.client, { channel: channelId, ...message } as PostArguments & { channel: string }, key, { checkFirst });
  }

  async sendToUser(userId: string, message: DigestMessage, key: string): Promise<void> {
    const opened = await this.client.conversations.open({ users: userId });
    await this.poster.post({ channel: opened.channel!.id!, ...message } as PostArguments & { channel: string }, key);
  }
}
