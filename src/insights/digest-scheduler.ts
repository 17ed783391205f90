import type { Logger } from '../logging/logger.js';
import type { DigestService } from './digest-service.js';

/** Checks every minute (and at start, to catch up after downtime) whether a weekly digest is due. */
export class DigestScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly service: DigestService,
    private readonly logger: Logger,
    private readonly intervalMs = 60_000,
  ) {}

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** One pass; a pass still running is not started twice. */
  tick(): Promise<void> {
    this.running ??= this.service
      .runDue()
      .catch((error: unknown) => this.logger.error(`Weekly digest scheduler failed: ${(error as Error).message}`))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
