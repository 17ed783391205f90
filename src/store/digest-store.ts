import type { SqlDatabase } from './sql.js';

/** Where a workspace's weekly digest goes. */
export type DigestTarget = { kind: 'channel'; channelId: string } | { kind: 'dm' } | { kind: 'off' };

export interface DigestSetting {
  teamId: string;
  target: DigestTarget;
  /** When it was last turned on or changed; weeks due before this are not sent. */
  enabledAt: Date;
  /** Who set it: the DM goes to them when no leads are configured. */
  updatedBy: string | undefined;
}

interface SettingRow {
  team_id: string;
  target: 'channel' | 'dm' | 'off';
  channel_id: string | null;
  enabled_at: string;
  updated_by: string | null;
}

const toSetting = (row: SettingRow): DigestSetting => ({
  teamId: row.team_id,
  target: row.target === 'channel' && row.channel_id ? { kind: 'channel', channelId: row.channel_id } : row.target === 'dm' ? { kind: 'dm' } : { kind: 'off' },
  enabledAt: new Date(row.enabled_at),
  updatedBy: row.updated_by ?? undefined,
});

/** The weekly digest's setting per workspace and its once-a-week claims. */
export class DigestStore {
  constructor(
    private readonly db: SqlDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async setting(teamId: string): Promise<DigestSetting | undefined> {
    const row = await this.db.get<SettingRow>('SELECT * FROM weekly_digest_settings WHERE team_id = ?', [teamId]);
    return row && toSetting(row);
  }

  async saveSetting(teamId: string, target: DigestTarget, updatedBy: string | undefined): Promise<void> {
    await this.db.run(
      `INSERT INTO weekly_digest_settings (team_id, target, channel_id, enabled_at, updated_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (team_id) DO UPDATE SET target = excluded.target, channel_id = excluded.channel_id,
         enabled_at = excluded.enabled_at, updated_by = excluded.updated_by`,
      [teamId, target.kind, target.kind === 'channel' ? target.channelId : null, this.now().toISOString(), updatedBy ?? null],
    );
  }

  /** Workspaces whose digest is on. */
  async enabledSettings(): Promise<DigestSetting[]> {
    return (await this.db.all<SettingRow>("SELECT * FROM weekly_digest_settings WHERE target <> 'off' ORDER BY team_id")).map(toSetting);
  }

  /** Claims a workspace's digest for a week; false if it is already claimed, here or by another instance. */
  async claim(teamId: string, weekStart: string): Promise<boolean> {
    const result = await this.db.run('INSERT INTO weekly_digests (team_id, week_start, claimed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
      teamId,
      weekStart,
      this.now().toISOString(),
    ]);
    return result.changes === 1;
  }

  async markSent(teamId: string, weekStart: string): Promise<void> {
    await this.db.run('UPDATE weekly_digests SET sent_at = ? WHERE team_id = ? AND week_start = ?', [this.now().toISOString(), teamId, weekStart]);
  }

  /** Gives a claim back after a send that certainly did not happen, so the next pass tries again. */
  async release(teamId: string, weekStart: string): Promise<void> {
    await this.db.run('DELETE FROM weekly_digests WHERE team_id = ? AND week_start = ? AND sent_at IS NULL', [teamId, weekStart]);
  }
}
