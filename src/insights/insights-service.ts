import type { ChannelQuiz } from '../store/quiz-store.js';
import type { ClassificationExportRow, InsightsStore, TeamAnswer } from '../store/insights-store.js';
import { periodRanges, weekRanges, type DateRange, type InsightsPeriod, type PeriodRanges } from './period.js';
import { buildInsightsReport, type InsightsReport } from './report.js';

/**
 * Right answers in a row up to the latest quiz, over the quizzes of the channels the agent plays
 * in, as `/customertype stats` counts them: a wrong or missed (closed) quiz ends a run.
 */
export function currentStreak(answers: ReadonlyMap<number, boolean>, quizzes: readonly ChannelQuiz[]): number {
  let run = 0;
  for (const quiz of quizzes) {
    const correct = answers.get(quiz.id);
    if (correct) run += 1;
    else if (correct === false || quiz.closed) run = 0;
  }
  return run;
}

export interface InsightsServiceOptions {
  store: InsightsStore;
  clock: () => Date;
  /** The quiz's time zone: weeks run Monday to Sunday there. */
  timeZone: string;
}

/** What a support lead asks of the core: one workspace's report for a period. Reads only. */
export class InsightsService {
  constructor(private readonly options: InsightsServiceOptions) {}

  get timeZone(): string {
    return this.options.timeZone;
  }

  report(teamId: string | undefined, period: InsightsPeriod): Promise<InsightsReport> {
    return this.reportFor(teamId, period, periodRanges(period, this.options.clock(), this.options.timeZone));
  }

  /**
   * One whole week, Monday `weekStart` to Sunday, against the week before: the weekly digest's,
   * which may be sent on the week's last quiz day or, after an outage, days later.
   */
  weekReport(teamId: string | undefined, weekStart: string): Promise<InsightsReport> {
    return this.reportFor(teamId, 'last-week', weekRanges(weekStart, this.options.timeZone));
  }

  private async reportFor(teamId: string | undefined, period: InsightsPeriod, { current, previous }: PeriodRanges): Promise<InsightsReport> {
    const { store } = this.options;
    const answers = await store.teamAnswers(teamId, current);
    const userIds = [...new Set(answers.map((answer) => answer.userId))];
    const quizzes = await store.teamQuizzesBefore(teamId, current.until);
    const channelOf = new Map(quizzes.map((quiz) => [quiz.id, quiz.channelId]));
    const byAgent = new Map<string, Map<number, boolean>>();
    for (const row of await store.answersBefore(teamId, userIds, current.until)) {
      const agent = byAgent.get(row.userId) ?? new Map<number, boolean>();
      agent.set(row.quizId, row.correct);
      byAgent.set(row.userId, agent);
    }
    const streaks = new Map(
      userIds.map((userId) => {
        const own = byAgent.get(userId) ?? new Map<number, boolean>();
        const channels = new Set([...own.keys()].map((quizId) => channelOf.get(quizId)));
        return [userId, currentStreak(own, quizzes.filter((quiz) => channels.has(quiz.channelId)))];
      }),
    );
    return buildInsightsReport({
      period,
      range: current,
      previousRange: previous,
      classifications: await store.classificationCounts(teamId, current),
      previousClassifications: await store.classificationCounts(teamId, previous),
      correctionPairs: await store.correctionPairs(teamId, current),
      correctedClassifications: await store.correctedClassifications(teamId, current),
      answers,
      previousAnswers: await store.teamAnswers(teamId, previous),
      streaks,
    });
  }

  /** The rows of an export: quiz answers and classifications of the period, without any text. */
  async exportRows(teamId: string | undefined, period: InsightsPeriod): Promise<{ range: DateRange; answers: TeamAnswer[]; classifications: ClassificationExportRow[] }> {
    const { current } = periodRanges(period, this.options.clock(), this.options.timeZone);
    return {
      range: current,
      answers: await this.options.store.teamAnswers(teamId, current),
      classifications: await this.options.store.classificationRows(teamId, current),
    };
  }
}
