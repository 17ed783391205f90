import { afterAll } from 'vitest';
import { openDatabase, openSqliteDatabase } from '../../src/store/database.js';
import type { Engine, SqlDatabase } from '../../src/store/sql.js';
import { freshPostgresUrl } from './postgres.js';

/** Every engine the store runs on: suites that take `describe.each(ENGINES)` run on both. */
export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

const opened: SqlDatabase[] = [];
// Registered on the root suite of each test file that imports this: nothing stays connected after the file.
afterAll(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

/**
 * A fresh, migrated, empty database of the engine: an in-memory SQLite, or a new PostgreSQL database
 * on the test server. Closed after the test file at the latest.
 */
export async function freshDatabase(engine: Engine): Promise<SqlDatabase> {
  const db = engine === 'sqlite' ? await openSqliteDatabase(':memory:') : await openDatabase({ url: await freshPostgresUrl() });
  opened.push(db);
  return db;
}

/** Every table and its columns, as either engine describes its schema. */
export async function tableColumns(db: SqlDatabase): Promise<Map<string, string[]>> {
  const found =
    db.engine === 'sqlite'
      ? await db.all<{ table_name: string; column_name: string }>(
          "SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY m.name, p.cid",
        )
      : await db.all<{ table_name: string; column_name: string }>(
          'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position',
        );
  const tables = new Map<string, string[]>();
  for (const { table_name: table, column_name: column } of found) tables.set(table, [...(tables.get(table) ?? []), column]);
  return tables;
}
