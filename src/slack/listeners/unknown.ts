import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logging/logger.js';

export type Known = string | RegExp;

export interface KnownIds {
  commands: readonly Known[];
  actions: readonly Known[];
  shortcuts: readonly Known[];
  views: readonly Known[];
}

const WHAT: Record<keyof KnownIds, string> = { commands: 'a command', actions: 'an action', shortcuts: 'a shortcut', views: 'a view' };

const matches = (known: readonly Known[], id: string) => known.some((entry) => (typeof entry === 'string' ? entry === id : entry.test(id)));

type Body = Record<string, unknown> & { type?: unknown; command?: unknown; callback_id?: unknown; actions?: unknown; view?: unknown };

/** The id a payload is routed by, or undefined for events, which need no ack. */
function routingId(body: Body): { kind: keyof KnownIds; id: string } | undefined {
  if (typeof body.command === 'string') return { kind: 'commands', id: body.command };
  switch (body.type) {
    case 'block_actions': {
      const first = Array.isArray(body.actions) ? (body.actions[0] as { action_id?: unknown } | undefined) : undefined;
      return { kind: 'actions', id: String(first?.action_id ?? '') };
    }
    case 'shortcut':
    case 'message_action':
      return { kind: 'shortcuts', id: String(body.callback_id ?? '') };
    case 'view_submission':
    case 'view_closed':
      return { kind: 'views', id: String((body.view as { callback_id?: unknown } | undefined)?.callback_id ?? '') };
    default:
      return undefined;
  }
}

/**
 * Acknowledges at once what no listener handles (an old button, another app's callback, a forged
 * payload), instead of leaving Slack waiting three seconds and showing the user an error.
 */
export function ackUnknownInteractions(known: KnownIds, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const route = routingId(args.body as Body);
    if (route && !matches(known[route.kind], route.id)) {
      logger.warn(`Ignored ${WHAT[route.kind]} nobody handles: ${JSON.stringify(route.id).slice(0, 80)}`);
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await args.next();
  };
}
