import type { Database } from 'better-sqlite3';

/**
 * What is kept per workspace, to delete when it leaves: every table with its team id, and the
 * rows that hang off them (answers off quizzes, weekly boards off quiz channels). Agents' own
 * language choices are the agent's, kept by user id, and stay.
 */
const DELETE_WORKSPACE = [
  'DELETE FROM quiz_answers WHERE quiz_id IN (SELECT id FROM quizzes WHERE team_id = @teamId)',
  'DELETE FROM weekly_leaderboards WHERE channel_id IN (SELECT channel_id FROM quiz_schedules WHERE team_id = @teamId)',
  'DELETE FROM quizzes WHERE team_id = @teamId',
  'DELETE FROM quiz_schedules WHERE team_id = @teamId',
  'DELETE FROM corrections WHERE team_id = @teamId',
  'DELETE FROM classifications WHERE team_id = @teamId',
  'DELETE FROM weekly_digests WHERE team_id = @teamId',
  'DELETE FROM weekly_digest_settings WHERE team_id = @teamId',
  'DELETE FROM team_examples WHERE team_id = @teamId',
  'DELETE FROM team_teaching WHERE team_id = @teamId',
  'DELETE FROM workspace_deletions WHERE team_id = @teamId',
];
/** Which org install serves the workspace: kept while it stays installed, so its quizzes still find the token. */
const DELETE_INSTALL_LINKS = 'DELETE FROM installation_teams WHERE team_id = @teamId';

/** Workspaces that left (uninstalled, tokens revoked): their schedules stop at once, their data goes after the retention period. */
export class WorkspaceDataStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stops the workspace's quizzes and sets when its data is deleted; a second notice keeps the first date. */
  markLeft(teamId: string, retentionDays: number): void {
    const at = this.now();
    const deleteAfter = new Date(at.getTime() + retentionDays * 86_400_000);
    this.db.transaction(() => {
      this.db.prepare('UPDATE quiz_schedules SET enabled = 0, updated_at = ? WHERE team_id = ?').run(at.toISOString(), teamId);
      this.db
        .prepare('INSERT INTO workspace_deletions (team_id, uninstalled_at, delete_after) VALUES (?, ?, ?) ON CONFLICT (team_id) DO NOTHING')
        .run(teamId, at.toISOString(), deleteAfter.toISOString());
    })();
  }

  /** The workspace installed again: its data stays (its quizzes stay off until someone turns them on). */
  cancelDeletion(teamId: string): void {
    this.db.prepare('DELETE FROM workspace_deletions WHERE team_id = ?').run(teamId);
  }

  /** When the workspace's data will be deleted, if it left. */
  deletionDate(teamId: string): string | undefined {
    return (this.db.prepare('SELECT delete_after FROM workspace_deletions WHERE team_id = ?').get(teamId) as { delete_after: string } | undefined)?.delete_after;
  }

  /** Workspaces whose retention period has passed. */
  dueForDeletion(): string[] {
    return (this.db.prepare('SELECT team_id FROM workspace_deletions WHERE delete_after <= ? ORDER BY team_id').all(this.now().toISOString()) as Array<{ team_id: string }>).map(
      (row) => row.team_id,
    );
  }

  /** Deletes everything kept for the workspace, in one transaction; `stillInstalled` keeps what serving it needs. */
  deleteWorkspace(teamId: string, { stillInstalled = false }: { stillInstalled?: boolean } = {}): void {
    this.db.transaction(() => {
      for (const statement of DELETE_WORKSPACE) this.db.prepare(statement).run({ teamId });
      if (!stillInstalled) this.db.prepare(DELETE_INSTALL_LINKS).run({ teamId });
    })();
  }
}
