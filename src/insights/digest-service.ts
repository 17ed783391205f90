import type { Lang } from '../lang.js';
import type { Logger } from '../logging/logger.js';
import { retryWhileBusy } from '../store/busy.js';
import { RetryBackoff } from '../quiz/retry-backoff.js';
import type { DigestSetting, DigestStore } from '../store/digest-store.js';
import type { QuizSchedule } from '../store/quiz-store.js';
import { dueDigestWeek } from './digest-week.js';

export type DigestAudience = 'channel' | 'lead';

/** A digest's message. A channel gets the team view (no individual agent's figures, ever); a lead's DM the lead view. */
export type DigestContent = (teamId: string, week: string, audience: DigestAudience, lang: Lang) => Promise<{ text: string; blocks: unknown[] }>;

export interface DigestMessage {
  text: string;
  blocks: unknown[];
}

/** How a digest reaches Slack; `key` names the post so that an ambiguous failure is not posted twice. */
export interface DigestDelivery {
  /** `teamId`: the workspace whose token posts it. */
  postToChannel(channelId: string, message: DigestMessage, key: string, options: { checkFirst: boolean; teamId?: string }): Promise<void>;
  sendToUser(userId: string, message: DigestMessage, key: string, teamId?: string): Promise<void>;
}

export interface DigestServiceOptions {
  store: DigestStore;
  /** The enabled quiz schedules, of every workspace. */
  schedules: () => Promise<QuizSchedule[]>;
  content: DigestContent;
  delivery: DigestDelivery;
  /** LEADS (else QUIZ_ADMINS); empty means anyone, and then the DM goes to whoever turned it on. */
  leads: readonly string[];
  languageFor: (userId: string) => Promise<Lang>;
  defaultLanguage: Lang;
  defaultTimeZone: string;
  logger: Logger;
  clock: () => Date;
}

/** A channel post that failed is tried again after 1, 2, 4… minutes, at most hourly. */
const RETRY_FIRST_MS = 60_000;
const RETRY_MAX_MS = 3_600_000;

/**
 * Sends each workspace's weekly digest once, when its week's last quiz day is over. Before sending,
 * the workspace and week are claimed in the database (a unique row), so a restart or a second
 * instance never sends it twice. A channel post that failed gives the claim back and is retried; a
 * lead's DM that fails is logged and not retried, so no lead ever gets a week's digest twice.
 */
export class DigestService {
  private readonly retries = new RetryBackoff(RETRY_FIRST_MS, RETRY_MAX_MS);
  /** Keys whose post may have landed: checked in the channel's history before posting again. */
  private readonly uncertain = new Set<string>();

  constructor(private readonly options: DigestServiceOptions) {}

  /** One pass: sends every workspace's digest that is due and not claimed yet; one failing workspace does not stop the others. */
  async runDue(): Promise<void> {
    const now = this.options.clock();
    const schedules = await this.options.schedules();
    for (const setting of await this.options.store.enabledSettings()) {
      try {
        await this.runTeam(setting, teamSchedules(schedules, setting.teamId), now);
      } catch (error) {
        this.options.logger.error(`Weekly digest for ${setting.teamId} failed: ${(error as Error).message}`);
      }
    }
  }

  /** The setting changed: a channel that failed before may work now. */
  settingChanged(teamId: string): void {
    this.retries.reset(teamId);
  }

  private async runTeam(setting: DigestSetting, schedules: QuizSchedule[], now: Date): Promise<void> {
    const { store } = this.options;
    const week = dueDigestWeek(schedules, this.options.defaultTimeZone, now);
    // Turned on after this week's digest fell due: the first one is next week's.
    if (!week || week.dueAt <= setting.enabledAt) return;
    if (!this.retries.due(setting.teamId, now)) return;
    // Another instance may hold the write lock for a moment: wait for it with the event loop free.
    if (!(await retryWhileBusy(() => store.claim(setting.teamId, week.weekStart)))) return;
    const key = `digest:${setting.teamId}:${week.weekStart}`;
    if (setting.target.kind === 'channel') {
      const channelId = setting.target.channelId;
      try {
        const lang = schedules.find((schedule) => schedule.channelId === channelId)?.lang ?? schedules[0]?.lang ?? this.options.defaultLanguage;
        const message = await this.options.content(setting.teamId, week.weekStart, 'channel', lang);
        await this.options.delivery.postToChannel(channelId, message, key, { checkFirst: this.uncertain.has(key), teamId: setting.teamId });
      } catch (error) {
        await retryWhileBusy(() => store.release(setting.teamId, week.weekStart));
        this.uncertain.add(key);
        this.retries.failed(setting.teamId, now);
        throw new Error(`posting to ${channelId}: ${describe(error)}`);
      }
      this.uncertain.delete(key);
      this.retries.reset(setting.teamId);
    } else {
      const leads = this.options.leads.length > 0 ? this.options.leads : setting.updatedBy ? [setting.updatedBy] : [];
      for (const userId of leads) {
        try {
          const message = await this.options.content(setting.teamId, week.weekStart, 'lead', await this.options.languageFor(userId));
          await this.options.delivery.sendToUser(userId, message, `${key}:${userId}`, setting.teamId);
        } catch (error) {
          this.options.logger.warn(`Weekly digest for ${setting.teamId} to ${userId} failed: ${describe(error)}`);
        }
      }
    }
    await retryWhileBusy(() => store.markSent(setting.teamId, week.weekStart));
  }
}

/** A workspace's schedules; those stored without a workspace (set from the environment) belong to every one. */
function teamSchedules(schedules: QuizSchedule[], teamId: string): QuizSchedule[] {
  return schedules.filter((schedule) => schedule.teamId === undefined || schedule.teamId === teamId);
}

/** A failure for the log: Slack's error code when there is one, never a token or a payload. */
function describe(error: unknown): string {
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}
