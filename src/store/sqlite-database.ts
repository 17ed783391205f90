import type { Database } from 'better-sqlite3';
import { isBusyError } from './busy.js';
import type { RunResult, SqlDatabase, SqlSession, SqlValue, WriteProbe } from './sql.js';

function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * SQLite behind the async door. better-sqlite3 runs each statement synchronously, which is what
 * makes it fast; the one thing to guard is a transaction that awaits between its statements: on one
 * connection, anyone else's statement would land inside it. So while a transaction is open, other
 * statements wait their turn, and transactions run one after another.
 */
export class SqliteDatabase implements SqlDatabase {
  readonly engine = 'sqlite' as const;
  private openTransaction: Promise<void> | undefined;
  private readonly inside: SqlSession;

  constructor(
    /** The better-sqlite3 handle, for tests and tools that read the file directly. */
    readonly raw: Database,
    readonly description: string,
  ) {
    this.inside = {
      engine: 'sqlite',
      all: <T>(sql: string, params: readonly SqlValue[] = []) => settle(() => raw.prepare(sql).all(...params) as T[]),
      get: <T>(sql: string, params: readonly SqlValue[] = []) => settle(() => raw.prepare(sql).get(...params) as T | undefined),
      run: (sql: string, params: readonly SqlValue[] = []) => settle((): RunResult => ({ changes: raw.prepare(sql).run(...params).changes })),
      exec: (sql: string) => settle(() => void raw.exec(sql)),
    };
  }

  get isOpen(): boolean {
    return this.raw.open;
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.whenFree(() => this.inside.all<T>(sql, params));
  }

  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.whenFree(() => this.inside.get<T>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return this.whenFree(() => this.inside.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.whenFree(() => this.inside.exec(sql));
  }

  async transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    while (this.openTransaction) await this.openTransaction;
    let finished!: () => void;
    this.openTransaction = new Promise<void>((resolve) => (finished = resolve));
    try {
      // IMMEDIATE takes the write lock now: a transaction that reads then writes can't find it taken half-way.
      this.raw.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.inside);
        this.raw.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.openTransaction = undefined;
      finished();
    }
  }

  /** Takes the write lock and lets it go at once; never waits (the bot runs with no busy timeout). */
  async probeWrites(): Promise<WriteProbe> {
    if (!this.raw.open) return { ok: false, reason: 'the database is closed' };
    if (this.openTransaction || this.raw.inTransaction) return { ok: true };
    try {
      this.raw.exec('BEGIN IMMEDIATE');
      this.raw.exec('ROLLBACK');
      return { ok: true };
    } catch (error) {
      if (isBusyError(error)) return { ok: false, reason: 'the database is locked by another process; writes are waiting' };
      throw error;
    }
  }

  async close(): Promise<void> {
    while (this.openTransaction) await this.openTransaction;
    if (this.raw.open) this.raw.close();
  }

  private whenFree<T>(work: () => Promise<T>): Promise<T> {
    if (!this.openTransaction) return work();
    return this.openTransaction.then(() => this.whenFree(work));
  }
}
