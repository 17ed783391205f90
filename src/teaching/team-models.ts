import type { Classification, Classifier, TypeDefinition } from '../classifier/classifier.js';
import type { Logger } from '../logging/logger.js';
import type { ClassifierHost } from '../service/classifier-host.js';
import { fingerprintOf, withTeamExamples, type TaughtExample } from './team-training.js';

/** Learns a classifier for the given types (in a child process, in the bot). */
export type TrainClassifier = (types: TypeDefinition[]) => Promise<Classifier>;

export interface TeamModelsOptions {
  builtIn: ClassifierHost;
  types: readonly TypeDefinition[];
  examplesOf: (teamId: string) => Promise<TaughtExample[]>;
  train: TrainClassifier;
  logger: Logger;
  /** Teachings within this long of each other are learned together. */
  debounceMs?: number;
}

export const RETRAIN_DEBOUNCE_MS = 1000;

/**
 * The classifier of each workspace: the built-in one, shared by every workspace without team
 * examples (one model in memory, not one per workspace), and a model of its own, learned from the
 * built-in and its team examples, for each workspace with some. Retraining runs in the background
 * one workspace at a time; the new model replaces the old in one assignment, so no request waits
 * and none is answered by half of two models. A failed retraining keeps the old model.
 */
export class TeamModels {
  private readonly models = new Map<string, Classifier>();
  /** The examples each workspace's current answer was learned from (its own model's, or none). */
  private readonly learnedFrom = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly queued = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private learning: string | undefined;
  private stopped = false;

  constructor(private readonly options: TeamModelsOptions) {}

  /** Classifies with the workspace's own model when it has one, the built-in one otherwise. */
  classify(text: string, teamId?: string): Classification {
    const own = teamId === undefined ? undefined : this.models.get(teamId);
    return (own ?? this.options.builtIn).classify(text);
  }

  get ready(): boolean {
    return this.options.builtIn.ready;
  }

  hasOwnModel(teamId: string): boolean {
    return this.models.has(teamId);
  }

  /** Which examples the workspace's answers come from now: undefined before its first learning here. */
  learnedFingerprint(teamId: string): string | undefined {
    return this.learnedFrom.get(teamId);
  }

  /** Whether a retraining of the workspace is waiting, queued or running. */
  isRetraining(teamId: string): boolean {
    return this.timers.has(teamId) || this.queued.has(teamId) || this.learning === teamId;
  }

  /** The workspaces with a model of their own. */
  teamsWithOwnModel(): string[] {
    return [...this.models.keys()];
  }

  /** How many workspaces have a model of their own. */
  get ownModels(): number {
    return this.models.size;
  }

  /** Retrains the workspace's model soon: several teachings in a row are learned once. */
  retrainSoon(teamId: string): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(teamId));
    const timer = setTimeout(() => {
      this.timers.delete(teamId);
      void this.retrain(teamId);
    }, this.options.debounceMs ?? RETRAIN_DEBOUNCE_MS);
    timer.unref();
    this.timers.set(teamId, timer);
  }

  /** The workspace's data was deleted: it is answered by the built-in model from now on. */
  forget(teamId: string): void {
    clearTimeout(this.timers.get(teamId));
    this.timers.delete(teamId);
    this.models.delete(teamId);
    this.learnedFrom.delete(teamId);
  }

  /** Queues a retraining of these workspaces (at start-up: those with team examples); resolves when they are done. */
  retrainAll(teamIds: readonly string[]): Promise<void> {
    return Promise.all(teamIds.map((teamId) => this.retrain(teamId))).then(() => undefined);
  }

  /** Resolves when no retraining is queued or running (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private retrain(teamId: string): Promise<void> {
    if (this.queued.has(teamId)) return this.queue;
    this.queued.add(teamId);
    this.queue = this.queue.then(() => this.learn(teamId));
    return this.queue;
  }

  private async learn(teamId: string): Promise<void> {
    // Examples are read when the turn comes, so teachings that arrived while waiting are included.
    this.queued.delete(teamId);
    if (this.stopped) return;
    const { logger } = this.options;
    try {
      this.learning = teamId;
      const examples = await this.options.examplesOf(teamId);
      if (examples.length === 0) {
        this.models.delete(teamId);
        this.learnedFrom.set(teamId, fingerprintOf(examples));
        logger.info(`Workspace ${teamId} has no team examples: it uses the built-in model`);
        return;
      }
      const started = performance.now();
      const classifier = await this.options.train(withTeamExamples(this.options.types, examples));
      if (this.stopped) return;
      this.models.set(teamId, classifier);
      this.learnedFrom.set(teamId, fingerprintOf(examples));
      logger.info(`Learned workspace ${teamId}'s model with ${examples.length} team example(s) in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      logger.error(`Could not retrain workspace ${teamId}'s model, keeping the one it had: ${(error as Error).message}`);
    } finally {
      this.learning = undefined;
    }
  }
}
