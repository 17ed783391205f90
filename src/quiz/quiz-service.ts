import dayjs from 'dayjs';
import type { ClassifiesMessages } from '../classifier/classifier.js';
import type { Lang } from '../lang.js';
import type { Logger } from '../logging/logger.js';
import type { PlaybookSet } from '../playbooks/playbook-set.js';
import type { LeaderboardRow, QuizRow, QuizSchedule, QuizStore } from '../store/quiz-store.js';
import { chooseQuestion } from './choose.js';
import type { Random } from '../random.js';
import type { QuizQuestion } from './question.js';
import { closeTimePassed, dueSlot, isLastOfWeek, localDate, weekStart } from './schedule.js';
import { agentStats, type AgentStats } from './stats.js';
import { RetryBackoff } from './retry-backoff.js';
import { KeyedThrottle } from './throttle.js';
import { retryWhileBusy } from '../store/busy.js';
import { UncertainPostError } from './uncertain-post.js';

/** Where quizzes appear. The Slack layer implements it; the quiz itself knows nothing of Slack. */
export interface QuizPublisher {
  /** Posts the question with its answer buttons; returns the message id (ts). A practice question goes to one agent. */
  post(channelId: string, quizId: number, question: QuizQuestion, options?: { practice?: boolean; resume?: boolean; teamId?: string | undefined }): Promise<string>;
  /** Shows how many have answered, nothing more. */
  updateCount(quiz: QuizRow, answers: number): Promise<void>;
  /** Shows the answer, the share right and the number of answers; never who got it wrong. */
  reveal(quiz: QuizRow, tally: { answers: number; correct: number }): Promise<void>;
  /** Posts the week's leaderboard in the quiz channel, in the channel's quiz language. */
  postLeaderboard(channelId: string, boards: Leaderboards, lang?: Lang, teamId?: string): Promise<void>;
  /** The direct-message channel with an agent, for practice questions. */
  directChannel(userId: string, teamId?: string): Promise<string>;
}

export type PostOutcome = { status: 'posted'; quizId: number } | { status: 'already'; quiz: QuizRow } | { status: 'failed'; error: unknown };

export type AnswerResult =
  | { status: 'recorded'; correct: boolean; question: QuizQuestion; choice: number }
  | { status: 'already'; question: QuizQuestion; choice: number }
  | { status: 'closed'; question: QuizQuestion }
  | { status: 'unknown' };

export interface Leaderboards {
  week: LeaderboardRow[];
  allTime: LeaderboardRow[];
  weekStarts: string;
}

const RECENT_TYPES_DAYS = 14;
const NO_REPEAT_DAYS = 30;
const COUNT_UPDATE_MS = 3000;
/** A claim older than this with no post is not a post in progress: it failed midway and may have landed. */
const STUCK_CLAIM_MS = 120_000;
const isStuckClaim = (quiz: QuizRow, now: Date) => quiz.status === 'claimed' && now.getTime() - Date.parse(quiz.createdAt) > STUCK_CLAIM_MS;
/** Off the request path (the command acked already): a posted quiz may wait this long to be marked. */
const POSTED_MARK_BUDGET_MS = 10_000;
/** A channel the bot cannot post in stays that way until someone acts: retry after 1, 2, 4… minutes, at most hourly. */
const POST_RETRY_FIRST_MS = 60_000;
const POST_RETRY_MAX_MS = 3_600_000;

export interface QuizServiceOptions {
  store: QuizStore;
  playbooks: PlaybookSet;
  classifier: ClassifiesMessages;
  publisher: QuizPublisher;
  logger: Logger;
  clock?: () => Date;
  random?: Random;
  /** Time zone for dates of quizzes posted on demand and for "this week". */
  defaultTimeZone?: string;
  /** The questions' language where a channel has none of its own (DEFAULT_LANGUAGE). */
  defaultLanguage?: Lang;
}

/** Enough for every channel's open quiz and every agent's practice question of a busy hour. */
const SEEN_OPEN_QUIZZES = 500;

/** The daily quiz: choosing, claiming and posting questions, grading answers, revealing, stats. */
export class QuizService {
  private readonly clock: () => Date;
  private readonly random: Random;
  private readonly counts: KeyedThrottle;
  private readonly retries = new RetryBackoff(POST_RETRY_FIRST_MS, POST_RETRY_MAX_MS);
  /** Open quizzes a click has read, by id (see openQuiz). */
  private readonly seenOpen = new Map<number, QuizRow>();
  readonly defaultTimeZone: string;
  readonly defaultLanguage: Lang;

  constructor(private readonly options: QuizServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.defaultTimeZone = options.defaultTimeZone ?? 'UTC';
    this.defaultLanguage = options.defaultLanguage ?? 'en';
    this.counts = new KeyedThrottle(COUNT_UPDATE_MS, () => this.clock().getTime());
  }

  /**
   * Claims the channel's quiz for the day, then posts it. Earlier quizzes in the channel are revealed
   * first. A failed post gives the claim back, so the next attempt can try again.
   */
  async postQuiz(input: { teamId: string | undefined; channelId: string; timeZone?: string | undefined; lang?: Lang | undefined }): Promise<PostOutcome> {
    const { store, playbooks, classifier, publisher, logger } = this.options;
    const now = this.clock();
    const date = localDate(input.timeZone ?? this.defaultTimeZone, now);
    const existing = await store.quizForDay(input.channelId, date);
    if (existing && isStuckClaim(existing, now)) return this.resumePost(existing);
    if (existing) return { status: 'already', quiz: existing };
    await this.revealOpen(input.channelId);

    const question = chooseQuestion(playbooks, classifier, {
      recentByType: await store.recentByType(input.teamId, dayjs(now).subtract(RECENT_TYPES_DAYS, 'day').toDate()),
      recentKeys: await store.recentQuestionKeys(input.channelId, dayjs(date).subtract(NO_REPEAT_DAYS, 'day').format('YYYY-MM-DD')),
      random: this.random,
      lang: input.lang ?? this.defaultLanguage,
    });
    const quizId = await retryWhileBusy(() => store.claim({ teamId: input.teamId, channelId: input.channelId, localDate: date, question }));
    if (quizId === undefined) return { status: 'already', quiz: (await store.quizForDay(input.channelId, date))! };
    try {
      const ts = await publisher.post(input.channelId, quizId, question, { teamId: input.teamId });
      // Posted: marking it must not fail on a moment's lock, or the quiz would be posted again.
      await retryWhileBusy(() => store.markPosted(quizId, ts), POSTED_MARK_BUDGET_MS);
      logger.info(`Posted quiz ${quizId} in ${input.channelId} for ${date}`);
      return { status: 'posted', quizId };
    } catch (error) {
      if (error instanceof UncertainPostError) {
        // It may be in the channel already: keep the claim, and check before posting on a later pass.
        logger.warn(`Posting quiz ${quizId} in ${input.channelId} may have failed; it will be checked and retried: ${error.message}`);
        return { status: 'failed', error };
      }
      await store.release(quizId);
      logger.warn(`Posting the quiz in ${input.channelId} failed; it will be retried: ${(error as Error).message}`);
      return { status: 'failed', error };
    }
  }

  /** A quiz claimed a while ago and never marked posted: its post may have landed. Slack is asked before posting again. */
  private async resumePost(quiz: QuizRow): Promise<PostOutcome> {
    const { store, publisher, logger } = this.options;
    try {
      const ts = await publisher.post(quiz.channelId, quiz.id, quiz.question, { resume: true, teamId: quiz.teamId ?? undefined });
      await retryWhileBusy(() => store.markPosted(quiz.id, ts), POSTED_MARK_BUDGET_MS);
      logger.info(`Posted quiz ${quiz.id} in ${quiz.channelId} for ${quiz.localDate} (resumed)`);
      return { status: 'posted', quizId: quiz.id };
    } catch (error) {
      logger.warn(`Resuming quiz ${quiz.id} in ${quiz.channelId} failed; it will be retried: ${(error as Error).message}`);
      return { status: 'failed', error };
    }
  }

  /**
   * An agent's click: only the first counts; later clicks are told what they answered. While another
   * process holds the database's write lock it waits, without blocking, for up to a second, then
   * throws DatabaseBusyError: the agent is told it was not saved.
   */
  async answer(input: { quizId: number; userId: string; choice: number }): Promise<AnswerResult> {
    return retryWhileBusy(() => this.answerNow(input));
  }

  private async answerNow(input: { quizId: number; userId: string; choice: number }): Promise<AnswerResult> {
    const { store } = this.options;
    const quiz = await this.openQuiz(input.quizId);
    if (!quiz || !Number.isInteger(input.choice) || input.choice < 0 || input.choice >= quiz.question.options.length) return { status: 'unknown' };
    if (quiz.closedAt !== null) return { status: 'closed', question: quiz.question };
    const posted = quiz.postedAt ? Date.parse(quiz.postedAt) : this.clock().getTime();
    const correct = input.choice === quiz.question.answer;
    const outcome = await store.recordAnswer({ quizId: quiz.id, userId: input.userId, choice: input.choice, correct, msToAnswer: this.clock().getTime() - posted });
    if ('closed' in outcome) return { status: 'closed', question: quiz.question };
    if (!outcome.first) return { status: 'already', question: quiz.question, choice: outcome.choice };
    if (!quiz.practiceUserId) this.counts.schedule(String(quiz.id), () => this.refreshCount(quiz.id));
    return { status: 'recorded', correct, question: quiz.question, choice: input.choice };
  }

  /**
   * Closes the quiz for good, then shows the answer. Closed first, so a click while Slack is being
   * updated is told the quiz is closed rather than counted after the tally. If Slack fails, the quiz
   * stays closed and the scheduler shows the answer on a later pass.
   */
  async reveal(quiz: QuizRow): Promise<void> {
    const { store, publisher } = this.options;
    this.counts.cancel(String(quiz.id));
    this.seenOpen.delete(quiz.id);
    await store.close(quiz.id);
    await publisher.reveal(quiz, await store.tally(quiz.id));
    await store.markRevealed(quiz.id);
  }

  /** Scheduled work for one moment: post what is due, close what has reached its close time. */
  async runSchedules(schedules: readonly QuizSchedule[]): Promise<void> {
    const now = this.clock();
    // Quizzes closed whose answer Slack did not show (it failed, or the process stopped): show it now.
    await this.revealOpen(undefined, (quiz) => quiz.closedAt !== null);
    for (const schedule of schedules) {
      try {
        await this.revealOpen(schedule.channelId, (quiz) =>
          closeTimePassed(schedule, { localDate: quiz.localDate, postedAt: quiz.postedAt ? new Date(quiz.postedAt) : undefined }, now),
        );
        const slot = dueSlot(schedule, now);
        const today = slot && (await this.options.store.quizForDay(schedule.channelId, slot.localDate));
        if (slot && (!today || isStuckClaim(today, now)) && this.retries.due(schedule.channelId, now)) {
          const outcome = await this.postQuiz({
            teamId: schedule.teamId,
            channelId: schedule.channelId,
            timeZone: schedule.timeZone,
            lang: schedule.lang ?? this.defaultLanguage,
          });
          if (outcome.status === 'failed') this.retries.failed(schedule.channelId, now);
          else this.retries.reset(schedule.channelId);
        }
        await this.postWeeklyLeaderboard(schedule, now);
      } catch (error) {
        this.options.logger.error(`Quiz schedule for ${schedule.channelId} failed: ${(error as Error).message}`);
      }
    }
  }

  /** Stops the daily quiz in a channel and closes its open quiz, so answers stop counting. Says whether there was one. */
  async turnOff(channelId: string, userId: string | undefined): Promise<boolean> {
    if (!(await this.options.store.disableSchedule(channelId, userId))) return false;
    this.retries.reset(channelId);
    await this.revealOpen(channelId);
    return true;
  }

  /** New settings for a channel (someone may have invited the bot back): try posting again at once. */
  scheduleChanged(channelId: string): void {
    this.retries.reset(channelId);
  }

  async stats(userId: string): Promise<AgentStats> {
    const answers = await this.options.store.agentAnswers(userId);
    const channels = [...new Set(answers.filter((answer) => !answer.practice).map((answer) => answer.channelId))];
    return agentStats(answers, await this.options.store.channelQuizzes(channels));
  }

  /** This week's (or the week of `date`'s) board and the all-time board. */
  async leaderboards(teamId: string | undefined, date = localDate(this.defaultTimeZone, this.clock())): Promise<Leaderboards> {
    const weekStarts = weekStart(date);
    const nextWeek = dayjs(weekStarts).add(7, 'day').format('YYYY-MM-DD');
    return {
      week: await this.options.store.leaderboard(teamId, weekStarts, 10, nextWeek),
      allTime: await this.options.store.leaderboard(teamId),
      weekStarts,
    };
  }

  /**
   * A practice question on the agent's weakest types, sent to them directly. Stored like any quiz
   * so the answer is graded, but never on a leaderboard or in a streak.
   */
  async practice(userId: string, teamId: string | undefined, lang: Lang = this.defaultLanguage): Promise<PostOutcome> {
    const { store, playbooks, classifier, publisher } = this.options;
    const weakest = (await this.stats(userId)).weakest.map((entry) => entry.typeId);
    const question = chooseQuestion(playbooks, classifier, {
      recentByType: new Map(),
      recentKeys: new Set(),
      random: this.random,
      lang,
      ...(weakest.length > 0 ? { onlyTypes: weakest } : {}),
    });
    let quizId: number | undefined;
    try {
      const channelId = await publisher.directChannel(userId, teamId);
      quizId = (await store.claim({ teamId, channelId, localDate: localDate(this.defaultTimeZone, this.clock()), question, practiceUserId: userId }))!;
      await store.markPosted(quizId, await publisher.post(channelId, quizId, question, { practice: true, teamId }));
      return { status: 'posted', quizId };
    } catch (error) {
      if (quizId !== undefined) await store.release(quizId).catch(() => undefined);
      this.options.logger.warn(`Practice question for ${userId} failed: ${(error as Error).message}`);
      return { status: 'failed', error };
    }
  }

  /** After the day of the week's last quiz, its leaderboard goes to the channel, once. */
  private async postWeeklyLeaderboard(schedule: QuizSchedule, now: Date): Promise<void> {
    const { store, publisher } = this.options;
    const last = await store.latestPosted(schedule.channelId);
    if (!last?.postedAt || last.localDate >= localDate(schedule.timeZone, now)) return;
    if (!isLastOfWeek(schedule, last.localDate, new Date(last.postedAt))) return;
    const week = weekStart(last.localDate);
    if (!(await store.claimWeeklyPost(schedule.channelId, week))) return;
    try {
      await publisher.postLeaderboard(schedule.channelId, await this.leaderboards(schedule.teamId, last.localDate), schedule.lang ?? this.defaultLanguage, schedule.teamId);
    } catch (error) {
      await store.releaseWeeklyPost(schedule.channelId, week);
      throw error;
    }
  }

  stop(): void {
    this.counts.stop();
  }

  /**
   * The quiz a click answers. A posted quiz's question and time never change, so a burst of clicks
   * reads it once; whether it is still open is asked again by the answer's own insert, here or on
   * another instance.
   */
  private async openQuiz(quizId: number): Promise<QuizRow | undefined> {
    const seen = this.seenOpen.get(quizId);
    if (seen) return seen;
    const quiz = await this.options.store.quiz(quizId);
    if (quiz?.postedAt && quiz.closedAt === null) {
      this.seenOpen.set(quizId, quiz);
      // Map keeps insertion order: the first key is the oldest.
      if (this.seenOpen.size > SEEN_OPEN_QUIZZES) this.seenOpen.delete(this.seenOpen.keys().next().value!);
    }
    return quiz;
  }

  /** Reveals the channel's open quizzes (those `due` picks); one that fails does not hold up the rest, or the day's quiz. */
  private async revealOpen(channelId: string | undefined, due: (quiz: QuizRow) => boolean = () => true): Promise<void> {
    for (const quiz of await this.options.store.unrevealed(channelId)) {
      if (!due(quiz)) continue;
      try {
        await this.reveal(quiz);
      } catch (error) {
        this.options.logger.warn(`Revealing quiz ${quiz.id} failed: ${(error as Error).message}`);
      }
    }
  }

  private async refreshCount(quizId: number): Promise<void> {
    try {
      const quiz = await this.options.store.quiz(quizId);
      if (!quiz || quiz.closedAt !== null) return;
      await this.options.publisher.updateCount(quiz, (await this.options.store.tally(quizId)).answers);
      // A count update can take seconds (Slack's rate limits); if the quiz was revealed meanwhile,
      // the count just put the buttons back, so the reveal is shown again.
      const now = await this.options.store.quiz(quizId);
      if (now?.status === 'revealed') await this.options.publisher.reveal(now, await this.options.store.tally(quizId));
    } catch (error) {
      this.options.logger.warn(`Updating the answer count of quiz ${quizId} failed: ${(error as Error).message}`);
    }
  }
}
