import { isLang, type Lang } from '../lang.js';
import type { SqlDatabase, SqlSession } from './sql.js';

export interface NewTeamExample {
  teamId: string;
  typeId: string;
  /** Already redacted. */
  text: string;
  taughtBy: string;
  language: Lang;
}

export interface TeamExample extends NewTeamExample {
  id: number;
  createdAt: string;
}

interface Row {
  id: number;
  team_id: string;
  type_id: string;
  text: string;
  taught_by: string;
  language: string;
  created_at: string;
}

const fromRow = (row: Row): TeamExample => ({
  id: row.id,
  teamId: row.team_id,
  typeId: row.type_id,
  text: row.text,
  taughtBy: row.taught_by,
  language: isLang(row.language) ? row.language : 'en',
  createdAt: row.created_at,
});

/** Which examples a model was learned from: how many, and the newest row id. */
export function examplesFingerprint(count: number, newestId: number): string {
  return `${count}:${newestId}`;
}

/** The messages a workspace taught the classifier, and whether it teaches at all. Every query is for one workspace. */
export class TeamExampleStore {
  constructor(
    private readonly db: SqlDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(example: NewTeamExample): Promise<number> {
    const row = await this.db.get<{ id: number }>(
      'INSERT INTO team_examples (team_id, type_id, text, taught_by, language, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      [example.teamId, example.typeId, example.text, example.taughtBy, example.language, this.now().toISOString()],
    );
    return row!.id;
  }

  /** A workspace's examples by type, oldest first within a type. */
  async list(teamId: string): Promise<TeamExample[]> {
    return (await this.db.all<Row>('SELECT * FROM team_examples WHERE team_id = ? ORDER BY type_id, created_at, id', [teamId])).map(fromRow);
  }

  /** Whether an example of this workspace was removed (false: it was already gone, or is another's). */
  async remove(teamId: string, id: number): Promise<boolean> {
    return (await this.db.run('DELETE FROM team_examples WHERE team_id = ? AND id = ?', [teamId, id])).changes > 0;
  }

  removeAll(teamId: string, db: SqlSession = this.db): Promise<number> {
    return db.run('DELETE FROM team_examples WHERE team_id = ?', [teamId]).then((result) => result.changes);
  }

  /**
   * Per workspace with examples, its `examplesFingerprint`:
   * an instance sees from it that another one taught or removed an example.
   */
  async fingerprints(): Promise<Map<string, string>> {
    const rows = await this.db.all<{ team_id: string; n: number; newest: number }>('SELECT team_id, COUNT(*) AS n, MAX(id) AS newest FROM team_examples GROUP BY team_id');
    return new Map(rows.map((row) => [row.team_id, examplesFingerprint(row.n, row.newest)]));
  }

  async teamsWithExamples(): Promise<string[]> {
    return (await this.db.all<{ team_id: string }>('SELECT DISTINCT team_id FROM team_examples ORDER BY team_id')).map((row) => row.team_id);
  }

  async teachingEnabled(teamId: string): Promise<boolean> {
    const row = await this.db.get<{ enabled: number }>('SELECT enabled FROM team_teaching WHERE team_id = ?', [teamId]);
    return row === undefined || row.enabled === 1;
  }

  /** Switching off deletes every example in the same transaction: off means nothing is kept. */
  async setTeaching(teamId: string, enabled: boolean): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO team_teaching (team_id, enabled, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (team_id) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at`,
        [teamId, enabled ? 1 : 0, this.now().toISOString()],
      );
      if (!enabled) {
        await this.removeAll(teamId, tx);
        await tx.run('DELETE FROM pending_teachings WHERE team_id = ?', [teamId]);
      }
    });
  }
}
