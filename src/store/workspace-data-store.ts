import type { SqlDatabase } from './sql.js';

/**
 * What is kept per workspace, to delete when it leaves: every table with its team id, and the
 * rows that hang off them (answers off quizzes, weekly boards off quiz channels). Agents' own
 * language choices are the agent's, kept by user id, and stay.
 */
const DELETE_WORKSPACE = [
  'DELETE FROM quiz_answers WHERE quiz_id IN (SELECT id FROM quizzes WHERE team_id = ?)',
  'DELETE FROM weekly_leaderboards WHERE channel_id IN (SELECT channel_id FROM quiz_schedules WHERE team_id = ?)',
  'DELETE FROM quizzes WHERE team_id = ?',
  'DELETE FROM quiz_schedules WHERE team_id = ?',
  'DELETE FROM corrections WHERE team_id = ?',
  'DELETE FROM classifications WHERE team_id = ?',
  'DELETE FROM weekly_digests WHERE team_id = ?',
  'DELETE FROM weekly_digest_settings WHERE team_id = ?',
  'DELETE FROM team_examples WHERE team_id = ?',
  'DELETE FROM team_teaching WHERE team_id = ?',
  'DELETE FROM pending_teachings WHERE team_id = ?',
  'DELETE FROM workspace_deletions WHERE team_id = ?',
];
/** Which org install serves the workspace: kept while it stays installed, so its quizzes still find the token. */
const DELETE_INSTALL_LINKS = 'DELETE FROM installation_teams WHERE team_id = ?';

/** Workspaces that left (uninstalled, tokens revoked): their schedules stop at once, their data goes after the retention period. */
export class WorkspaceDataStore {
  constructor(
    private readonly db: SqlDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stops the workspace's quizzes and sets when its data is deleted; a second notice keeps the first date. */
  async markLeft(teamId: string, retentionDays: number): Promise<void> {
    const at = this.now();
    const deleteAfter = new Date(at.getTime() + retentionDays * 86_400_000);
    await this.db.transaction(async (tx) => {
      await tx.run('UPDATE quiz_schedules SET enabled = 0, updated_at = ? WHERE team_id = ?', [at.toISOString(), teamId]);
      await tx.run('INSERT INTO workspace_deletions (team_id, uninstalled_at, delete_after) VALUES (?, ?, ?) ON CONFLICT (team_id) DO NOTHING', [
        teamId,
        at.toISOString(),
        deleteAfter.toISOString(),
      ]);
    });
  }

  /** The workspace installed again: its data stays (its quizzes stay off until someone turns them on). */
  async cancelDeletion(teamId: string): Promise<void> {
    await this.db.run('DELETE FROM workspace_deletions WHERE team_id = ?', [teamId]);
  }

  /** When the workspace's data will be deleted, if it left. */
  async deletionDate(teamId: string): Promise<string | undefined> {
    return (await this.db.get<{ delete_after: string }>('SELECT delete_after FROM workspace_deletions WHERE team_id = ?', [teamId]))?.delete_after;
  }

  /** Workspaces whose retention period has passed. */
  async dueForDeletion(): Promise<string[]> {
    const rows = await this.db.all<{ team_id: string }>('SELECT team_id FROM workspace_deletions WHERE delete_after <= ? ORDER BY team_id', [this.now().toISOString()]);
    return rows.map((row) => row.team_id);
  }

  /** Deletes everything kept for the workspace, in one transaction; `stillInstalled` keeps what serving it needs. */
  async deleteWorkspace(teamId: string, { stillInstalled = false }: { stillInstalled?: boolean } = {}): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const statement of DELETE_WORKSPACE) await tx.run(statement, [teamId]);
      if (!stillInstalled) await tx.run(DELETE_INSTALL_LINKS, [teamId]);
    });
  }
}
