import type { KnownBlock } from '@slack/types';

/** A message as every surface sends it: blocks for Slack clients, text for notifications and screen readers. */
export interface RenderedMessage {
  text: string;
  blocks: KnownBlock[];
}
