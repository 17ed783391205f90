import type { Logger } from '../../logging/logger.js';
import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import type { ClassificationService } from '../../service/classification-service.js';

/** What listeners may use: the core, never Slack state of their own. */
export interface ListenerDeps {
  logger: Logger;
  playbooks: PlaybookSet;
  classification: ClassificationService;
}
