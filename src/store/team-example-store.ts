import type { Database } from 'better-sqlite3';
import { isLang, type Lang } from '../lang.js';

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

/** The messages a workspace taught the classifier, and whether it teaches at all. Every query is for one workspace. */
export class TeamExampleStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  add(example: NewTeamExample): number {
    const result = this.db
      .prepare('INSERT INTO team_examples (team_id, type_id, text, taught_by, language, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(example.teamId, example.typeId, example.text, example.taughtBy, example.language, this.now().toISOString());
    return Number(result.lastInsertRowid);
  }

  /** A workspace's examples by type, oldest first within a type. */
  list(teamId: string): TeamExample[] {
    return (this.db.prepare('SELECT * FROM team_examples WHERE team_id = ? ORDER BY type_id, created_at, id').all(teamId) as Row[]).map(fromRow);
  }

  /** Whether an example of this workspace was removed (false: it was already gone, or is another's). */
  remove(teamId: string, id: number): boolean {
    return this.db.prepare('DELETE FROM team_examples WHERE team_id = ? AND id = ?').run(teamId, id).changes > 0;
  }

  removeAll(teamId: string): number {
    return this.db.prepare('DELETE FROM team_examples WHERE team_id = ?').run(teamId).changes;
  }

  teamsWithExamples(): string[] {
    return (this.db.prepare('SELECT DISTINCT team_id FROM team_examples ORDER BY team_id').all() as Array<{ team_id: string }>).map((row) => row.team_id);
  }

  teachingEnabled(teamId: string): boolean {
    const row = this.db.prepare('SELECT enabled FROM team_teaching WHERE team_id = ?').get(teamId) as { enabled: number } | undefined;
    return row === undefined || row.enabled === 1;
  }

  /** Switching off deletes every example in the same transaction: off means nothing is kept. */
  setTeaching(teamId: string, enabled: boolean): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO team_teaching (team_id, enabled, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (team_id) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at`,
        )
        .run(teamId, enabled ? 1 : 0, this.now().toISOString());
      if (!enabled) this.removeAll(teamId);
    })();
  }
}
