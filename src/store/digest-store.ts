import type { Database } from 'better-sqlite3';

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
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  setting(teamId: string): DigestSetting | undefined {
    const row = this.db.prepare('SELECT * FROM weekly_digest_settings WHERE team_id = ?').get(teamId) as SettingRow | undefined;
    return row && toSetting(row);
  }

  saveSetting(teamId: string, target: DigestTarget, updatedBy: string | undefined): void {
    this.db
      .prepare(
        `INSERT INTO weekly_digest_settings (team_id, target, channel_id, enabled_at, updated_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (team_id) DO UPDATE SET target = excluded.target, channel_id = excluded.channel_id,
           enabled_at = excluded.enabled_at, updated_by = excluded.updated_by`,
      )
      .run(teamId, target.kind, target.kind === 'channel' ? target.channelId : null, this.now().toISOString(), updatedBy ?? null);
  }

  /** Workspaces whose digest is on. */
  enabledSettings(): DigestSetting[] {
    return (this.db.prepare("SELECT * FROM weekly_digest_settings WHERE target <> 'off' ORDER BY team_id").all() as SettingRow[]).map(toSetting);
  }

  /** Claims a workspace's digest for a week; false if it is already claimed, here or by another instance. */
  claim(teamId: string, weekStart: string): boolean {
    return (
      this.db
        .prepare('INSERT INTO weekly_digests (team_id, week_start, claimed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
        .run(teamId, weekStart, this.now().toISOString()).changes === 1
    );
  }

  markSent(teamId: string, weekStart: string): void {
    this.db.prepare('UPDATE weekly_digests SET sent_at = ? WHERE team_id = ? AND week_start = ?').run(this.now().toISOString(), teamId, weekStart);
  }

  /** Gives a claim back after a send that certainly did not happen, so the next pass tries again. */
  release(teamId: string, weekStart: string): void {
    this.db.prepare('DELETE FROM weekly_digests WHERE team_id = ? AND week_start = ? AND sent_at IS NULL').run(teamId, weekStart);
  }
}
