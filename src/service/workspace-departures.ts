import type { InstallationQuery } from '@slack/oauth';
import type { Logger } from '../logging/logger.js';
import { retryWhileBusy } from '../store/busy.js';
import type { WorkspaceDataStore } from '../store/workspace-data-store.js';

export interface DepartingInstallations {
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
  teamsOfOrg(enterpriseId: string): Promise<string[]>;
}

export interface WorkspaceDeparturesOptions {
  data: WorkspaceDataStore;
  installations: DepartingInstallations;
  /** DATA_RETENTION_DAYS. */
  retentionDays: number;
  logger: Logger;
}

export interface Departure {
  teamId: string | undefined;
  enterpriseId: string | undefined;
  isEnterpriseInstall: boolean;
}

/**
 * A workspace (or an org-wide install) that uninstalled the app or revoked its bot token: its
 * tokens are deleted at once, its quizzes stop, and its data is deleted after the retention period.
 */
export class WorkspaceDepartures {
  constructor(private readonly options: WorkspaceDeparturesOptions) {}

  async left(departure: Departure, why: string): Promise<void> {
    const { data, installations, retentionDays, logger } = this.options;
    const teams = departure.isEnterpriseInstall && departure.enterpriseId ? await installations.teamsOfOrg(departure.enterpriseId) : [];
    if (departure.teamId && !teams.includes(departure.teamId)) teams.push(departure.teamId);
    await installations.deleteInstallation({ teamId: departure.teamId, enterpriseId: departure.enterpriseId, isEnterpriseInstall: departure.isEnterpriseInstall } as InstallationQuery<boolean>);
    for (const teamId of teams) await retryWhileBusy(() => data.markLeft(teamId, retentionDays));
    const where = departure.isEnterpriseInstall ? `org ${departure.enterpriseId}` : `workspace ${departure.teamId}`;
    logger.info(`${where} ${why}: its tokens are deleted, its quizzes stopped, its data kept ${retentionDays} day(s) before deletion`);
  }

  /** Deletes the data of every workspace whose retention period has passed; returns how many. */
  async prune(): Promise<number> {
    const due = await this.options.data.dueForDeletion();
    for (const teamId of due) {
      await this.options.data.deleteWorkspace(teamId);
      this.options.logger.info(`Deleted the data of workspace ${teamId}: its retention period has passed`);
    }
    return due.length;
  }
}
