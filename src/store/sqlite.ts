import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';

/**
 * Opens SQLite with `prepare` remembered per SQL text, for two reasons:
 * - preparing costs more than running most of our queries, and a quiz answer in a burst of a
 *   thousand should only pay for the run;
 * - Node 24.19 and later abort the whole process when garbage collection finalizes a better-sqlite3 12
 *   statement or database outside a JavaScript context (nodejs/node#65446; better-sqlite3 13 fixes it
 *   but needs Node 22). A remembered statement, like its database, is never collected; the app has a
 *   fixed set of queries, so nothing piles up.
 * Statements are shared, so leave no mode toggled (`pluck`, `raw`) that another caller would not
 * expect. `db.pragma()` prepares out of reach of this: write settings with `exec`, read them with
 * `prepare`.
 */
const keptAlive = new Set<Database>();

export function openSqlite(path: string, options?: BetterSqlite3.Options): Database {
  const db = new BetterSqlite3(path, options);
  keptAlive.add(db);
  const statements = new Map<string, Statement>();
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (!statement) statements.set(source, (statement = prepare(source)));
    return statement;
  }) as Database['prepare'];
  return db;
}
