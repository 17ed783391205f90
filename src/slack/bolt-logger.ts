import type { Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logging/logger.js';

/** Bolt's LogLevel is a string enum with exactly our level names; only the type differs. */
export function asBoltLogger(logger: Logger): BoltLogger {
  return logger as unknown as BoltLogger;
}
