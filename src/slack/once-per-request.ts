import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../logging/logger.js';
import { DatabaseBusyError, retryWhileBusy } from '../store/busy.js';
import type { HandledRequests } from '../store/handled-requests.js';

/** A claim waits this long at most for a locked database; then the request is handled anyway (twice at worst, never lost). */
const CLAIM_BUDGET_MS = 300;

/**
 * What makes a delivery the same delivery: an event's `event_id` (the same on each of Slack's
 * retries) or an interaction's or command's `trigger_id` (one per click or command; a replayed
 * request carries the same one). Bodies with neither (view_closed, options requests) act once anyway.
 */
export function requestKey(body: unknown): string | undefined {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const team = typeof fields.team_id === 'string' ? fields.team_id : '';
  if (typeof fields.event_id === 'string' && fields.event_id !== '') return `event:${team}:${fields.event_id}`;
  if (typeof fields.trigger_id === 'string' && fields.trigger_id !== '') return `trigger:${fields.trigger_id}`;
  return undefined;
}

/** Global middleware: a delivery already handled (here or on another instance) is acknowledged and nothing more. */
export function oncePerRequest(handled: HandledRequests, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const key = requestKey(args.body);
    if (key !== undefined) {
      let first = true;
      try {
        first = await retryWhileBusy(() => handled.claim(key), CLAIM_BUDGET_MS);
      } catch (error) {
        const why = error instanceof DatabaseBusyError ? 'the database is locked' : (error as Error).message;
        logger.warn(`Could not check whether ${key} was handled before (${why}); handling it`);
      }
      if (!first) {
        logger.info(`Ignored ${key}: already handled (a Slack retry or a replayed request)`);
        if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
        return;
      }
    }
    await args.next();
  };
}
