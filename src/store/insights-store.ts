import type { QuizQuestion } from '../quiz/question.js';
import type { ChannelQuiz } from './quiz-store.js';
import { inList, type SqlDatabase } from './sql.js';
import type { Surface } from './store.js';

export interface InstantRange {
  fromInstant: Date;
  untilInstant: Date;
}

export interface LocalDateRange {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, exclusive. */
  until: string;
}

export interface ClassificationCount {
  surface: Surface;
  /** Null when the classifier abstained. */
  typeId: string | null;
  count: number;
}

export interface CorrectionPairCount {
  predicted: string | null;
  corrected: string;
  count: number;
}

/** One team quiz answer (practice excluded), with the question it answered. */
export interface TeamAnswer {
  quizId: number;
  userId: string;
  channelId: string;
  localDate: string;
  question: QuizQuestion;
  choice: number;
  correct: boolean;
  msToAnswer: number;
  answeredAt: string;
}

/** One classification row as the export gives it: no text, only where, when, what and how sure. */
export interface ClassificationExportRow {
  createdAt: string;
  surface: Surface;
  typeId: string | null;
  confidence: number;
}

/**
 * Read-only queries for a support lead's view of one workspace. Classifications and corrections
 * are counted by the instant they happened; quiz answers by their quiz's local date, as the
 * leaderboard counts them. Practice questions never count.
 */
export class InsightsStore {
  constructor(private readonly db: SqlDatabase) {}

  classificationCounts(teamId: string | undefined, range: InstantRange): Promise<ClassificationCount[]> {
    return this.db.all<ClassificationCount>(
      `SELECT surface, type_id AS "typeId", COUNT(*) AS count FROM classifications
       WHERE team_id IS NOT DISTINCT FROM ? AND created_at >= ? AND created_at < ?
       GROUP BY surface, type_id ORDER BY surface, COALESCE(type_id, '')`,
      [teamId ?? null, range.fromInstant.toISOString(), range.untilInstant.toISOString()],
    );
  }

  /** Corrections that changed the type (a confirmation is not a disagreement), by pair. */
  correctionPairs(teamId: string | undefined, range: InstantRange): Promise<CorrectionPairCount[]> {
    return this.db.all<CorrectionPairCount>(
      `SELECT predicted_type AS predicted, corrected_type AS corrected, COUNT(*) AS count FROM corrections
       WHERE team_id IS NOT DISTINCT FROM ? AND created_at >= ? AND created_at < ? AND predicted_type IS DISTINCT FROM corrected_type
       GROUP BY predicted_type, corrected_type ORDER BY count DESC, COALESCE(predicted_type, ''), corrected_type`,
      [teamId ?? null, range.fromInstant.toISOString(), range.untilInstant.toISOString()],
    );
  }

  /** Classifications made in the range that at least one agent corrected to another type. */
  async correctedClassifications(teamId: string | undefined, range: InstantRange): Promise<number> {
    const row = await this.db.get<{ n: number }>(
      `SELECT COUNT(DISTINCT c.id) AS n FROM classifications c JOIN corrections k ON k.classification_id = c.id
       WHERE c.team_id IS NOT DISTINCT FROM ? AND c.created_at >= ? AND c.created_at < ? AND k.predicted_type IS DISTINCT FROM k.corrected_type`,
      [teamId ?? null, range.fromInstant.toISOString(), range.untilInstant.toISOString()],
    );
    return row?.n ?? 0;
  }

  async teamAnswers(teamId: string | undefined, range: LocalDateRange): Promise<TeamAnswer[]> {
    const rows = await this.db.all<Record<string, any>>(
      `SELECT a.quiz_id, a.user_id, q.channel_id, q.local_date, q.question, a.choice, a.correct, a.ms_to_answer, a.answered_at
       FROM quiz_answers a JOIN quizzes q ON q.id = a.quiz_id
       WHERE q.team_id IS NOT DISTINCT FROM ? AND q.practice_user_id IS NULL AND q.local_date >= ? AND q.local_date < ?
       ORDER BY q.local_date, a.answered_at, a.id`,
      [teamId ?? null, range.from, range.until],
    );
    return rows.map((row) => ({
      quizId: row.quiz_id,
      userId: row.user_id,
      channelId: row.channel_id,
      localDate: row.local_date,
      question: JSON.parse(row.question) as QuizQuestion,
      choice: row.choice,
      correct: row.correct === 1,
      msToAnswer: row.ms_to_answer,
      answeredAt: row.answered_at,
    }));
  }

  /** The team's quizzes that went out before a local date, in date order: what streaks run over. */
  async teamQuizzesBefore(teamId: string | undefined, until: string): Promise<ChannelQuiz[]> {
    const rows = await this.db.all<{ id: number; channel_id: string; local_date: string; closed_at: string | null }>(
      `SELECT id, channel_id, local_date, closed_at FROM quizzes
       WHERE team_id IS NOT DISTINCT FROM ? AND practice_user_id IS NULL AND status IN ('posted', 'revealed') AND local_date < ?
       ORDER BY local_date, id`,
      [teamId ?? null, until],
    );
    return rows.map((row) => ({ id: row.id, channelId: row.channel_id, localDate: row.local_date, closed: row.closed_at !== null }));
  }

  /** Every answer of some agents on the team's quizzes before a local date: for their streaks. */
  async answersBefore(teamId: string | undefined, userIds: readonly string[], until: string): Promise<Array<{ userId: string; quizId: number; correct: boolean }>> {
    if (userIds.length === 0) return [];
    const agents = inList('a.user_id', userIds);
    const rows = await this.db.all<{ userId: string; quizId: number; correct: number }>(
      `SELECT a.user_id AS "userId", a.quiz_id AS "quizId", a.correct FROM quiz_answers a JOIN quizzes q ON q.id = a.quiz_id
       WHERE q.team_id IS NOT DISTINCT FROM ? AND q.practice_user_id IS NULL AND q.local_date < ? AND ${agents.sql}`,
      [teamId ?? null, until, ...agents.params],
    );
    return rows.map((row) => ({ userId: row.userId, quizId: row.quizId, correct: row.correct === 1 }));
  }

  classificationRows(teamId: string | undefined, range: InstantRange): Promise<ClassificationExportRow[]> {
    return this.db.all<ClassificationExportRow>(
      `SELECT created_at AS "createdAt", surface, type_id AS "typeId", confidence FROM classifications
       WHERE team_id IS NOT DISTINCT FROM ? AND created_at >= ? AND created_at < ? ORDER BY created_at, id`,
      [teamId ?? null, range.fromInstant.toISOString(), range.untilInstant.toISOString()],
    );
  }
}
