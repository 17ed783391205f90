import { isBusyError } from './busy.js';
import type { SqlDatabase } from './sql.js';

export type WriteState = { ok: true } | { ok: false; reason: string };

/**
 * Whether the database takes writes, for `/healthz`: a load balancer should stop sending traffic to
 * an instance whose answers cannot be saved. Failures are reported by the writers (a full disk is
 * only seen by writing), a lock held by another process (or a server that went away) is also seen by asking the database.
 */
export class WriteHealth {
  private failure: string | undefined;
  private waiting: () => string | undefined = () => undefined;

  constructor(private readonly db: SqlDatabase) {}

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

  async state(): Promise<WriteState> {
    if (!this.db.isOpen) return { ok: false, reason: 'the database is closed' };
    const probe = await this.db.probeWrites();
    if (!probe.ok) return probe;
    // The lock is gone: a failure that was the lock is over; any other (a full disk) holds until a write succeeds.
    if (this.failure === 'the database is locked by another process') this.failure = undefined;
    const waiting = this.waiting();
    if (this.failure) return { ok: false, reason: this.failure };
    if (waiting) return { ok: false, reason: waiting };
    return { ok: true };
  }
}
