import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { ProblemsError } from '../problems.js';
import { loadMigrations, migrate, MigrationError } from './migrations.js';
import { openSqlite } from './sqlite.js';

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

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
}

/** Opens (creating if needed) and migrates the database. Throws DatabaseOpenError with a reason a person can act on. */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  const inMemory = path === ':memory:';
  if (!inMemory) {
    mkdirSync(dirname(path), { recursive: true });
    assertIsSqliteFile(path);
  }
  let db: Database;
  try {
    db = openSqlite(path);
  } catch (error) {
    throw new DatabaseOpenError(`cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    // WAL with synchronous=NORMAL survives a killed process; only an OS crash could lose the last commits.
    db.exec('PRAGMA synchronous = NORMAL');
    migrate(db, loadMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR));
    return db;
  } catch (error) {
    db.close();
    if (error instanceof MigrationError) throw new DatabaseOpenError(`${path}: ${error.message}`);
    throw new DatabaseOpenError(`cannot use ${path}: ${(error as Error).message}`);
  }
}
