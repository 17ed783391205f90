import type { webApi } from '@slack/bolt';
import type { DigestDelivery, DigestMessage } from '../insights/digest-service.js';
import { ChannelPoster } from './channel-poster.js';

type PostArguments = Parameters<webApi.WebClient['chat']['postMessage']>[0];

/**
 * The weekly digest's way into Slack: a channel post at most once (an ambiguous failure is looked
 * up in the channel's history before posting again), joining a public channel the bot is not in,
 * and a DM to one lead.
 */
export class SlackDigestDelivery extends ChannelPoster implements DigestDelivery {
  async postToChannel(channelId: string, message: DigestMessage, key: string, { checkFirst }: { checkFirst: boolean }): Promise<void> {
    await this.postJoining({ channel: channelId, ...message } as PostArguments & { channel: string }, key, { checkFirst });
  }

  async sendToUser(userId: string, message: DigestMessage, key: string): Promise<void> {
    await this.poster.post({ channel: await this.directChannel(userId), ...message } as PostArguments & { channel: string }, key);
  }
}
