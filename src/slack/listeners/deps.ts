import type { Database } from 'better-sqlite3';
import type { Classifier } from '../../classifier/classifier.js';
import type { Logger } from '../../logging/logger.js';
import type { PlaybookSet } from '../../playbooks/playbook-set.js';

/** What listeners may use: the core, never Slack state of their own. */
export interface ListenerDeps {
  logger: Logger;
  db: Database;
  playbooks: PlaybookSet;
  classifier: Classifier;
}
