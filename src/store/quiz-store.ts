import { isLang, type Lang } from '../lang.js';
import type { QuizQuestion } from '../quiz/question.js';
import { inList, type SqlDatabase } from './sql.js';

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

/** The first answer was stored; or the agent had answered already; or the quiz had closed. */
export type AnswerOutcome = { first: true } | { first: false; choice: number } | { first: false; closed: true };

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

const toSchedule = (row: Record<string, any>): QuizSchedule => ({
  channelId: row.channel_id,
  teamId: row.team_id ?? undefined,
  postTime: row.post_time,
  timeZone: row.time_zone,
  days: row.days,
  closeTime: row.close_time,
  enabled: row.enabled === 1,
  lang: isLang(row.language) ? row.language : undefined,
});

/** The quiz's queries. Time comes from the caller's clock so tests can cross days and DST. */
export class QuizStore {
  constructor(
    private readonly db: SqlDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async saveSchedule(schedule: QuizSchedule, updatedBy: string | undefined): Promise<void> {
    await this.db.run(
      `INSERT INTO quiz_schedules (channel_id, team_id, post_time, time_zone, days, close_time, enabled, language, updated_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (channel_id) DO UPDATE SET team_id = excluded.team_id, post_time = excluded.post_time,
         time_zone = excluded.time_zone, days = excluded.days, close_time = excluded.close_time,
         enabled = excluded.enabled, language = excluded.language, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [
        schedule.channelId,
        schedule.teamId ?? null,
        schedule.postTime,
        schedule.timeZone,
        schedule.days,
        schedule.closeTime,
        schedule.enabled ? 1 : 0,
        schedule.lang ?? null,
        updatedBy ?? null,
        this.now().toISOString(),
      ],
    );
  }

  /** Turns the quiz off in a channel; says whether there was one to turn off. */
  async disableSchedule(channelId: string, updatedBy: string | undefined): Promise<boolean> {
    const result = await this.db.run('UPDATE quiz_schedules SET enabled = 0, updated_by = ?, updated_at = ? WHERE channel_id = ? AND enabled = 1', [
      updatedBy ?? null,
      this.now().toISOString(),
      channelId,
    ]);
    return result.changes > 0;
  }

  /**
   * Gives schedules and quizzes stored without a workspace to this one: a leaderboard counts one
   * workspace's quizzes, and a schedule seeded from QUIZ_CHANNEL once had none.
   */
  async adoptUnownedQuizzes(teamId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('UPDATE quiz_schedules SET team_id = ? WHERE team_id IS NULL', [teamId]);
      await tx.run('UPDATE quizzes SET team_id = ? WHERE team_id IS NULL', [teamId]);
    });
  }

  async hasSchedule(channelId: string): Promise<boolean> {
    return (await this.db.get('SELECT 1 AS found FROM quiz_schedules WHERE channel_id = ?', [channelId])) !== undefined;
  }

  async schedule(channelId: string): Promise<QuizSchedule | undefined> {
    const row = await this.db.get<Record<string, any>>('SELECT * FROM quiz_schedules WHERE enabled = 1 AND channel_id = ?', [channelId]);
    return row && toSchedule(row);
  }

  async enabledSchedules(): Promise<QuizSchedule[]> {
    return (await this.db.all<Record<string, any>>('SELECT * FROM quiz_schedules WHERE enabled = 1 ORDER BY channel_id')).map(toSchedule);
  }

  /**
   * Claims the channel's quiz for a local date, before anything is posted. Only one claim per
   * channel and day can exist (a unique index), so a restart or a second instance gets undefined.
   */
  async claim(input: { teamId: string | undefined; channelId: string; localDate: string; question: QuizQuestion; practiceUserId?: string }): Promise<number | undefined> {
    const row = await this.db.get<{ id: number }>(
      `INSERT INTO quizzes (team_id, channel_id, local_date, kind, type_id, question_key, question, practice_user_id, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'claimed', ?)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        input.teamId ?? null,
        input.channelId,
        input.localDate,
        input.question.kind,
        input.question.typeId,
        input.question.questionKey,
        JSON.stringify(input.question),
        input.practiceUserId ?? null,
        this.now().toISOString(),
      ],
    );
    return row?.id;
  }

  async markPosted(quizId: number, messageTs: string): Promise<void> {
    await this.db.run("UPDATE quizzes SET status = 'posted', message_ts = ?, posted_at = ? WHERE id = ?", [messageTs, this.now().toISOString(), quizId]);
  }

  /** Gives a claim back after a failed post, so the next attempt can claim the day again. */
  async release(quizId: number): Promise<void> {
    await this.db.run("DELETE FROM quizzes WHERE id = ? AND status = 'claimed'", [quizId]);
  }

  async markRevealed(quizId: number): Promise<boolean> {
    const now = this.now().toISOString();
    const result = await this.db.run(
      "UPDATE quizzes SET status = 'revealed', revealed_at = ?, closed_at = COALESCE(closed_at, ?) WHERE id = ? AND status = 'posted'",
      [now, now, quizId],
    );
    return result.changes > 0;
  }

  /** Stops a quiz taking answers, for good; showing its answer in Slack comes after (markRevealed). */
  async close(quizId: number): Promise<void> {
    await this.db.run("UPDATE quizzes SET closed_at = ? WHERE id = ? AND status = 'posted' AND closed_at IS NULL", [this.now().toISOString(), quizId]);
  }

  async quiz(quizId: number): Promise<QuizRow | undefined> {
    const row = await this.db.get<QuizDbRow>('SELECT * FROM quizzes WHERE id = ?', [quizId]);
    return row && toQuiz(row);
  }

  async quizForDay(channelId: string, localDate: string): Promise<QuizRow | undefined> {
    const row = await this.db.get<QuizDbRow>('SELECT * FROM quizzes WHERE channel_id = ? AND local_date = ? AND practice_user_id IS NULL', [channelId, localDate]);
    return row && toQuiz(row);
  }

  /** Posted quizzes whose answer is not shown yet, oldest first. */
  async unrevealed(channelId?: string): Promise<QuizRow[]> {
    const rows =
      channelId === undefined
        ? await this.db.all<QuizDbRow>("SELECT * FROM quizzes WHERE status = 'posted' AND practice_user_id IS NULL ORDER BY id")
        : await this.db.all<QuizDbRow>("SELECT * FROM quizzes WHERE status = 'posted' AND practice_user_id IS NULL AND channel_id = ? ORDER BY id", [channelId]);
    return rows.map(toQuiz);
  }

  /**
   * Stores an agent's answer if it is their first for this quiz; otherwise returns the first one.
   * Two clicks at once, on one instance or two, meet at the unique index: one inserts, the other
   * waits for it and then reads it.
   */
  async recordAnswer(input: { quizId: number; userId: string; choice: number; correct: boolean; msToAnswer: number }): Promise<AnswerOutcome> {
    // Whether the quiz is still open is asked in the insert itself, so a close between reading the
    // quiz and storing the answer can't let a late answer in. (`WHERE true` lets SQLite parse ON CONFLICT after a SELECT.)
    const inserted = await this.db.run(
      `INSERT INTO quiz_answers (quiz_id, user_id, choice, correct, answered_at, ms_to_answer)
       SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM quizzes WHERE id = ? AND closed_at IS NULL) AND true
       ON CONFLICT (quiz_id, user_id) DO NOTHING`,
      [input.quizId, input.userId, input.choice, input.correct ? 1 : 0, this.now().toISOString(), Math.max(0, Math.round(input.msToAnswer)), input.quizId],
    );
    if (inserted.changes === 1) return { first: true };
    const existing = await this.db.get<{ choice: number }>('SELECT choice FROM quiz_answers WHERE quiz_id = ? AND user_id = ?', [input.quizId, input.userId]);
    return existing ? { first: false, choice: existing.choice } : { first: false, closed: true };
  }

  async tally(quizId: number): Promise<{ answers: number; correct: number }> {
    const row = await this.db.get<{ answers: number; correct: number }>(
      'SELECT COUNT(*) AS answers, COALESCE(SUM(correct), 0) AS correct FROM quiz_answers WHERE quiz_id = ?',
      [quizId],
    );
    return row ?? { answers: 0, correct: 0 };
  }

  async recentQuestionKeys(channelId: string, sinceLocalDate: string): Promise<Set<string>> {
    const rows = await this.db.all<{ question_key: string }>(
      'SELECT question_key FROM quizzes WHERE channel_id = ? AND local_date >= ? AND practice_user_id IS NULL',
      [channelId, sinceLocalDate],
    );
    return new Set(rows.map((row) => row.question_key));
  }

  /** Per type, how many answers the team gave and how many were wrong, since a moment. */
  async recentByType(teamId: string | undefined, since: Date): Promise<Map<string, { answers: number; wrong: number }>> {
    const rows = await this.db.all<{ typeId: string; answers: number; wrong: number }>(
      `SELECT q.type_id AS "typeId", COUNT(*) AS answers, SUM(1 - a.correct) AS wrong
       FROM quiz_answers a JOIN quizzes q ON q.id = a.quiz_id
       WHERE q.team_id IS NOT DISTINCT FROM ? AND a.answered_at >= ? AND q.practice_user_id IS NULL
       GROUP BY q.type_id`,
      [teamId ?? null, since.toISOString()],
    );
    return new Map(rows.map((row) => [row.typeId, { answers: row.answers, wrong: row.wrong }]));
  }

  async agentAnswers(userId: string): Promise<AgentAnswer[]> {
    const rows = await this.db.all<Record<string, any>>(
      `SELECT a.quiz_id, q.channel_id, q.local_date, q.type_id, a.correct, a.ms_to_answer, q.practice_user_id, a.answered_at
       FROM quiz_answers a JOIN quizzes q ON q.id = a.quiz_id WHERE a.user_id = ? ORDER BY q.local_date, a.id`,
      [userId],
    );
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
  async channelQuizzes(channelIds: readonly string[]): Promise<ChannelQuiz[]> {
    if (channelIds.length === 0) return [];
    const channels = inList('channel_id', channelIds);
    const rows = await this.db.all<{ id: number; channel_id: string; local_date: string; closed_at: string | null }>(
      `SELECT id, channel_id, local_date, closed_at FROM quizzes
       WHERE practice_user_id IS NULL AND status IN ('posted', 'revealed') AND ${channels.sql}
       ORDER BY local_date, id`,
      channels.params,
    );
    return rows.map((row) => ({ id: row.id, channelId: row.channel_id, localDate: row.local_date, closed: row.closed_at !== null }));
  }

  /** The channel's latest quiz that went out (not practice), or undefined. */
  async latestPosted(channelId: string): Promise<QuizRow | undefined> {
    const row = await this.db.get<QuizDbRow>(
      "SELECT * FROM quizzes WHERE channel_id = ? AND practice_user_id IS NULL AND status IN ('posted', 'revealed') ORDER BY local_date DESC, id DESC LIMIT 1",
      [channelId],
    );
    return row && toQuiz(row);
  }

  /** Claims the weekly leaderboard post for a channel and week; false if it is already claimed. */
  async claimWeeklyPost(channelId: string, weekStart: string): Promise<boolean> {
    const result = await this.db.run('INSERT INTO weekly_leaderboards (channel_id, week_start, posted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
      channelId,
      weekStart,
      this.now().toISOString(),
    ]);
    return result.changes === 1;
  }

  async releaseWeeklyPost(channelId: string, weekStart: string): Promise<void> {
    await this.db.run('DELETE FROM weekly_leaderboards WHERE channel_id = ? AND week_start = ?', [channelId, weekStart]);
  }

  /** Right answers per agent (practice excluded), between two local dates; ties go to the faster agent. */
  async leaderboard(teamId: string | undefined, sinceLocalDate?: string, limit = 10, beforeLocalDate = '9999-12-31'): Promise<LeaderboardRow[]> {
    const rows = await this.db.all<LeaderboardRow>(
      `SELECT a.user_id AS "userId", SUM(a.correct) AS correct, COUNT(*) AS answered, AVG(a.ms_to_answer) AS "averageMs"
       FROM quiz_answers a JOIN quizzes q ON q.id = a.quiz_id
       WHERE q.practice_user_id IS NULL AND q.team_id IS NOT DISTINCT FROM ? AND q.local_date >= ? AND q.local_date < ?
       GROUP BY a.user_id
       ORDER BY correct DESC, "averageMs" ASC, "userId" ASC
       LIMIT ?`,
      [teamId ?? null, sinceLocalDate ?? '0000-00-00', beforeLocalDate, limit],
    );
    return rows.map((row) => ({ ...row, averageMs: Math.round(row.averageMs) }));
  }
}
