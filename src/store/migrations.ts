import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlDatabase, SqlSession } from './sql.js';

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

export async function schemaVersion(db: SqlSession): Promise<number> {
  const row = await db.get<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
  return row?.version ?? 0;
}

const CREATE_SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** An arbitrary number every customertype instance agrees on: the advisory lock its migrations hold. */
const POSTGRES_MIGRATION_LOCK = 7_310_524;

/**
 * Several instances may start at once on one PostgreSQL: each migration step holds an advisory lock
 * for its transaction, and looks at the version again under it, so a step runs once. SQLite's
 * `BEGIN IMMEDIATE` already serialises them.
 */
async function holdMigrationLock(tx: SqlSession): Promise<void> {
  if (tx.engine === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(?)', [POSTGRES_MIGRATION_LOCK]);
}

/**
 * Applies pending migrations, each in one transaction with its version row, so a crash
 * half-way leaves the database at the previous version rather than in between.
 */
export async function migrate(db: SqlDatabase, migrations: Migration[], now: () => Date = () => new Date()): Promise<Migration[]> {
  await db.transaction(async (tx) => {
    await holdMigrationLock(tx);
    await tx.exec(CREATE_SCHEMA_MIGRATIONS);
  });
  const current = await schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new MigrationError(
      `the database is at schema version ${current}, newer than this version of customertype knows (${latest}). ` +
        `Upgrade customertype, or point ${db.engine === 'postgres' ? 'DATABASE_URL' : 'DATABASE_PATH'} at another database.`,
    );
  }
  const applied: Migration[] = [];
  for (const migration of migrations.filter((candidate) => candidate.version > current)) {
    await db.transaction(async (tx) => {
      await holdMigrationLock(tx);
      if ((await schemaVersion(tx)) >= migration.version) return;
      await tx.exec(migration.sql);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, now().toISOString()]);
      applied.push(migration);
    });
  }
  return applied;
}
