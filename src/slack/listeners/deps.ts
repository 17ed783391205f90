import type { Database } from 'better-sqlite3';
import type { Logger } from '../../logging/logger.js';

/** What listeners may use: the core, never Slack state of their own. */
export interface ListenerDeps {
  logger: Logger;
  db: Database;
}
