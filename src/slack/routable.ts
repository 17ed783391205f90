/**
 * Whether Bolt can route a parsed body, and if not why, in words fit for a log line (never the body
 * itself). Bolt dereferences parts of a payload without checking them (`body.user.id` for every
 * interaction, `body.channel.id` when a channel is present, `'action_id' in actions[0]`), so a
 * malformed one makes it throw a TypeError deep inside, logged as a listener failure with a stack.
 * Checked here first, such a body gets a one-line warning and a clean answer instead.
 */

const INTERACTION_TYPES = new Set([
  'block_actions',
  'block_suggestion',
  'interactive_message',
  'dialog_submission',
  'dialog_cancellation',
  'message_action',
  'shortcut',
  'view_submission',
  'view_closed',
]);

const CHANNEL_UNREAD = new Set(['shortcut', 'view_submission', 'view_closed']);

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Absent, or an object: what Bolt assumes of the optional parts it reads `.id` or `in` from. */
const absentOrObject = (value: unknown) => value === undefined || isObject(value);
/** Absent, null (an org-wide install has `team: null`) or an object. */
const absentNullOrObject = (value: unknown) => value === undefined || value === null || isObject(value);

function eventProblem(event: Fields, body: Fields): string | undefined {
  if (typeof event.type !== 'string') return 'an event without a type';
  if ('user' in event && !(typeof event.user === 'string' || absentOrObject(event.user))) return 'an event whose user is neither an id nor an object';
  if ('channel' in event && !(typeof event.channel === 'string' || absentOrObject(event.channel))) return 'an event whose channel is neither an id nor an object';
  for (const part of ['item', 'subteam'] as const) {
    if (part in event && !absentOrObject(event[part])) return `an event whose ${part} is not an object`;
  }
  if (Array.isArray(body.authorizations) && !body.authorizations.every(isObject)) return 'an event whose authorizations are not objects';
  return undefined;
}

function interactionProblem(type: string, body: Fields): string | undefined {
  const what = `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
  if (!isObject(body.user) || typeof body.user.id !== 'string') return `${what} without a user id`;
  if (!absentNullOrObject(body.team)) return `${what} whose team is not an object`;
  // Bolt reads `channel.id` of actions, options requests and message actions whenever the key is there.
  if (!CHANNEL_UNREAD.has(type) && !absentOrObject(body.channel)) return `${what} whose channel is not an object`;
  if (!absentNullOrObject(body.enterprise)) return `${what} whose enterprise is not an object`;
  switch (type) {
    case 'block_actions': {
      // What Bolt matches listeners on; without it no listener runs and nothing acks.
      const { actions } = body;
      if (!Array.isArray(actions) || actions.length === 0) return `${what} without actions`;
      if (!actions.every((action) => isObject(action) && typeof action.action_id === 'string')) return `${what} with an action without an action_id`;
      return undefined;
    }
    case 'interactive_message':
      if (!Array.isArray(body.actions) || body.actions.length === 0 || !body.actions.every(isObject)) return `${what} without actions`;
      return undefined;
    case 'shortcut':
    case 'message_action':
      return typeof body.callback_id === 'string' ? undefined : `${what} without a callback_id`;
    case 'view_submission':
    case 'view_closed':
      if (!isObject(body.view) || typeof body.view.id !== 'string') return `${what} without a view id`;
      if (body.response_urls !== undefined && !(Array.isArray(body.response_urls) && body.response_urls.every(isObject))) {
        return `${what} whose response_urls are not objects`;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Why Bolt cannot route this body, or `undefined` when it can. */
export function unroutableReason(body: unknown): string | undefined {
  if (!isObject(body)) return 'a body that is not an object';
  if ('event' in body) return isObject(body.event) ? eventProblem(body.event, body) : 'an event that is not an object';
  if (typeof body.command === 'string') return undefined;
  // Bolt takes any body with a `name` for a (legacy) options request, and reads its user like any interaction's.
  if (body.name !== undefined) return interactionProblem('options request', body);
  if (typeof body.type !== 'string' || !INTERACTION_TYPES.has(body.type)) return 'a body with no event, command or interaction type';
  return interactionProblem(body.type, body);
}
