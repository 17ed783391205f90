import type { Logger } from '../logging/logger.js';
import { retryWhileBusy } from '../store/busy.js';
import type { WorkspaceDataStore } from '../store/workspace-data-store.js';
import type { WriteHealth } from '../store/write-health.js';

export interface ErasureOptions {
  data: WorkspaceDataStore;
  /** Called once the rows are gone, so the workspace's own model (learned from its team examples) goes too. */
  forgetModel: (teamId: string) => void;
  writes: WriteHealth;
  logger: Logger;
}

/**
 * A lead's confirmed "delete everything now" for a workspace that stays installed: the same
 * deletion as at the end of the retention period, at once, keeping only what serving the workspace
 * needs (its installation). Agents' language choices are theirs, kept by user id, and stay.
 */
export class WorkspaceErasure {
  constructor(private readonly options: ErasureOptions) {}

  /** True once every row is deleted; false (logged) when the database refused, and nothing is deleted. */
  async eraseNow(teamId: string, requestedBy: string): Promise<boolean> {
    const { data, forgetModel, writes, logger } = this.options;
    try {
      await retryWhileBusy(() => data.deleteWorkspace(teamId, { stillInstalled: true }));
      writes.succeeded();
    } catch (error) {
      writes.failed(error);
      logger.error(`Could not delete the data of workspace ${teamId}: ${(error as Error).message}`);
      return false;
    }
    forgetModel(teamId);
    logger.info(`Deleted the data of workspace ${teamId} at the request of lead ${requestedBy}`);
    return true;
  }
}
