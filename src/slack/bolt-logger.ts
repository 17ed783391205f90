import type { Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logging/logger.js';

/**
 * Message text inside the payloads Slack's libraries dump at debug level (a Socket Mode frame, a
 * Web API request body): JSON `"text": "…"`-like fields and form `text=…`. Customer words must not
 * reach a log, even at debug level, so their values are replaced.
 */
const JSON_TEXT_FIELD = /("(?:text|fallback|pretext|title|value|initial_value|query)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;
const FORM_TEXT_FIELD = /\b((?:text|payload)=)[^&\s]*/g;

export function withoutMessageText(line: string): string {
  return line.replace(JSON_TEXT_FIELD, '$1"…"').replace(FORM_TEXT_FIELD, '$1…');
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
    setLevel: (level: string) => logger.setLevel(level),
    getLevel: () => logger.getLevel(),
    setName: (name: string) => logger.setName(name),
  } as unknown as BoltLogger;
}
