import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/sqlite.js';
import { dropPostgresDatabases, freshPostgresUrl } from '../helpers/postgres.js';

// One set of migrations per engine, same versions and names: these tests hold the PostgreSQL set
// to the SQLite one, so that one store runs on either. Both are applied straight, one file per
// transaction, as the store's migration runner does.

const SQLITE_DIR = join(import.meta.dirname, '../../migrations');
const POSTGRES_DIR = join(SQLITE_DIR, 'postgres');

interface MigrationFile {
  file: string;
  version: number;
  sql: string;
}

function migrationFiles(dir: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ file, version: Number(file.slice(0, 4)), sql: readFileSync(join(dir, file), 'utf8') }));
}

const sqliteFiles = migrationFiles(SQLITE_DIR);
const postgresFiles = migrationFiles(POSTGRES_DIR);
const upTo = (files: MigrationFile[], version: number): MigrationFile[] => files.filter((file) => file.version <= version);
const after = (files: MigrationFile[], version: number): MigrationFile[] => files.filter((file) => file.version > version);

function migrateSqlite(db: Database, files: MigrationFile[]): void {
  for (const { sql } of files) db.transaction(() => db.exec(sql))();
}

async function migratePostgres(client: pg.Client, files: MigrationFile[]): Promise<void> {
  for (const { file, sql } of files) {
    await client.query('BEGIN');
    try {
      await client.query(sql);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(`migrations/postgres/${file}: ${(error as Error).message}`);
    }
  }
}

const clients: pg.Client[] = [];
async function freshPostgres(): Promise<pg.Client> {
  const client = new pg.Client(await freshPostgresUrl());
  await client.connect();
  clients.push(client);
  return client;
}

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end()));
  await dropPostgresDatabases();
});

interface Column {
  table: string;
  column: string;
  type: string;
  notNull: boolean;
  primaryKey: boolean;
}

function sqliteColumns(db: Database): Column[] {
  const rows = db
    .prepare(
      `SELECT m.name AS "table", c.name AS "column", c.type AS type, c."notnull" AS "notNull", c.pk AS pk
       FROM sqlite_master m JOIN pragma_table_info(m.name) c
       WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
       ORDER BY 1, 2`,
    )
    .all() as Array<{ table: string; column: string; type: string; notNull: number; pk: number }>;
  return rows.map((row) => ({ table: row.table, column: row.column, type: row.type, notNull: row.notNull === 1, primaryKey: row.pk > 0 }));
}

async function postgresColumns(client: pg.Client): Promise<Column[]> {
  const { rows } = await client.query<{ table: string; column: string; type: string; nullable: string; pk: boolean }>(
    `SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS type, c.is_nullable AS nullable,
            EXISTS (SELECT 1 FROM information_schema.table_constraints t
                    JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name)
                    WHERE t.constraint_type = 'PRIMARY KEY' AND k.table_name = c.table_name AND k.column_name = c.column_name) AS pk
     FROM information_schema.columns c
     WHERE c.table_schema = 'public'
     ORDER BY 1, 2`,
  );
  return rows.map((row) => ({ table: row.table, column: row.column, type: row.type, notNull: row.nullable === 'NO', primaryKey: row.pk }));
}

/** What each SQLite column type must be on PostgreSQL for the store to read the same values back. */
const POSTGRES_TYPE: Record<string, string> = { INTEGER: 'integer', TEXT: 'text', REAL: 'double precision' };

interface Index {
  name: string;
  unique: boolean;
  partial: boolean;
}

function sqliteIndexes(db: Database): Index[] {
  return (
    db
      .prepare(
        `SELECT i.name AS name, i."unique" AS "isUnique", i.partial AS partial
         FROM sqlite_master m JOIN pragma_index_list(m.name) i
         WHERE m.type = 'table' AND i.origin = 'c' ORDER BY 1`,
      )
      .all() as Array<{ name: string; isUnique: number; partial: number }>
  ).map((row) => ({ name: row.name, unique: row.isUnique === 1, partial: row.partial === 1 }));
}

async function postgresIndexes(client: pg.Client): Promise<Index[]> {
  const { rows } = await client.query<Index>(
    `SELECT c.relname AS name, i.indisunique AS unique, i.indpred IS NOT NULL AS partial
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
     ORDER BY 1`,
  );
  return rows;
}

describe('the PostgreSQL migrations', () => {
  it('have the same versions and names as the SQLite ones, numbered without gaps', () => {
    expect(postgresFiles.map((file) => file.file)).toEqual(sqliteFiles.map((file) => file.file));
    expect(sqliteFiles.map((file) => file.version)).toEqual(sqliteFiles.map((_, index) => index + 1));
  });

  describe('once all applied', () => {
    let sqlite: Column[];
    let postgres: Column[];
    let client: pg.Client;
    let db: Database;

    beforeAll(async () => {
      db = openSqlite(':memory:');
      migrateSqlite(db, sqliteFiles);
      sqlite = sqliteColumns(db);
      client = await freshPostgres();
      await migratePostgres(client, postgresFiles);
      postgres = await postgresColumns(client);
    });
    afterAll(() => db.close());

    it('have every table and column of the SQLite schema, and no other', () => {
      const names = (columns: Column[]): string[] => columns.map((column) => `${column.table}.${column.column}`).sort();
      expect(sqlite.length).toBeGreaterThan(0);
      expect(names(postgres)).toEqual(names(sqlite));
    });

    it('give each column the type that reads back the same values, and the same NOT NULL', () => {
      const byName = new Map(postgres.map((column) => [`${column.table}.${column.column}`, column]));
      for (const column of sqlite) {
        const twin = byName.get(`${column.table}.${column.column}`);
        expect(POSTGRES_TYPE[column.type], `${column.table}.${column.column}: no PostgreSQL type for SQLite's ${column.type}`).toBeDefined();
        expect(twin?.type, `${column.table}.${column.column}`).toBe(POSTGRES_TYPE[column.type]);
        expect(twin?.primaryKey, `${column.table}.${column.column} primary key`).toBe(column.primaryKey);
        // SQLite lets a primary key hold NULL unless told otherwise; PostgreSQL never does.
        if (!column.primaryKey) expect(twin?.notNull, `${column.table}.${column.column} NOT NULL`).toBe(column.notNull);
      }
    });

    it('have the same named indexes, as unique and as partial', async () => {
      const indexes = sqliteIndexes(db);
      expect(indexes.length).toBeGreaterThan(0);
      expect(await postgresIndexes(client)).toEqual(indexes);
    });

    it('hand ids back as numbers and keep a confidence to full precision', async () => {
      const { rows } = await client.query<{ id: unknown; confidence: unknown }>(
        `INSERT INTO classifications (surface, confidence, text_length, created_at) VALUES ('command', $1, 3, '2026-12-07T10:00:00.000Z')
         RETURNING id, confidence`,
        [0.123456789012345],
      );
      expect(rows).toEqual([{ id: expect.any(Number), confidence: 0.123456789012345 }]);
    });

    it('accept and refuse the same quiz times as SQLite', async () => {
      const times = ['09:30', '23:59', '29:59', '9:30', '09:60', '09:300', 'x09:30', '', '０９:３０'];
      for (const time of times) {
        const insert = `INSERT INTO quiz_schedules (channel_id, post_time, time_zone, days, updated_at) VALUES ('C-${time}', ?, 'UTC', '1-5', 'x')`;
        let sqliteAccepts = true;
        try {
          db.prepare(insert).run(time);
        } catch {
          sqliteAccepts = false;
        }
        const postgresAccepts = await client.query(insert.replace('?', '$1'), [time]).then(
          () => true,
          () => false,
        );
        expect(postgresAccepts, `post_time '${time}'`).toBe(sqliteAccepts);
      }
    });

    it('refuse a flag other than 0 or 1 and a second answer from one agent, as SQLite does', async () => {
      await expect(client.query(`INSERT INTO team_teaching (team_id, enabled, updated_at) VALUES ('T1', 2, 'x')`)).rejects.toThrow(/check constraint/);
      const quiz = await client.query<{ id: number }>(
        `INSERT INTO quizzes (channel_id, local_date, kind, type_id, question_key, question, status, created_at)
         VALUES ('C1', '2026-12-07', 'which-type', 'angry', 'k', '{}', 'posted', 'x') RETURNING id`,
      );
      const answer = `INSERT INTO quiz_answers (quiz_id, user_id, choice, correct, answered_at, ms_to_answer) VALUES ($1, 'U1', $2, 1, 'x', 5)`;
      await client.query(answer, [quiz.rows[0]!.id, 0]);
      await expect(client.query(answer, [quiz.rows[0]!.id, 1])).rejects.toThrow(/duplicate key/);
      await client.query('DELETE FROM quizzes WHERE id = $1', [quiz.rows[0]!.id]);
      expect((await client.query('SELECT COUNT(*)::int AS n FROM quiz_answers')).rows).toEqual([{ n: 0 }]);
    });
  });

  it("0004 keeps each agent's latest correction of a classification, as on SQLite", async () => {
    const seed = `INSERT INTO classifications (surface, confidence, text_length, created_at) VALUES ('command', 0.9, 10, 'x');
      INSERT INTO corrections (classification_id, user_id, predicted_type, corrected_type, confidence, created_at) VALUES
        (1, 'U1', 'angry', 'loyalist', 0.9, 'a'), (1, 'U1', 'angry', 'impatient', 0.9, 'b'), (1, 'U2', 'angry', 'angry', 0.9, 'c'),
        (NULL, 'U1', 'angry', 'chatty', 0.9, 'd'), (NULL, 'U1', 'angry', 'skeptic', 0.9, 'e');`;
    const survivors = 'SELECT classification_id, user_id, corrected_type FROM corrections ORDER BY id';

    const db = openSqlite(':memory:');
    migrateSqlite(db, upTo(sqliteFiles, 3));
    db.exec(seed);
    migrateSqlite(db, after(sqliteFiles, 3));
    const expected = db.prepare(survivors).all();
    db.close();

    const client = await freshPostgres();
    await migratePostgres(client, upTo(postgresFiles, 3));
    await client.query(seed);
    await migratePostgres(client, after(postgresFiles, 3));
    expect(expected).toHaveLength(4);
    expect((await client.query(survivors)).rows).toEqual(expected);
  });
});
