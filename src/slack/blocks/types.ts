import type { KnownBlock } from '@slack/types';

/** A message as every surface sends it: blocks for Slack clients, text for notifications and screen readers. */
export interface RenderedMessage {
  /** mrkdwn like the blocks (notifications render it): anything from a playbook or a customer is escaped. */
  text: string;
  blocks: KnownBlock[];
}
