import type { Logger } from '../logging/logger.js';
import { PeriodicPass } from '../periodic-pass.js';

export interface WatchedExamples {
  fingerprints(): Promise<Map<string, string>>;
}

export interface WatchedModels {
  learnedFingerprint(teamId: string): string | undefined;
  teamsWithOwnModel(): string[];
  isRetraining(teamId: string): boolean;
  retrainSoon(teamId: string): void;
}

/** How often an instance looks for examples taught through another one: a teaching shows everywhere within this. */
export const TEAM_EXAMPLE_CHECK_MS = 15_000;

/**
 * Several instances share one database, and a teaching reaches only one of them: every instance
 * looks now and then at how many examples each workspace has (and the newest), and retrains a
 * workspace whose model was learned from other ones. On one instance this finds nothing to do:
 * its own teachings retrain at once.
 */
export class TeamExampleWatch extends PeriodicPass {
  constructor(examples: WatchedExamples, models: WatchedModels, logger: Logger, intervalMs = TEAM_EXAMPLE_CHECK_MS) {
    super(
      async () => {
        const current = await examples.fingerprints();
        // A retraining already on its way reads the examples when its turn comes: it needs no other.
        const retrain = (teamId: string) => {
          if (!models.isRetraining(teamId)) models.retrainSoon(teamId);
        };
        for (const [teamId, fingerprint] of current) if (models.learnedFingerprint(teamId) !== fingerprint) retrain(teamId);
        // Every example removed elsewhere (teaching switched off, data deleted): back to the built-in model.
        for (const teamId of models.teamsWithOwnModel()) if (!current.has(teamId)) retrain(teamId);
      },
      (error) => logger.warn(`Could not look for team examples taught elsewhere: ${error.message}`),
      intervalMs,
    );
  }
}
