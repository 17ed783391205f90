import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProblemsError } from '../problems.js';
import { loadMigrations, migrate, MigrationError } from './migrations.js';
import type { PostgresDatabase } from './postgres-database.js';
import type { SqlDatabase } from './sql.js';
import { openSqlite } from './sqlite.js';
import { SqliteDatabase } from './sqlite-database.js';

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
/** PostgreSQL's migrations: the same numbers and names as SQLite's, in its own dialect. */
export const POSTGRES_MIGRATIONS_DIR = join(DEFAULT_MIGRATIONS_DIR, 'postgres');

export class DatabaseOpenError extends ProblemsError {
  constructor(problem: string) {
    super([problem]);
  }
}

const SQLITE_HEADER = 'SQLite format 3\0';

function assertIsSqliteFile(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0) return;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    // Checked before SQLite opens it, so a mistyped DATABASE_PATH never gets a WAL file or a schema written into it.
    throw new DatabaseOpenError(`${path} is not a SQLite database; it was left untouched. Check DATABASE_PATH.`);
  }
}

export interface OpenDatabaseOptions {
  migrationsDir?: string;
  /** PostgreSQL: an idle connection failed (the pool replaces it); for the log. */
  onIdleError?: (error: Error) => void;
}

/** Where the data lives: a SQLite file (the default), or a PostgreSQL server several instances share. */
export type DatabaseTarget = { path: string; url?: undefined } | { url: string; path?: undefined };

/** The target a parsed configuration names. */
export function databaseTarget(config: { DATABASE_URL?: string | undefined; DATABASE_PATH: string }): DatabaseTarget {
  return config.DATABASE_URL ? { url: config.DATABASE_URL } : { path: config.DATABASE_PATH };
}

/** Opens (creating if needed) and migrates the database. Throws DatabaseOpenError with a reason a person can act on. */
export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions = {}): Promise<SqlDatabase> {
  return target.url !== undefined ? openPostgres(target.url, options) : openSqliteDatabase(target.path, options);
}

/** The SQLite file, opened and migrated; the handle tests and tools read directly is `.raw`. */
export async function openSqliteDatabase(path: string, options: OpenDatabaseOptions = {}): Promise<SqliteDatabase> {
  const inMemory = path === ':memory:';
  if (!inMemory) {
    mkdirSync(dirname(path), { recursive: true });
    assertIsSqliteFile(path);
  }
  let db: SqliteDatabase;
  try {
    db = new SqliteDatabase(openSqlite(path), path);
  } catch (error) {
    throw new DatabaseOpenError(`cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    db.raw.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    // WAL with synchronous=NORMAL survives a killed process; only an OS crash could lose the last commits.
    db.raw.exec('PRAGMA synchronous = NORMAL');
    await migrate(db, loadMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR));
    // Start-up may wait for another process's lock; after it, waiting would freeze the event loop (see busy.ts).
    db.raw.exec('PRAGMA busy_timeout = 0');
    return db;
  } catch (error) {
    db.raw.close();
    if (error instanceof MigrationError) throw new DatabaseOpenError(`${path}: ${error.message}`);
    throw new DatabaseOpenError(`cannot use ${path}: ${(error as Error).message}`);
  }
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<PostgresDatabase> {
  // Loaded only here: one SQLite process never pays for the PostgreSQL driver in start-up time or memory.
  const { describePostgresUrl, PostgresDatabase } = await import('./postgres-database.js');
  const where = describePostgresUrl(url);
  let db: PostgresDatabase;
  try {
    db = await PostgresDatabase.connect(url, options.onIdleError ? { onIdleError: options.onIdleError } : {});
  } catch (error) {
    throw new DatabaseOpenError(`cannot connect to ${where}: ${(error as Error).message}. Check DATABASE_URL and that the server is running.`);
  }
  try {
    await migrate(db, loadMigrations(options.migrationsDir ?? POSTGRES_MIGRATIONS_DIR));
    return db;
  } catch (error) {
    await db.close();
    if (error instanceof MigrationError) throw new DatabaseOpenError(`${where}: ${error.message}`);
    throw new DatabaseOpenError(`cannot use ${where}: ${(error as Error).message}`);
  }
}
