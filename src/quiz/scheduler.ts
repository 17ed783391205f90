import type { Logger } from '../logging/logger.js';
import { PeriodicPass } from '../periodic-pass.js';
import type { QuizStore } from '../store/quiz-store.js';
import type { QuizService } from './quiz-service.js';

/** Wakes up every half minute (and at start, to catch up after downtime) to run the quiz schedules. */
export class QuizScheduler extends PeriodicPass {
  constructor(service: QuizService, store: QuizStore, logger: Logger, intervalMs = 30_000) {
    // The schedules are read inside the pass: a database error is logged like any other.
    super(async () => service.runSchedules(await store.enabledSchedules()), (error) => logger.error(`Quiz scheduler failed: ${error.message}`), intervalMs);
  }
}
