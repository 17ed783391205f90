import { DigestScheduler } from '../insights/digest-scheduler.js';
import { DigestService, type DigestContent } from '../insights/digest-service.js';
import { DigestSettings } from '../insights/digest-settings.js';
import type { Lang } from '../lang.js';
import type { Logger } from '../logging/logger.js';
import type { AgentLanguages } from '../service/agent-language.js';
import { DigestStore } from '../store/digest-store.js';
import type { QuizStore } from '../store/quiz-store.js';
import type { SqlDatabase } from '../store/sql.js';
import type { WorkspaceClients } from './workspace-clients.js';
import { WorkspaceDigestDelivery } from './workspace-posters.js';

export interface WeeklyDigestOptions {
  db: SqlDatabase;
  clock: () => Date;
  /** Each workspace's clients: one with retries for joining and opening DMs, one without for posts. */
  workspaces: WorkspaceClients;
  postAttempts: number;
  quizStore: QuizStore;
  leads: readonly string[];
  languages: AgentLanguages;
  defaultLanguage: Lang;
  defaultTimeZone: string;
  logger: Logger;
  content: DigestContent;
}

/** The weekly digest put together: its settings for `/customertype digest`, and the scheduler that sends it. */
export function createWeeklyDigest(options: WeeklyDigestOptions): { settings: DigestSettings; scheduler: DigestScheduler } {
  const store = new DigestStore(options.db, options.clock);
  const service = new DigestService({
    store,
    schedules: () => options.quizStore.enabledSchedules(),
    content: options.content,
    delivery: new WorkspaceDigestDelivery(options.workspaces, options.postAttempts),
    leads: options.leads,
    languageFor: (userId) => options.languages.forAgent(userId),
    defaultLanguage: options.defaultLanguage,
    defaultTimeZone: options.defaultTimeZone,
    logger: options.logger,
    clock: options.clock,
  });
  return { settings: new DigestSettings(store, service), scheduler: new DigestScheduler(service, options.logger) };
}
