import type { Logger } from '../logging/logger.js';
import type { QuizStore } from '../store/quiz-store.js';
import type { QuizService } from './quiz-service.js';

/** Wakes up every half minute (and at start, to catch up after downtime) to run the quiz schedules. */
export class QuizScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly service: QuizService,
    private readonly store: QuizStore,
    private readonly logger: Logger,
    private readonly intervalMs = 30_000,
  ) {}

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** One pass; a pass still running is not started twice. */
  tick(): Promise<void> {
    // Read inside the chain: a database error here is logged like any other, not thrown from a timer.
    this.running ??= Promise.resolve()
      .then(() => this.service.runSchedules(this.store.enabledSchedules()))
      .catch((error: unknown) => this.logger.error(`Quiz scheduler failed: ${(error as Error).message}`))
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
