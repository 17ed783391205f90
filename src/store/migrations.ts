import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads `NNNN_name.sql` files; numbering must run 1, 2, 3… so that two branches can't both add 0004. */
export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir).filter((file) => file.endsWith('.sql')).sort();
  const migrations = files.map((file): Migration => {
    const match = MIGRATION_FILE.exec(file);
    if (!match) {
      throw new MigrationError(`${join(dir, file)}: migration files are named NNNN_name.sql (e.g. 0002_add_quiz.sql)`);
    }
    return { version: Number(match[1]), name: match[2]!, sql: readFileSync(join(dir, file), 'utf8') };
  });
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationError(
        `${dir}: expected migration ${String(index + 1).padStart(4, '0')} but found ${String(migration.version).padStart(4, '0')}_${migration.name}.sql; numbers must run 0001, 0002, … without gaps or repeats`,
      );
    }
  });
  return migrations;
}

export function schemaVersion(db: Database): number {
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  return row.version ?? 0;
}

/**
 * Applies pending migrations, each in one transaction with its version row, so a crash
 * half-way leaves the database at the previous version rather than in between.
 */
export function migrate(db: Database, migrations: Migration[], now: () => Date = () => new Date()): Migration[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new MigrationError(
      `the database is at schema version ${current}, newer than this version of customertype knows (${latest}). ` +
        'Upgrade customertype, or set DATABASE_PATH to another file.',
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const pending = migrations.filter((migration) => migration.version > current);
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now().toISOString());
    })();
  }
  return pending;
}
