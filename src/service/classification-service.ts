import type { Classification, Classifier } from '../classifier/classifier.js';
import type { Logger } from '../logging/logger.js';
import type { CorrectionRecord, Store, Surface } from '../store/store.js';

export interface Where {
  surface: Surface;
  teamId?: string | undefined;
  channelId?: string | undefined;
  userId?: string | undefined;
}

export interface AgentAnswer {
  result: Classification;
  /** The stored row, for corrections; undefined if it could not be stored. */
  classificationId: number | undefined;
}

/**
 * Classifies a customer message for an agent and keeps one row of it (never the text). Storing is
 * bookkeeping: if the database fails the agent still gets the answer.
 */
export class ClassificationService {
  constructor(
    private readonly classifier: Classifier,
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  classify(text: string, where: Where): AgentAnswer {
    const result = this.classifier.classify(text);
    let classificationId: number | undefined;
    try {
      classificationId = this.store.recordClassification({
        surface: where.surface,
        teamId: where.teamId,
        channelId: where.channelId,
        userId: where.userId,
        typeId: result.type,
        confidence: result.confidence,
        textLength: text.length,
      });
    } catch (error) {
      this.logger.error(`Could not store a classification: ${(error as Error).message}`);
    }
    return { result, classificationId };
  }

  /** An agent's "Not right?": who, what the bot said, what it should have said. Never the text. */
  correct(correction: CorrectionRecord): boolean {
    try {
      this.store.recordCorrection(correction);
      return true;
    } catch (error) {
      this.logger.error(`Could not store a correction: ${(error as Error).message}`);
      return false;
    }
  }
}
