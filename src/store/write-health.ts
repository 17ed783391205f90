import type { Database } from 'better-sqlite3';
import { isBusyError } from './busy.js';

export type WriteState = { ok: true } | { ok: false; reason: string };

/**
 * Whether the database takes writes, for `/healthz`: a load balancer should stop sending traffic to
 * an instance whose answers cannot be saved. Failures are reported by the writers (a full disk is
 * only seen by writing), a lock held by another process is also seen by asking SQLite for it.
 */
export class WriteHealth {
  private failure: string | undefined;
  private waiting: () => string | undefined = () => undefined;

  constructor(private readonly db: Database) {}

  /** Something that queues writes while the database cannot take them says here what is waiting. */
  watchQueue(describeWaiting: () => string | undefined): void {
    this.waiting = describeWaiting;
  }

  succeeded(): void {
    this.failure = undefined;
  }

  failed(error: unknown): void {
    this.failure = isBusyError(error) || (error as Error).name === 'DatabaseBusyError'
      ? 'the database is locked by another process'
      : `database writes fail: ${(error as Error).message}`;
  }

  state(): WriteState {
    if (!this.db.open) return { ok: false, reason: 'the database is closed' };
    if (this.isLocked()) return { ok: false, reason: 'the database is locked by another process; writes are waiting' };
    // The lock is gone: a failure that was the lock is over; any other (a full disk) holds until a write succeeds.
    if (this.failure === 'the database is locked by another process') this.failure = undefined;
    const waiting = this.waiting();
    if (this.failure) return { ok: false, reason: this.failure };
    if (waiting) return { ok: false, reason: waiting };
    return { ok: true };
  }

  /** Takes the write lock and lets it go at once; never waits (the bot runs with no busy timeout). */
  private isLocked(): boolean {
    if (this.db.inTransaction) return false;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      this.db.exec('ROLLBACK');
      return false;
    } catch (error) {
      if (isBusyError(error)) return true;
      throw error;
    }
  }
}
