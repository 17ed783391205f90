import { createHmac } from 'node:crypto';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** Slack's request signature: HMAC-SHA256 over `v0:<timestamp>:<raw body>`, hex, prefixed `v0=`. */
export function slackSignature(body: string, timestamp: number, secret = TEST_SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignOptions {
  secret?: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  contentType?: string;
}

export function signedHeaders(body: string, options: SignOptions = {}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(body, timestamp, options.secret),
  };
}

export interface SlashCommandFields {
  text?: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  team_id?: string;
  response_url: string;
  trigger_id?: string;
}

let triggers = 0;
/** A new trigger id, as Slack gives each command and click its own (the bot handles each id once). */
export function newTriggerId(): string {
  triggers += 1;
  return `${Date.now()}.${triggers}.${Math.random().toString(36).slice(2, 10)}`;
}

/** The form body Slack posts for a slash command. */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: fields.team_id ?? 'T0FAKE',
    team_domain: 'fake',
    channel_id: fields.channel_id ?? 'C0SUPPORT',
    channel_name: 'support',
    user_id: fields.user_id ?? 'U0AGENT',
    user_name: fields.user_name ?? 'agent',
    command: '/customertype',
    text: fields.text ?? '',
    api_app_id: 'A0CUSTOMERTYPE',
    is_enterprise_install: 'false',
    response_url: fields.response_url,
    trigger_id: fields.trigger_id ?? newTriggerId(),
  }).toString();
}

/** The form body Slack posts for interactivity: one `payload` field holding JSON. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
