import type { webApi } from '@slack/bolt';
import type { Catalogue } from '../../i18n/index.js';
import type { InsightsService } from '../../insights/insights-service.js';
import type { InsightsReport } from '../../insights/report.js';
import type { DigestSettings } from '../../insights/digest-settings.js';
import type { Logger } from '../../logging/logger.js';
import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import type { QuizService } from '../../quiz/quiz-service.js';
import type { AgentLanguages } from '../../service/agent-language.js';
import type { ClassificationService } from '../../service/classification-service.js';
import type { QuizStore } from '../../store/quiz-store.js';
import type { WorkspaceErasure } from '../../service/workspace-erasure.js';
import type { TeachingService } from '../../teaching/teaching-service.js';

/** A picture of a report, and the words a screen reader says for it. */
export interface InsightsChart {
  png: Buffer;
  altText: string;
}

/** What listeners may use: the core, never Slack state of their own. */
export interface ListenerDeps {
  logger: Logger;
  playbooks: PlaybookSet;
  classification: ClassificationService;
  /** Team examples: the tick in "Not right?", and the lead's list, removal and switch. */
  teaching: TeachingService;
  /** A lead's confirmed deletion of everything kept for the workspace. */
  erasure: WorkspaceErasure;
  quiz: QuizService;
  quizStore: QuizStore;
  /**
   * Whether the classifier has finished learning, waiting at most `waitMs` for it: at start-up the
   * bot listens before learning ends, so that Slack is never kept waiting on a restart.
   */
  classifierReady(waitMs: number): Promise<boolean>;
  /** The language each agent is answered in. */
  languages: AgentLanguages;
  /** Who may set up or turn off the quiz; empty means anyone. */
  quizAdmins: readonly string[];
  /** Who sees the team's insights, exports and team examples: LEADS, else QUIZ_ADMINS; empty means anyone. */
  leads: readonly string[];
  /** A workspace's figures for its leads: `/customertype insights` and `export`. */
  insights: InsightsService;
  /** When given, `/customertype insights` also sends the lead this chart of the report by DM, after answering. */
  renderInsightsChart?: (report: InsightsReport, playbooks: PlaybookSet, t: Catalogue) => Promise<InsightsChart>;
  /** The weekly digest's setting per workspace. */
  digest: DigestSettings;
  /**
   * The bot's Web API client without retries, for a call that has a fallback racing a clock: a
   * shortcut's trigger_id expires 3 seconds after the click, before retries of a failing call end.
   */
  clientWithoutRetries: (teamId: string | undefined) => Promise<webApi.WebClient>;
}

export const canConfigureQuiz = (deps: ListenerDeps, userId: string | undefined) =>
  deps.quizAdmins.length === 0 || (userId !== undefined && deps.quizAdmins.includes(userId));

export const isLead = (deps: ListenerDeps, userId: string | undefined) =>
  deps.leads.length === 0 || (userId !== undefined && deps.leads.includes(userId));
