import pg from 'pg';
import type { RunResult, SqlDatabase, SqlSession, SqlValue, WriteProbe } from './sql.js';

const positional = new Map<string, string>();
const statementNames = new Map<string, string>();

/**
 * A query as `pg` sends it: positional placeholders, and a name, so each connection parses and plans
 * each of the store's queries once (a prepared statement) rather than on every call. The store's
 * queries are a fixed set; a list built from values (`inList`) has one text per length.
 */
function preparedQuery(sql: string, params: readonly SqlValue[]): pg.QueryConfig {
  const text = toPositional(sql);
  let name = statementNames.get(text);
  if (name === undefined) statementNames.set(text, (name = `ct${statementNames.size + 1}`));
  return { name, text, values: [...params] };
}

/** `?` → `$1`, `$2`, … outside quoted text; remembered per SQL text, as the store's queries are a fixed set. */
export function toPositional(sql: string): string {
  let converted = positional.get(sql);
  if (converted !== undefined) return converted;
  let out = '';
  let index = 0;
  let quote: string | undefined;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = undefined;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === '?') {
      out += `$${++index}`;
    } else {
      out += char;
    }
  }
  positional.set(sql, (converted = out));
  return converted;
}

const INT8 = 20;
const NUMERIC = 1700;

/**
 * COUNT and SUM come back from PostgreSQL as bigint and AVG as numeric, which `pg` gives as strings
 * to keep every digit; our counts and averages fit a double, and SQLite gives numbers.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** Connections per instance; a Slack bot's queries are short. */
  maxConnections?: number;
  /** Called when an idle connection fails (the server restarted): the pool replaces it. */
  onIdleError?: (error: Error) => void;
}

/** What a request may wait for a row another transaction holds before it is told to try again. */
const LOCK_TIMEOUT_MS = 1000;
/** No statement of ours takes seconds; one that does is stuck, and holding its connection helps no one. */
const STATEMENT_TIMEOUT_MS = 15_000;

function sessionOf(client: pg.Pool | pg.PoolClient): SqlSession {
  return {
    engine: 'postgres',
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => (await client.query(preparedQuery(sql, params))).rows as T[],
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => (await client.query(preparedQuery(sql, params))).rows[0] as T | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []): Promise<RunResult> => ({
      changes: (await client.query(preparedQuery(sql, params))).rowCount ?? 0,
    }),
    exec: async (sql: string) => void (await client.query(sql)),
  };
}

/** Removes the password from a connection URL before it reaches a message or a log. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** PostgreSQL behind the async door, through a pool of `pg` connections. */
export class PostgresDatabase implements SqlDatabase {
  readonly engine = 'postgres' as const;
  readonly description: string;
  private readonly session: SqlSession;
  private closed = false;

  private constructor(private readonly pool: pg.Pool, url: string) {
    this.description = describePostgresUrl(url);
    this.session = sessionOf(pool);
  }

  /** Connects once before returning, so a wrong URL or a server that is down is seen at start-up. */
  static async connect(url: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: 5000,
      lock_timeout: LOCK_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      types,
    } as pg.PoolConfig);
    pool.on('error', (error) => options.onIdleError?.(error));
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PostgresDatabase(pool, url);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.session.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.session.get<T>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return this.session.run(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.session.exec(sql);
  }

  async transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(sessionOf(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** A round trip to the server; the pool's own timeout keeps it from waiting long. */
  async probeWrites(): Promise<WriteProbe> {
    if (this.closed) return { ok: false, reason: 'the database is closed' };
    try {
      await this.pool.query('SELECT 1');
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: `PostgreSQL does not answer: ${(error as Error).message}` };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
