import type { Catalogue } from '../i18n/index.js';
import type { SlackFailureKind } from '../i18n/en.js';

/** The `error` code of a failed Web API call (`not_in_channel`), or undefined for other failures. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Everything known about a failure, for the log; never for an agent (it may hold Slack's raw reply). */
export function describeError(error: unknown): string {
  return slackErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
}

const KINDS: Record<string, SlackFailureKind> = {
  ratelimited: 'rate-limited',
  rate_limited: 'rate-limited',
  missing_scope: 'permission',
  not_allowed_token_type: 'permission',
  no_permission: 'permission',
  restricted_action: 'permission',
  invalid_auth: 'permission',
  not_authed: 'permission',
  account_inactive: 'permission',
  token_revoked: 'permission',
  token_expired: 'permission',
  not_in_channel: 'channel',
  channel_not_found: 'channel',
  is_archived: 'channel',
  method_not_supported_for_channel_type: 'channel',
  expired_trigger_id: 'expired',
  invalid_trigger_id: 'expired',
  trigger_exchanged: 'expired',
};

/** What kind of failure it was, in terms of what the agent can do about it. */
export function slackFailureKind(error: unknown): SlackFailureKind {
  const code = slackErrorCode(error);
  if (code && KINDS[code]) return KINDS[code];
  if ((error as { code?: unknown } | undefined)?.code === 'slack_webapi_rate_limited_error') return 'rate-limited';
  return 'unavailable';
}

/**
 * Slack's error code when Slack gave a well-formed one (`expired_trigger_id`): short, and worth
 * quoting to whoever runs the app. Anything else (an HTTP error, a broken reply, a network message)
 * stays in the log.
 */
export function slackErrorReference(error: unknown): string | undefined {
  const code = slackErrorCode(error);
  return code && /^[a-z][a-z0-9_]{1,60}$/.test(code) ? code : undefined;
}

/** The two parts of telling an agent a Slack call failed: the code to quote (or nothing) and what to do. */
export function failureForAgent(error: unknown, t: Catalogue): { code: string; whatToDo: string } {
  const reference = slackErrorReference(error);
  return { code: reference ? t.failures.code(reference) : '', whatToDo: t.failures.whatToDo[slackFailureKind(error)] };
}
