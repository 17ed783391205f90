/**
 * Another process (a backup script, an operator's `sqlite3` shell, a second instance) may hold
 * SQLite's write lock. better-sqlite3 is synchronous: with a busy timeout, waiting for that lock
 * freezes the event loop and every request with it. So the bot runs with no busy timeout and waits
 * here instead, between attempts, with the event loop free.
 */
const BUSY_CODE = /^SQLITE_(BUSY|LOCKED)/;
/** PostgreSQL: lock_timeout passed (55P03), a serialization failure (40001) or a deadlock (40P01); each is worth another try. */
const POSTGRES_RETRY_CODES = new Set(['55P03', '40001', '40P01']);

export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (BUSY_CODE.test(code) || POSTGRES_RETRY_CODES.has(code));
}

export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError';
}

/** What a request may spend waiting for the lock: a third of the 3 seconds Slack gives an ack. */
export const REQUEST_WRITE_BUDGET_MS = 1000;

const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 100;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` (one write, or one transaction), trying again while the database is locked, for at most `budgetMs`. */
export async function retryWhileBusy<T>(work: () => T | Promise<T>, budgetMs = REQUEST_WRITE_BUDGET_MS, now: () => number = Date.now): Promise<T> {
  const deadline = now() + budgetMs;
  let wait = FIRST_PAUSE_MS;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      if (now() + wait > deadline) throw new DatabaseBusyError(`the database stayed locked for ${budgetMs} ms`, { cause: error });
      await pause(wait);
      wait = Math.min(wait * 2, LONGEST_PAUSE_MS);
    }
  }
}
