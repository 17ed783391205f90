import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { DatabaseOpenError, openSqliteDatabase as openDatabase } from '../../src/store/database.js';
import type { Engine, SqlDatabase } from '../../src/store/sql.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { SqliteDatabase } from '../../src/store/sqlite-database.js';
import { ENGINES, freshDatabase, tableColumns } from '../helpers/engines.js';
import { freshPostgresUrl } from '../helpers/postgres.js';
import { PostgresDatabase } from '../../src/store/postgres-database.js';
import { loadMigrations, migrate, MigrationError, schemaVersion } from '../../src/store/migrations.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'customertype-migrations-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An empty database of the engine, with no migration applied. */
async function emptyDatabase(engine: Engine): Promise<SqlDatabase> {
  const db = engine === 'sqlite' ? new SqliteDatabase(openSqlite(':memory:'), ':memory:') : await PostgresDatabase.connect(await freshPostgresUrl());
  onTestFinished(() => db.close());
  return db;
}

/** SQLite right after 0001..N, to test an upgrade. */
function sqliteAt(version: number) {
  const all = loadMigrations(join(import.meta.dirname, '../../migrations'));
  const raw = openSqlite(':memory:');
  return { all, raw, db: new SqliteDatabase(raw, ':memory:'), before: all.filter((migration) => migration.version <= version) };
}

function writeMigrations(files: Record<string, string>): string {
  const migrationsDir = join(dir, 'migrations');
  mkdirSync(migrationsDir, { recursive: true });
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(migrationsDir, name), sql);
  return migrationsDir;
}

describe('the project migrations', () => {
  // Start-up may wait for another process's lock (busy timeout 5 s); once migrated, nothing waits inside SQLite (see busy.ts).
  it('apply to a new database, which is then in WAL mode with foreign keys and no busy timeout left', async () => {
    const path = join(dir, 'nested', 'folder', 'app.db');
    const db = await openDatabase(path);
    expect(db.raw.prepare('PRAGMA journal_mode').pluck().get()).toBe('wal');
    expect(db.raw.prepare('PRAGMA foreign_keys').pluck().get()).toBe(1);
    expect(db.raw.prepare('PRAGMA busy_timeout').pluck().get()).toBe(0);
    expect(await schemaVersion(db)).toBe(loadMigrations(join(import.meta.dirname, '../../migrations')).length);
    await db.close();
  });

  it('apply nothing twice when the app restarts', async () => {
    const path = join(dir, 'app.db');
    await (await openDatabase(path)).close();
    const db = await openDatabase(path);
    const rows = await db.all<{ n: number }>('SELECT version, COUNT(*) AS n FROM schema_migrations GROUP BY version');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.n === 1)).toBe(true);
    await db.close();
  });

  it('0004 keeps each agent\'s latest correction of a classification when upgrading', async () => {
    const { all, raw: rawDb, db, before } = sqliteAt(3);
    await migrate(db, before);
    rawDb.exec(`INSERT INTO classifications (id, surface, confidence, text_length, created_at) VALUES (1, 'command', 0.9, 10, 'x');
      INSERT INTO corrections (classification_id, user_id, predicted_type, corrected_type, confidence, created_at) VALUES
        (1, 'U1', 'angry', 'loyalist', 0.9, 'a'), (1, 'U1', 'angry', 'impatient', 0.9, 'b'), (1, 'U2', 'angry', 'angry', 0.9, 'c'),
        (NULL, 'U1', 'angry', 'chatty', 0.9, 'd'), (NULL, 'U1', 'angry', 'skeptic', 0.9, 'e');`);
    await migrate(db, all);
    expect(await db.all('SELECT classification_id, user_id, corrected_type FROM corrections ORDER BY id')).toEqual([
      { classification_id: 1, user_id: 'U1', corrected_type: 'impatient' },
      { classification_id: 1, user_id: 'U2', corrected_type: 'angry' },
      { classification_id: null, user_id: 'U1', corrected_type: 'chatty' },
      { classification_id: null, user_id: 'U1', corrected_type: 'skeptic' },
    ]);
  });
});

describe('0005', () => {
  it('counts every quiz revealed before the upgrade as closed', async () => {
    const { all, raw: rawDb, db, before } = sqliteAt(4);
    await migrate(db, before);
    rawDb.exec(`INSERT INTO quizzes (channel_id, local_date, kind, type_id, question_key, question, status, created_at, posted_at, revealed_at) VALUES
      ('C1', '2026-11-20', 'which-type', 'angry', 'k1', '{}', 'revealed', 'x', 'p', '2026-11-20T17:00:00Z'),
      ('C1', '2026-11-21', 'which-type', 'angry', 'k2', '{}', 'posted', 'x', 'p', NULL);`);
    await migrate(db, all);
    expect(await db.all('SELECT status, closed_at FROM quizzes ORDER BY id')).toEqual([
      { status: 'revealed', closed_at: '2026-11-20T17:00:00Z' },
      { status: 'posted', closed_at: null },
    ]);
  });
});

describe.each(ENGINES)('migrate on %s', (engine) => {
  it('applies pending migrations in order and records each version', async () => {
    const migrations = loadMigrations(
      writeMigrations({ '0002_b.sql': 'ALTER TABLE t ADD COLUMN b TEXT;', '0001_a.sql': 'CREATE TABLE t (a TEXT);' }),
    );
    const db = await emptyDatabase(engine);
    expect((await migrate(db, migrations)).map((m) => m.name)).toEqual(['a', 'b']);
    expect(await migrate(db, migrations)).toEqual([]);
    expect(await schemaVersion(db)).toBe(2);
    expect((await tableColumns(db)).get('t')).toEqual(['a', 'b']);
  });

  it('rolls a failing migration back together with its version row', async () => {
    const migrations = loadMigrations(
      writeMigrations({ '0001_a.sql': 'CREATE TABLE t (a TEXT);', '0002_bad.sql': 'CREATE TABLE u (x TEXT); SELECT * FROM missing_table;' }),
    );
    const db = await emptyDatabase(engine);
    await expect(migrate(db, migrations)).rejects.toThrow(/missing_table/);
    expect(await schemaVersion(db)).toBe(1);
    expect((await tableColumns(db)).has('u')).toBe(false);
  });

  it('refuses a database newer than the code, naming both versions', async () => {
    const db = await emptyDatabase(engine);
    await migrate(db, loadMigrations(writeMigrations({ '0001_a.sql': 'CREATE TABLE t (a TEXT);', '0002_b.sql': 'CREATE TABLE u (b TEXT);' })));
    await expect(migrate(db, [{ version: 1, name: 'a', sql: 'CREATE TABLE t (a TEXT);' }])).rejects.toThrow(
      /schema version 2, newer than this version of customertype knows \(1\)/,
    );
  });

  it('applies each migration once when several instances start at the same moment', async () => {
    const migrations = loadMigrations(writeMigrations({ '0001_a.sql': 'CREATE TABLE t (a TEXT);', '0002_b.sql': 'ALTER TABLE t ADD COLUMN b TEXT;' }));
    // On PostgreSQL a second pool on the same database: another instance. SQLite's one connection serialises them anyway.
    const url = engine === 'postgres' ? await freshPostgresUrl() : undefined;
    const first = url ? await PostgresDatabase.connect(url) : new SqliteDatabase(openSqlite(':memory:'), ':memory:');
    const second = url ? await PostgresDatabase.connect(url) : first;
    onTestFinished(async () => {
      await first.close();
      await second.close();
    });
    const applied = await Promise.all([migrate(first, migrations), migrate(second, migrations), migrate(first, migrations)]);
    expect(applied.flat().map((migration) => migration.version).sort()).toEqual([1, 2]);
    expect(await first.all('SELECT version FROM schema_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('rejects gaps, repeats and misnamed files', () => {
    expect(() => loadMigrations(writeMigrations({ '0001_a.sql': '', '0003_c.sql': '' }))).toThrow(MigrationError);
    rmSync(join(dir, 'migrations'), { recursive: true });
    expect(() => loadMigrations(writeMigrations({ '1_a.sql': '' }))).toThrow(/named NNNN_name\.sql/);
  });
});

describe('openDatabase', () => {
  it('refuses a database written by a newer customertype with a clear message', async () => {
    const path = join(dir, 'app.db');
    await (await openDatabase(path)).close();
    const raw = openSqlite(path);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')").run();
    raw.close();
    await expect(openDatabase(path)).rejects.toThrow(DatabaseOpenError);
    await expect(openDatabase(path)).rejects.toThrow(/schema version 999, newer than this version of customertype knows/);
  });

  it('refuses a file that is not SQLite and leaves it byte for byte as it was', async () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
    const before = readFileSync(path);
    await expect(openDatabase(path)).rejects.toThrow(/is not a SQLite database; it was left untouched/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
