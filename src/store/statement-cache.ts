import type { Database, Statement } from 'better-sqlite3';

/**
 * The database with `prepare` remembered per SQL text. Preparing a statement costs more than
 * running most of ours, and a quiz answer in a burst of a thousand should only pay for the run.
 */
export function withStatementCache(db: Database): Pick<Database, 'prepare' | 'transaction'> {
  const statements = new Map<string, Statement>();
  return {
    prepare(source: string) {
      let statement = statements.get(source);
      if (!statement) statements.set(source, (statement = db.prepare(source)));
      return statement;
    },
    transaction: (fn) => db.transaction(fn),
  } as Pick<Database, 'prepare' | 'transaction'>;
}
