/**
 * The one door to a database, SQLite or PostgreSQL. Stores write their SQL once, in the subset both
 * engines read the same way (`?` placeholders, `ON CONFLICT`, `RETURNING`, `IS NOT DISTINCT FROM`),
 * and never learn which engine runs it. Values are strings, numbers and null: timestamps are ISO-8601
 * text and flags are 0/1 in both engines, so a row reads back the same from either.
 */
export type SqlValue = string | number | null;

export type Engine = 'sqlite' | 'postgres';

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** Statements on the database, or inside one transaction. */
export interface SqlSession {
  readonly engine: Engine;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  /** Several statements with no parameters (a migration file). */
  exec(sql: string): Promise<void>;
}

/** Whether the database takes writes right now, asked without waiting for it. */
export type WriteProbe = { ok: true } | { ok: false; reason: string };

export interface SqlDatabase extends SqlSession {
  /**
   * Runs `work` in one transaction: all of it or none. Statements inside go through `tx`; the
   * transaction holds a write lock from its first statement, so keep it to database work.
   */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
  readonly isOpen: boolean;
  /** Where it is, for messages: a file path, or a PostgreSQL URL without its password. */
  readonly description: string;
  probeWrites(): Promise<WriteProbe>;
  close(): Promise<void>;
}

/** `column IN (?, ?, …)` for a list, with its parameters; an empty list matches nothing. */
export function inList(column: string, values: readonly SqlValue[]): { sql: string; params: SqlValue[] } {
  if (values.length === 0) return { sql: '1 = 0', params: [] };
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}
