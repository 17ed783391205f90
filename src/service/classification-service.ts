import type { Classification } from '../classifier/classifier.js';
import type { Logger } from '../logging/logger.js';
import { retryWhileBusy } from '../store/busy.js';
import type { ClassificationLog } from '../store/classification-log.js';
import type { CorrectionRecord, CorrectionSummary, Store, Surface } from '../store/store.js';
import type { WriteHealth } from '../store/write-health.js';

export const CORRECTION_REPORT_DAYS = 30;

export interface Where {
  surface: Surface;
  teamId?: string | undefined;
  channelId?: string | undefined;
  userId?: string | undefined;
}

export interface AgentAnswer {
  result: Classification;
  /** The stored row, for corrections; undefined if it could not be stored yet. */
  classificationId: number | undefined;
  /** Names the redacted text held for "Teach customertype with this message"; undefined where teaching is off. */
  teachKey?: string | undefined;
}

/** A classifier that may answer each workspace with a model of its own (its team examples). */
export interface ClassifiesForTeams {
  classify(text: string, teamId?: string): Classification;
}

/** Holds a classified message's redacted text, in memory, for the agent's tick. */
export interface HoldsForTeaching {
  hold(text: string, teamId: string | undefined, userId: string | undefined): Promise<string | undefined>;
}

/**
 * Classifies a customer message for an agent and keeps one row of it (never the text). Storing is
 * bookkeeping: the agent gets the answer at once, and a row the database cannot take yet waits in
 * the classification log.
 */
export class ClassificationService {
  constructor(
    private readonly classifier: ClassifiesForTeams,
    private readonly store: Store,
    private readonly log: ClassificationLog,
    private readonly health: WriteHealth,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
    private readonly teaching?: HoldsForTeaching,
  ) {}

  async classify(text: string, where: Where): Promise<AgentAnswer> {
    const result = this.classifier.classify(text, where.teamId);
    const classificationId = await this.log.record({
      surface: where.surface,
      teamId: where.teamId,
      channelId: where.channelId,
      userId: where.userId,
      typeId: result.type,
      confidence: result.confidence,
      textLength: text.length,
    });
    const teachKey = result.type === null ? undefined : await this.teaching?.hold(text, where.teamId, where.userId);
    return { result, classificationId, teachKey };
  }

  /** An agent's "Not right?": who, what the bot said, what it should have said. Never the text. */
  async correct(correction: CorrectionRecord): Promise<boolean> {
    try {
      await retryWhileBusy(() => this.store.recordCorrection(correction));
      this.health.succeeded();
      return true;
    } catch (error) {
      this.health.failed(error);
      this.logger.error(`Could not store a correction: ${(error as Error).message}`);
      return false;
    }
  }

  /** The agents' "Not right?" answers of the last `days` days in a workspace: where the playbooks need work. */
  async corrections(teamId: string | undefined, days = CORRECTION_REPORT_DAYS): Promise<CorrectionSummary & { days: number }> {
    const since = new Date(this.clock().getTime() - days * 86_400_000);
    return { ...(await this.store.correctionSummary(teamId, since)), days };
  }
}
