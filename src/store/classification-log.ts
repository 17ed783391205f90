import type { Logger } from '../logging/logger.js';
import type { ClassificationRecord, Store } from './store.js';
import type { WriteHealth } from './write-health.js';

/** Enough for hours of a busy team's classifications; beyond it the oldest rows go, and the log says so. */
export const MAX_WAITING_ROWS = 10_000;
const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 5000;
/** How long an answer waits for its row to be written (SQLite takes microseconds, a PostgreSQL round trip a millisecond). */
const RECORD_WAIT_MS = 300;
/** How long a row may wait before `/healthz` reports it. */
const REPORT_AFTER_MS = 1000;

interface Waiting {
  record: ClassificationRecord;
  createdAt: Date;
  since: number;
}

/**
 * Classification rows are bookkeeping: an agent's answer never waits for one. A row is written at
 * once when the database takes it; when it cannot (locked by another process, a full disk) the row
 * waits here and is written later, in order, with its original time.
 */
export class ClassificationLog {
  private readonly waiting: Waiting[] = [];
  private retryMs = FIRST_RETRY_MS;
  private timer: NodeJS.Timeout | undefined;
  private dropped = 0;
  private flushing: Promise<boolean> | undefined;

  constructor(
    private readonly store: Store,
    private readonly health: WriteHealth,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    health.watchQueue(() => this.describeWaiting());
  }

  /** The row's id when it was written now, undefined when it waits. */
  async record(record: ClassificationRecord): Promise<number | undefined> {
    const createdAt = this.clock();
    if (this.waiting.length === 0) {
      const writing = this.store.recordClassification(record, createdAt).then(
        (id) => ({ id }),
        (error: unknown) => ({ error }),
      );
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), RECORD_WAIT_MS)));
      const outcome = await Promise.race([writing, slow]);
      clearTimeout(timer);
      if (outcome && 'id' in outcome) {
        this.health.succeeded();
        return outcome.id;
      }
      if (outcome) {
        this.writeFailed(outcome.error);
        this.enqueue({ record, createdAt, since: Date.now() });
        return undefined;
      }
      // A slow server: the answer goes out without the row's id, and the row is written when it can be.
      void writing.then((late) => {
        if ('id' in late) return this.health.succeeded();
        this.writeFailed(late.error);
        this.enqueue({ record, createdAt, since: Date.now() });
      });
      return undefined;
    }
    this.enqueue({ record, createdAt, since: Date.now() });
    return undefined;
  }

  private writeFailed(error: unknown): void {
    this.health.failed(error);
    this.logger.warn(`A classification row waits to be written: ${(error as Error).message}`);
  }

  get pending(): number {
    return this.waiting.length;
  }

  /** Writes what waits, in one transaction; says whether nothing waits any more. */
  flush(): Promise<boolean> {
    // One flush at a time: the timer's and the shutdown's must not write the same rows twice.
    this.flushing ??= this.writeWaiting().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** At shutdown: a last try, then what could not be written is counted in the log. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!(await this.flush())) this.logger.error(`${this.waiting.length} classification row(s) could not be written before stopping`);
  }

  private async writeWaiting(): Promise<boolean> {
    if (this.waiting.length === 0) return true;
    const batch = this.waiting.slice();
    try {
      await this.store.recordClassifications(batch.map(({ record, createdAt }) => ({ record, createdAt })));
    } catch (error) {
      this.health.failed(error);
      return false;
    }
    this.health.succeeded();
    this.logger.info(`Wrote ${batch.length} classification row(s) that had waited for the database`);
    // Rows that arrived while these were written stay for the next pass.
    this.waiting.splice(0, batch.length);
    this.retryMs = FIRST_RETRY_MS;
    return this.waiting.length === 0;
  }

  private enqueue(row: Waiting): void {
    this.waiting.push(row);
    if (this.waiting.length > MAX_WAITING_ROWS) {
      this.waiting.shift();
      this.dropped += 1;
      if (this.dropped === 1 || this.dropped % 1000 === 0) this.logger.error(`Dropped ${this.dropped} classification row(s): the database has not taken writes for too long`);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().then((done) => {
        if (done) return;
        this.retryMs = Math.min(this.retryMs * 2, LONGEST_RETRY_MS);
        this.schedule();
      });
    }, this.retryMs);
    // Waiting rows never keep the process alive; stop() writes them.
    this.timer.unref();
  }

  private describeWaiting(): string | undefined {
    const oldest = this.waiting[0];
    if (!oldest || Date.now() - oldest.since < REPORT_AFTER_MS) return undefined;
    return `${this.waiting.length} classification row(s) are waiting to be written`;
  }
}
