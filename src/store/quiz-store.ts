import type { Database } from 'better-sqlite3';
import { isLang, type Lang } from '../lang.js';
import type { QuizQuestion } from '../quiz/question.js';

export interface QuizSchedule {
  channelId: string;
  teamId: string | undefined;
  /** HH:mm, local to `timeZone`. */
  postTime: string;
  timeZone: string;
  /** Cron day-of-week field: `1-5` for weekdays, `*` for every day. */
  days: string;
  /** HH:mm: reveal the answer then, instead of when the next quiz is posted. */
  closeTime: string | null;
  enabled: boolean;
  /** The questions' language; undefined follows the workspace's default. */
  lang?: Lang | undefined;
}

export type QuizStatus = 'claimed' | 'posted' | 'revealed';

export interface QuizRow {
  id: number;
  teamId: string | null;
  channelId: string;
  localDate: string;
  question: QuizQuestion;
  practiceUserId: string | null;
  messageTs: string | null;
  status: QuizStatus;
  postedAt: string | null;
  /** When it stopped taking answers; set for every revealed quiz, and before the reveal reaches Slack. */
  closedAt: string | null;
  /** When it was claimed. */
  createdAt: string;
}

export interface AgentAnswer {
  quizId: number;
  channelId: string;
  localDate: string;
  typeId: string;
  correct: boolean;
  msToAnswer: number;
  practice: boolean;
  answeredAt: string;
}

export interface ChannelQuiz {
  id: number;
  channelId: string;
  localDate: string;
  /** It has closed (taking no more answers): missing it now counts. */
  closed: boolean;
}

export type AnswerOutcome = { first: true } | { first: false; choice: number };

export interface LeaderboardRow {
  userId: string;
  correct: number;
  answered: number;
  averageMs: number;
}

interface QuizDbRow {
  id: number;
  team_id: string | null;
  channel_id: string;
  local_date: string;
  question: string;
  practice_user_id: string | null;
  message_ts: string | null;
  status: QuizStatus;
  posted_at: string | null;
  closed_at: string | null;
  created_at: string;
}

const toQuiz = (row: QuizDbRow): QuizRow => ({
  id: row.id,
  teamId: row.team_id,
  channelId: row.channel_id,
  localDate: row.local_date,
  question: JSON.parse(row.question) as QuizQuestion,
  practiceUserId: row.practice_user_id,
  messageTs: row.message_ts,
  status: row.status,
  postedAt: row.posted_at,
  closedAt: row.closed_at,
  createdAt: row.created_at,
});

/** The quiz's queries. Time comes from the caller's clock so tests can cross days and DST. */
export class QuizStore {
  /** `db` comes from openDatabase(), whose statements are prepared once however often a query runs. */
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  saveSchedule(schedule: QuizSchedule, updatedBy: string | undefined): void {
    this.db
      .prepare(
        `INSERT INTO quiz_schedules (channel_id, team_id, post_time, time_zone, days, close_time, enabled, language, updated_by, updated_at)
         VALUES (@channelId, @teamId, @postTime, @timeZone, @days, @closeTime, @enabled, @lang, @updatedBy, @updatedAt)
         ON CONFLICT (channel_id) DO UPDATE SET team_id = excluded.team_id, post_time = excluded.post_time,
           time_zone = excluded.time_zone, days = excluded.days, close_time = excluded.close_time,
           enabled = excluded.enabled, language = excluded.language, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run({
        channelId: schedule.channelId,
        postTime: schedule.postTime,
        timeZone: schedule.timeZone,
        days: schedule.days,
        closeTime: schedule.closeTime,
        lang: schedule.lang ?? null,
        teamId: schedule.teamId ?? null,
        enabled: schedule.enabled ? 1 : 0,
        updatedBy: updatedBy ?? null,
        updatedAt: this.now().toISOString(),
      });
  }

  /** Turns the quiz off in a channel; says whether there was one to turn off. */
  disableSchedule(channelId: string, updatedBy: string | undefined): boolean {
    const result = this.db
      .prepare('UPDATE quiz_schedules SET enabled = 0, updated_by = ?, updated_at = ? WHERE channel_id = ? AND enabled = 1')
      .run(updatedBy ?? null, this.now().toISOString(), channelId);
    return result.changes > 0;
  }

  /**
   * Gives schedules and quizzes stored without a workspace to this one: a leaderboard counts one
   * workspace's quizzes, and a schedule seeded from QUIZ_CHANNEL once had none.
   */
  adoptUnownedQuizzes(teamId: string): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE quiz_schedules SET team_id = ? WHERE team_id IS NULL').run(teamId);
      this.db.prepare('UPDATE quizzes SET team_id = ? WHERE team_id IS NULL').run(teamId);
    })();
  }

  hasSchedule(channelId: string): boolean {
    return this.db.prepare('SELECT 1 FROM quiz_schedules WHERE channel_id = ?').get(channelId) !== undefined;
  }

  schedule(channelId: string): QuizSchedule | undefined {
    return this.enabledSchedules().find((schedule) => schedule.channelId === channelId);
  }

  enabledSchedules(): QuizSchedule[] {
    const rows = this.db.prepare('SELECT * FROM quiz_schedules WHERE enabled = 1 ORDER BY channel_id').all() as Array<Record<string, any>>;
    return rows.map((row) => ({
      channelId: row.channel_id,
      teamId: row.team_id ?? undefined,
      postTime: row.post_time,
      timeZone: row.time_zone,
      days: row.days,
      closeTime: row.close_time,
      enabled: row.enabled === 1,
      lang: isLang(row.language) ? row.language : undefined,
    }));
  }

  /**
   * Claims the channel's quiz for a local date, before anything is posted. Only one claim per
   * channel and day can exist (a unique index), so a restart or a second instance gets undefined.
   */
  claim(input: { teamId: string | undefined; channelId: string; localDate: string; question: QuizQuestion; practiceUserId?: string }): number | undefined {
    const result = this.db
      .prepare(
        `INSERT INTO quizzes (team_id, channel_id, local_date, kind, type_id, question_key, question, practice_user_id, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'claimed', ?)
         ON CONFLICT DO NOTHING`,
      )
      .run(
        input.teamId ?? null,
        input.channelId,
        input.localDate,
        input.question.kind,
        input.question.typeId,
        input.question.questionKey,
        JSON.stringify(input.question),
        input.practiceUserId ?? null,
        this.now().toISOString(),
      );
    return result.changes === 1 ? Number(result.lastInsertRowid) : undefined;
  }

  markPosted(quizId: number, messageTs: string): void {
    this.db.prepare("UPDATE quizzes SET status = 'posted', message_ts = ?, posted_at = ? WHERE id = ?").run(messageTs, this.now().toISOString(), quizId);
  }

  /** Gives a claim back after a failed post, so the next attempt can claim the day again. */
  release(quizId: number): void {
    this.db.prepare("DELETE FROM quizzes WHERE id = ? AND status = 'claimed'").run(quizId);
  }

  markRevealed(quizId: number): boolean {
    const now = this.now().toISOString();
    return this.db
      .prepare("UPDATE quizzes SET status = 'revealed', revealed_at = ?, closed_at = COALESCE(closed_at, ?) WHERE id = ? AND status = 'posted'")
      .run(now, now, quizId).changes > 0;
  }

  /** Stops a quiz taking answers, for good; showing its answer in Slack comes after (markRevealed). */
  close(quizId: number): void {
    this.db.prepare("UPDATE quizzes SET closed_at = ? WHERE id = ? AND status = 'posted' AND closed_at IS NULL").run(this.now().toISOString(), quizId);
  }

  quiz(quizId: number): QuizRow | undefined {
    const row = this.db.prepare('SELECT * FROM quizzes WHERE id = ?').get(quizId) as QuizDbRow | undefined;
    return row && toQuiz(row);
  }

  quizForDay(channelId: string, localDate: string): QuizRow | undefined {
    const row = this.db
      .prepare('SELECT * FROM quizzes WHERE channel_id = ? AND local_date = ? AND practice_user_id IS NULL')
      .get(channelId, localDate) as QuizDbRow | undefined;
    return row && toQuiz(row);
  }

  /** Posted quizzes whose answer is not shown yet, oldest first. */
  unrevealed(channelId?: string): QuizRow[] {
    const rows = (
      channelId === undefined
        ? this.db.prepare("SELECT * FROM quizzes WHERE status = 'posted' AND practice_user_id IS NULL ORDER BY id").all()
        : this.db.prepare("SELECT * FROM quizzes WHERE status = 'posted' AND practice_user_id IS NULL AND channel_id = ? ORDER BY id").all(channelId)
    ) as QuizDbRow[];
    return rows.map(toQuiz);
  }

  /** Stores an agent's answer if it is their first for this quiz; otherwise returns the first one. */
  recordAnswer(input: { quizId: number; userId: string; choice: number; correct: boolean; msToAnswer: number }): AnswerOutcome {
    return this.db.transaction((): AnswerOutcome => {
      const inserted = this.db
        .prepare(
          `INSERT INTO quiz_answers (quiz_id, user_id, choice, correct, answered_at, ms_to_answer) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (quiz_id, user_id) DO NOTHING`,
        )
        .run(input.quizId, input.userId, input.choice, input.correct ? 1 : 0, this.now().toISOString(), Math.max(0, Math.round(input.msToAnswer)));
      if (inserted.changes === 1) return { first: true };
      const existing = this.db.prepare('SELECT choice FROM quiz_answers WHERE quiz_id = ? AND user_id = ?').get(input.quizId, input.userId) as { choice: number };
      return { first: false, choice: existing.choice };
    })();
  }

  tally(quizId: number): { answers: number; correct: number } {
    const row = this.db.prepare('SELECT COUNT(*) AS answers, COALESCE(SUM(correct), 0) AS correct FROM quiz_answers WHERE quiz_id = ?').get(quizId) as {
      answers: number;
      correct: number;
    };
    return row;
  }

  recentQuestionKeys(channelId: string, sinceLocalDate: string): Set<string> {
    const rows = this.db
      .prepare('SELECT question_key FROM quizzes WHERE channel_id = ? AND local_date >= ? AND practice_user_id IS NULL')
      .all(channelId, sinceLocalDate) as Array<{ question_key: string }>;
    return new Set(rows.map((row) => row.question_key));
  }

  /** Per type, how many answers the team gave and how many were wrong, since a moment. */
  recentByType(teamId: string | undefined, since: Date): Map<string, { answers: number; wrong: number }> {
    const rows = this.db
      .prepare(
        `SELECT q.type_id AS typeId, COUNT(*) AS answers, SUM(1 - a.correct) AS wrong
         FROM quiz_answers a JOIN quizzes q ON q.id = a.quiz_id
         WHERE q.team_id IS ? AND a.answered_at >= ? AND q.practice_user_id IS NULL
         GROUP BY q.type_id`,
      )
      .all(teamId ?? null, since.toISOString()) as Array<{ typeId: string; answers: number; wrong: number }>;
    return new Map(rows.map((row) => [row.typeId, { answers: row.answers, wrong: row.wrong }]));
  }

  agentAnswers(userId: string): AgentAnswer[] {
    const rows = this.db
      .prepare(
        `SELECT a.quiz_id, q.channel_id, q.local_date, q.type_id, a.correct, a.ms_to_answer, q.practice_user_id, a.answered_at
         FROM quiz_answers a JOIN quizzes q ON q.id = a.quiz_id WHERE a.user_id = ? ORDER BY q.local_date, a.id`,
      )
      .all(userId) as Array<Record<string, any>>;
    return rows.map((row) => ({
      quizId: row.quiz_id,
      channelId: row.channel_id,
      localDate: row.local_date,
      typeId: row.type_id,
      correct: row.correct === 1,
      msToAnswer: row.ms_to_answer,
      practice: row.practice_user_id !== null,
      answeredAt: row.answered_at,
    }));
  }

  /** The posted quizzes of some channels in date order: the days a streak runs over. */
  channelQuizzes(channelIds: readonly string[]): ChannelQuiz[] {
    if (channelIds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT id, channel_id, local_date, closed_at FROM quizzes
         WHERE practice_user_id IS NULL AND status IN ('posted', 'revealed') AND channel_id IN (SELECT value FROM json_each(?))
         ORDER BY local_date, id`,
      )
      .all(JSON.stringify(channelIds)) as Array<{ id: number; channel_id: string; local_date: string; closed_at: string | null }>;
    return rows.map((row) => ({ id: row.id, channelId: row.channel_id, localDate: row.local_date, closed: row.closed_at !== null }));
  }

  /** The channel's latest quiz that went out (not practice), or undefined. */
  latestPosted(channelId: string): QuizRow | undefined {
    const row = this.db
      .prepare("SELECT * FROM quizzes WHERE channel_id = ? AND practice_user_id IS NULL AND status IN ('posted', 'revealed') ORDER BY local_date DESC, id DESC LIMIT 1")
      .get(channelId) as QuizDbRow | undefined;
    return row && toQuiz(row);
  }

  /** Claims the weekly leaderboard post for a channel and week; false if it is already claimed. */
  claimWeeklyPost(channelId: string, weekStart: string): boolean {
    return (
      this.db
        .prepare('INSERT INTO weekly_leaderboards (channel_id, week_start, posted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
        .run(channelId, weekStart, this.now().toISOString()).changes === 1
    );
  }

  releaseWeeklyPost(channelId: string, weekStart: string): void {
    this.db.prepare('DELETE FROM weekly_leaderboards WHERE channel_id = ? AND week_start = ?').run(channelId, weekStart);
  }

  /** Right answers per agent (practice excluded), between two local dates; ties go to the faster agent. */
  leaderboard(teamId: string | undefined, sinceLocalDate?: string, limit = 10, beforeLocalDate = '9999-12-31'): LeaderboardRow[] {
    const rows = this.db
      .prepare(
        `SELECT a.user_id AS userId, SUM(a.correct) AS correct, COUNT(*) AS answered, AVG(a.ms_to_answer) AS averageMs
         FROM quiz_answers a JOIN quizzes q ON q.id = a.quiz_id
         WHERE q.practice_user_id IS NULL AND q.team_id IS ? AND q.local_date >= ? AND q.local_date < ?
         GROUP BY a.user_id
         ORDER BY correct DESC, averageMs ASC, userId ASC
         LIMIT ?`,
      )
      .all(teamId ?? null, sinceLocalDate ?? '0000-00-00', beforeLocalDate, limit) as LeaderboardRow[];
    return rows.map((row) => ({ ...row, averageMs: Math.round(row.averageMs) }));
  }
}
