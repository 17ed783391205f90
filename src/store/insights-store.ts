import type { Database } from 'better-sqlite3';
import type { QuizQuestion } from '../quiz/question.js';
import type { ChannelQuiz } from './quiz-store.js';
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
  constructor(private readonly db: Database) {}

  classificationCounts(teamId: string | undefined, range: InstantRange): ClassificationCount[] {
    return this.db
      .prepare(
        `SELECT surface, type_id AS typeId, COUNT(*) AS count FROM classifications
         WHERE team_id IS ? AND created_at >= ? AND created_at < ?
         GROUP BY surface, type_id ORDER BY surface, type_id`,
      )
      .all(teamId ?? null, range.fromInstant.toISOString(), range.untilInstant.toISOString()) as ClassificationCount[];
  }

  /** Corrections that changed the type (a confirmation is not a disagreement), by pair. */
  correctionPairs(teamId: string | undefined, range: InstantRange): CorrectionPairCount[] {
    return this.db
      .prepare(
        `SELECT predicted_type AS predicted, corrected_type AS corrected, COUNT(*) AS count FROM corrections
         WHERE team_id IS ? AND created_at >= ? AND created_at < ? AND predicted_type IS NOT corrected_type
         GROUP BY predicted_type, corrected_type ORDER BY count DESC, predicted, corrected`,
      )
      .all(teamId ?? null, range.fromInstant.toISOString(), range.untilInstant.toISOString()) as CorrectionPairCount[];
  }

  /** Classifications made in the range that at least one agent corrected to another type. */
  correctedClassifications(teamId: string | undefined, range: InstantRange): number {
    const row = this.db
      .prepare(
        `SELECT COUNT(DISTINCT c.id) AS n FROM classifications c JOIN corrections k ON k.classification_id = c.id
         WHERE c.team_id IS ? AND c.created_at >= ? AND c.created_at < ? AND k.predicted_type IS NOT k.corrected_type`,
      )
      .get(teamId ?? null, range.fromInstant.toISOString(), range.untilInstant.toISOString()) as { n: number };
    return row.n;
  }

  teamAnswers(teamId: string | undefined, range: LocalDateRange): TeamAnswer[] {
    const rows = this.db
      .prepare(
        `SELECT a.quiz_id, a.user_id, q.channel_id, q.local_date, q.question, a.choice, a.correct, a.ms_to_answer, a.answered_at
         FROM quiz_answers a JOIN quizzes q ON q.id = a.quiz_id
         WHERE q.team_id IS ? AND q.practice_user_id IS NULL AND q.local_date >= ? AND q.local_date < ?
         ORDER BY q.local_date, a.answered_at, a.id`,
      )
      .all(teamId ?? null, range.from, range.until) as Array<Record<string, any>>;
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
  teamQuizzesBefore(teamId: string | undefined, until: string): ChannelQuiz[] {
    const rows = this.db
      .prepare(
        `SELECT id, channel_id, local_date, closed_at FROM quizzes
         WHERE team_id IS ? AND practice_user_id IS NULL AND status IN ('posted', 'revealed') AND local_date < ?
         ORDER BY local_date, id`,
      )
      .all(teamId ?? null, until) as Array<{ id: number; channel_id: string; local_date: string; closed_at: string | null }>;
    return rows.map((row) => ({ id: row.id, channelId: row.channel_id, localDate: row.local_date, closed: row.closed_at !== null }));
  }

  /** Every answer of some agents on the team's quizzes before a local date: for their streaks. */
  answersBefore(teamId: string | undefined, userIds: readonly string[], until: string): Array<{ userId: string; quizId: number; correct: boolean }> {
    if (userIds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT a.user_id AS userId, a.quiz_id AS quizId, a.correct FROM quiz_answers a JOIN quizzes q ON q.id = a.quiz_id
         WHERE q.team_id IS ? AND q.practice_user_id IS NULL AND q.local_date < ? AND a.user_id IN (SELECT value FROM json_each(?))`,
      )
      .all(teamId ?? null, until, JSON.stringify(userIds)) as Array<{ userId: string; quizId: number; correct: number }>;
    return rows.map((row) => ({ userId: row.userId, quizId: row.quizId, correct: row.correct === 1 }));
  }

  classificationRows(teamId: string | undefined, range: InstantRange): ClassificationExportRow[] {
    return this.db
      .prepare(
        `SELECT created_at AS createdAt, surface, type_id AS typeId, confidence FROM classifications
         WHERE team_id IS ? AND created_at >= ? AND created_at < ? ORDER BY created_at, id`,
      )
      .all(teamId ?? null, range.fromInstant.toISOString(), range.untilInstant.toISOString()) as ClassificationExportRow[];
  }
}
