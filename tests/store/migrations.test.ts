import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../src/store/sqlite.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from '../../src/store/database.js';
import { loadMigrations, migrate, MigrationError, schemaVersion } from '../../src/store/migrations.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'customertype-migrations-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeMigrations(files: Record<string, string>): string {
  const migrationsDir = join(dir, 'migrations');
  mkdirSync(migrationsDir, { recursive: true });
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(migrationsDir, name), sql);
  return migrationsDir;
}

describe('the project migrations', () => {
  it('apply to a new database, which is then in WAL mode with foreign keys and a busy timeout', () => {
    const path = join(dir, 'nested', 'folder', 'app.db');
    const db = openDatabase(path);
    expect(db.prepare('PRAGMA journal_mode').pluck().get()).toBe('wal');
    expect(db.prepare('PRAGMA foreign_keys').pluck().get()).toBe(1);
    expect(db.prepare('PRAGMA busy_timeout').pluck().get()).toBe(5000);
    expect(schemaVersion(db)).toBe(loadMigrations(join(import.meta.dirname, '../../migrations')).length);
    db.close();
  });

  it('apply nothing twice when the app restarts', () => {
    const path = join(dir, 'app.db');
    openDatabase(path).close();
    const db = openDatabase(path);
    const rows = db.prepare('SELECT version, COUNT(*) AS n FROM schema_migrations GROUP BY version').all() as Array<{ n: number }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.n === 1)).toBe(true);
    db.close();
  });

  it('0004 keeps each agent\'s latest correction of a classification when upgrading', () => {
    const all = loadMigrations(join(import.meta.dirname, '../../migrations'));
    const db = openSqlite(':memory:');
    migrate(db, all.filter((migration) => migration.version <= 3));
    db.exec(`INSERT INTO classifications (id, surface, confidence, text_length, created_at) VALUES (1, 'command', 0.9, 10, 'x');
      INSERT INTO corrections (classification_id, user_id, predicted_type, corrected_type, confidence, created_at) VALUES
        (1, 'U1', 'angry', 'loyalist', 0.9, 'a'), (1, 'U1', 'angry', 'impatient', 0.9, 'b'), (1, 'U2', 'angry', 'angry', 0.9, 'c'),
        (NULL, 'U1', 'angry', 'chatty', 0.9, 'd'), (NULL, 'U1', 'angry', 'skeptic', 0.9, 'e');`);
    migrate(db, all);
    expect(db.prepare('SELECT classification_id, user_id, corrected_type FROM corrections ORDER BY id').all()).toEqual([
      { classification_id: 1, user_id: 'U1', corrected_type: 'impatient' },
      { classification_id: 1, user_id: 'U2', corrected_type: 'angry' },
      { classification_id: null, user_id: 'U1', corrected_type: 'chatty' },
      { classification_id: null, user_id: 'U1', corrected_type: 'skeptic' },
    ]);
  });
});

describe('0005', () => {
  it('counts every quiz revealed before the upgrade as closed', () => {
    const all = loadMigrations(join(import.meta.dirname, '../../migrations'));
    const db = openSqlite(':memory:');
    migrate(db, all.filter((migration) => migration.version <= 4));
    db.exec(`INSERT INTO quizzes (channel_id, local_date, kind, type_id, question_key, question, status, created_at, posted_at, revealed_at) VALUES
      ('C1', '2026-11-20', 'which-type', 'angry', 'k1', '{}', 'revealed', 'x', 'p', '2026-11-20T17:00:00Z'),
      ('C1', '2026-11-21', 'which-type', 'angry', 'k2', '{}', 'posted', 'x', 'p', NULL);`);
    migrate(db, all);
    expect(db.prepare('SELECT status, closed_at FROM quizzes ORDER BY id').all()).toEqual([
      { status: 'revealed', closed_at: '2026-11-20T17:00:00Z' },
      { status: 'posted', closed_at: null },
    ]);
  });
});

describe('migrate', () => {
  it('applies pending migrations in order and records each version', () => {
    const migrations = loadMigrations(
      writeMigrations({ '0002_b.sql': 'ALTER TABLE t ADD COLUMN b TEXT;', '0001_a.sql': 'CREATE TABLE t (a TEXT);' }),
    );
    const db = openSqlite(':memory:');
    expect(migrate(db, migrations).map((m) => m.name)).toEqual(['a', 'b']);
    expect(migrate(db, migrations)).toEqual([]);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare("SELECT name FROM pragma_table_info('t')").all()).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('rolls a failing migration back together with its version row', () => {
    const migrations = loadMigrations(
      writeMigrations({ '0001_a.sql': 'CREATE TABLE t (a TEXT);', '0002_bad.sql': 'CREATE TABLE u (x TEXT); SELECT * FROM missing_table;' }),
    );
    const db = openSqlite(':memory:');
    expect(() => migrate(db, migrations)).toThrow(/missing_table/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'u'").get()).toEqual({ n: 0 });
  });

  it('refuses a database newer than the code, naming both versions', () => {
    const db = openSqlite(':memory:');
    migrate(db, loadMigrations(writeMigrations({ '0001_a.sql': 'CREATE TABLE t (a TEXT);', '0002_b.sql': 'CREATE TABLE u (b TEXT);' })));
    expect(() => migrate(db, [{ version: 1, name: 'a', sql: 'CREATE TABLE t (a TEXT);' }])).toThrow(
      /schema version 2, newer than this version of customertype knows \(1\)/,
    );
  });

  it('rejects gaps, repeats and misnamed files', () => {
    expect(() => loadMigrations(writeMigrations({ '0001_a.sql': '', '0003_c.sql': '' }))).toThrow(MigrationError);
    rmSync(join(dir, 'migrations'), { recursive: true });
    expect(() => loadMigrations(writeMigrations({ '1_a.sql': '' }))).toThrow(/named NNNN_name\.sql/);
  });
});

describe('openDatabase', () => {
  it('refuses a database written by a newer customertype with a clear message', () => {
    const path = join(dir, 'app.db');
    openDatabase(path).close();
    const raw = openSqlite(path);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')").run();
    raw.close();
    expect(() => openDatabase(path)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(path)).toThrow(/schema version 999, newer than this version of customertype knows/);
  });

  it('refuses a file that is not SQLite and leaves it byte for byte as it was', () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(/is not a SQLite database; it was left untouched/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
