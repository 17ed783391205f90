import BetterSqlite3, { type Database } from 'better-sqlite3';

/**
 * Node 24.19 and later abort the whole process when garbage collection finalizes a better-sqlite3 12
 * statement or database outside a JavaScript context (nodejs/node#65446; better-sqlite3 13 fixes it
 * but needs Node 22). So what is opened here stays reachable for the life of the process: the app
 * prepares each query once and opens one database, so nothing piles up. `db.pragma()` prepares out of
 * reach of this, which is why settings are written with `exec` and read with `prepare`.
 */
const keptAlive = new Set<object>();

export function openSqlite(path: string, options?: BetterSqlite3.Options): Database {
  const db = new BetterSqlite3(path, options);
  keptAlive.add(db);
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    keptAlive.add(statement);
    return statement;
  }) as Database['prepare'];
  return db;
}
