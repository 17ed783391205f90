import type { Logger } from '../logging/logger.js';
import { PeriodicPass } from '../periodic-pass.js';
import type { DigestService } from './digest-service.js';

/** Checks every minute (and at start, to catch up after downtime) whether a weekly digest is due. */
export class DigestScheduler extends PeriodicPass {
  constructor(service: DigestService, logger: Logger, intervalMs = 60_000) {
    super(() => service.runDue(), (error) => logger.error(`Weekly digest scheduler failed: ${error.message}`), intervalMs);
  }
}
