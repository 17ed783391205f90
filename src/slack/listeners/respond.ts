import type { RespondFn } from '@slack/bolt';
import type { Logger } from '../../logging/logger.js';

/** Bolt's `respond`, as our listeners use it: what it resolves to is never read. */
export type Respond = (message: Parameters<RespondFn>[0]) => Promise<unknown>;

/**
 * `respond`, or a stand-in when Bolt gave none: Bolt builds it only from a response URL, and the
 * receiver drops one that is not Slack's. Without it there is nowhere to answer; saying so in the
 * log beats a TypeError from calling `undefined`.
 */
export function respondOrLog(respond: RespondFn | undefined, logger: Logger, where: string): Respond {
  if (respond) return respond;
  return async () => {
    logger.warn(`${where}: no response URL to answer on; the answer was not sent`);
  };
}
