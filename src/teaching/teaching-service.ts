import { MAX_INPUT_CHARS } from '../classifier/classifier.js';
import { detectLanguage } from '../classifier/language.js';
import type { Logger } from '../logging/logger.js';
import { redactForKeeping } from '../personal-data.js';
import { retryWhileBusy } from '../store/busy.js';
import type { TeamExample, TeamExampleStore } from '../store/team-example-store.js';
import type { WriteHealth } from '../store/write-health.js';
import type { PendingTextHolder } from './pending-texts.js';
import type { TeamModels } from './team-models.js';

export type TeachOutcome = 'taught' | 'expired' | 'off' | 'failed';

/**
 * Teaching the classifier with the team's own messages: holding a classified message's redacted
 * text for the tick, keeping it as a team example when ticked, and the lead's list, removal and
 * switch. Every change retrains the workspace's model in the background.
 */
export class TeachingService {
  constructor(
    private readonly store: TeamExampleStore,
    private readonly models: TeamModels,
    private readonly pending: PendingTextHolder,
    private readonly health: WriteHealth,
    private readonly logger: Logger,
  ) {}

  async enabled(teamId: string): Promise<boolean> {
    try {
      return await this.store.teachingEnabled(teamId);
    } catch (error) {
      this.logger.warn(`Could not read whether workspace ${teamId} teaches: ${(error as Error).message}`);
      return false;
    }
  }

  /** Holds the text (redacted, in memory) for the agent's tick; undefined where teaching is off. */
  async hold(text: string, teamId: string | undefined, userId: string | undefined): Promise<string | undefined> {
    if (!teamId || !userId || !(await this.enabled(teamId))) return undefined;
    const kept = redactForKeeping(text.slice(0, MAX_INPUT_CHARS)).trim();
    return kept === '' ? undefined : await this.pending.hold(kept, teamId, userId);
  }

  /** Whether the tick can still be offered for this key. */
  async canTeach(key: string | undefined, teamId: string | undefined, userId: string): Promise<boolean> {
    return key !== undefined && teamId !== undefined && (await this.pending.peek(key, teamId, userId)) !== undefined && (await this.enabled(teamId));
  }

  async teach(request: { key: string; teamId: string; userId: string; typeId: string }): Promise<TeachOutcome> {
    if (!(await this.enabled(request.teamId))) return 'off';
    // Taken before it is kept: two ticks at once (a double click, two instances) teach it once.
    const text = await this.pending.take(request.key, request.teamId, request.userId);
    if (text === undefined) return 'expired';
    const kept = await this.write(
      () => this.store.add({ teamId: request.teamId, typeId: request.typeId, text, taughtBy: request.userId, language: detectLanguage(text) }),
      'keep a team example',
    );
    if (kept === undefined) {
      await Promise.resolve(this.pending.putBack(request.key, text, request.teamId, request.userId)).catch(() => undefined);
      return 'failed';
    }
    this.models.retrainSoon(request.teamId);
    return 'taught';
  }

  list(teamId: string): Promise<TeamExample[]> {
    return this.store.list(teamId);
  }

  /** 'failed' when the database could not be written: the lead may try again, the example is still there. */
  async remove(teamId: string, id: number): Promise<'removed' | 'missing' | 'failed'> {
    const removed = await this.write(() => this.store.remove(teamId, id), 'remove a team example');
    if (removed === undefined) return 'failed';
    if (removed) this.models.retrainSoon(teamId);
    return removed ? 'removed' : 'missing';
  }

  /** Off deletes every example of the workspace; its model goes back to the built-in one. */
  async setEnabled(teamId: string, enabled: boolean): Promise<boolean> {
    const done = await this.write(() => (this.store.setTeaching(teamId, enabled), true), 'switch teaching');
    if (done && !enabled) this.models.retrainSoon(teamId);
    return done === true;
  }

  private async write<T>(work: () => T, what: string): Promise<T | undefined> {
    try {
      const result = await retryWhileBusy(work);
      this.health.succeeded();
      return result;
    } catch (error) {
      this.health.failed(error);
      this.logger.error(`Could not ${what}: ${(error as Error).message}`);
      return undefined;
    }
  }
}
