import type { Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logging/logger.js';

/**
 * At debug level Slack's libraries dump whole payloads (a Socket Mode frame, a Web API request
 * body), and customer words can sit in any of their strings: message text, attachments, e-mail
 * files, view inputs. Every string value is blanked except those of fields that only identify
 * things, which are what a debug log is read for. A string cut off mid-way is blanked too.
 */
const KEPT_FIELDS = new Set([
  'type', 'subtype', 'ts', 'thread_ts', 'event_ts', 'message_ts', 'action_ts', 'envelope_id', 'event_id', 'event_time',
  'team', 'team_id', 'enterprise_id', 'user', 'user_id', 'channel', 'channel_id', 'channel_type', 'api_app_id', 'app_id',
  'bot_id', 'action_id', 'block_id', 'callback_id', 'trigger_id', 'view_id', 'external_id', 'command', 'retry_attempt',
  'retry_reason', 'error', 'warning', 'method', 'id', 'is_enterprise_install', 'accepts_response_payload', 'hash',
]);
const JSON_STRING_FIELD = /"([^"\\]{1,64})"(\s*:\s*)"(?:[^"\\]|\\[\s\S])*("|\\?$)/g;
/** A string in a list (`["…", "…"]`): never a key, since a key is followed by a colon. */
const JSON_LIST_STRING = /([[,]\s*)"(?:[^"\\]|\\[\s\S])*"(?=\s*[,\]])/g;
const FORM_FIELD = /(^|[&\s?])([\w.%-]{1,64})=([^&\s]*)/g;

function withoutMessageText(line: string): string {
  return line
    .replace(JSON_STRING_FIELD, (whole, key: string, colon: string, close: string) => (KEPT_FIELDS.has(key) ? whole : `"${key}"${colon}"…${close === '"' ? '"' : ''}`))
    .replace(JSON_LIST_STRING, '$1"…"')
    .replace(FORM_FIELD, (whole, before: string, key: string) => (KEPT_FIELDS.has(key) ? whole : `${before}${key}=…`));
}

/**
 * Our logger as Bolt's (its LogLevel is a string enum with exactly our level names). Debug lines
 * from Slack's libraries lose message text; other levels carry our own words or error messages.
 */
export function asBoltLogger(logger: Logger): BoltLogger {
  const format = (msg: unknown[]) => msg.map((part) => withoutMessageText(typeof part === 'string' ? part : JSON.stringify(part) ?? String(part)));
  return {
    ...logger,
    // Bolt logs at debug several times a request: below debug level, nothing is formatted at all.
    debug: (...msg: unknown[]) => {
      if (logger.getLevel() === 'debug') logger.debug(...format(msg));
    },
  } as unknown as BoltLogger;
}
