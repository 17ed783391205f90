import type { ClassificationCount, CorrectionPairCount, TeamAnswer } from '../store/insights-store.js';
import type { Surface } from '../store/store.js';
import { coachNext, type CoachPick } from './coach.js';
import type { DateRange, InsightsPeriod } from './period.js';

export const SURFACES: readonly Surface[] = ['command', 'shortcut', 'message'];

export interface TypeCount {
  typeId: string;
  count: number;
  /** Of all classifications in the period, abstentions included. */
  share: number;
  previousCount: number;
  bySurface: Record<Surface, number>;
}

export interface SurfaceCount {
  surface: Surface;
  total: number;
  abstained: number;
}

export interface TypeAccuracyTrend {
  typeId: string;
  answers: number;
  correct: number;
  accuracy: number;
  previousAnswers: number;
  /** Null when the previous period had no answers on this type. */
  previousAccuracy: number | null;
}

/** "Answered `answered` when it was `actual`", on "which type" questions. */
export interface Confusion {
  actual: string;
  answered: string;
  count: number;
}

export interface AgentFigures {
  userId: string;
  answers: number;
  correct: number;
  accuracy: number;
  /** Right answers in a row up to the end of the period, as `/customertype stats` counts them. */
  streak: number;
}

export interface InsightsReport {
  period: InsightsPeriod;
  range: DateRange;
  previousRange: DateRange;
  classifications: {
    total: number;
    previousTotal: number;
    /** Most met first. */
    byType: TypeCount[];
    abstained: { count: number; share: number; previousCount: number };
    bySurface: SurfaceCount[];
  };
  quiz: {
    agents: number;
    answers: number;
    correct: number;
    previousAnswers: number;
    previousCorrect: number;
    /** Lowest accuracy first. */
    byType: TypeAccuracyTrend[];
    /** Most frequent first. */
    confusions: Confusion[];
    coachNext: CoachPick[];
  };
  /** Per agent, most answers first: for leads only, never for a channel. */
  agents: AgentFigures[];
  corrections: {
    /** Most frequent first. */
    pairs: CorrectionPairCount[];
    /** Classifications of the period an agent corrected to another type. */
    correctedClassifications: number;
    /** Of all classifications in the period. */
    share: number;
  };
}

export interface InsightsData {
  period: InsightsPeriod;
  range: DateRange;
  previousRange: DateRange;
  classifications: readonly ClassificationCount[];
  previousClassifications: readonly ClassificationCount[];
  correctionPairs: readonly CorrectionPairCount[];
  correctedClassifications: number;
  answers: readonly TeamAnswer[];
  previousAnswers: readonly TeamAnswer[];
  /** Each agent's streak at the end of the period. */
  streaks: ReadonlyMap<string, number>;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const emptySurfaces = (): Record<Surface, number> => ({ command: 0, shortcut: 0, message: 0 });

function typeCounts(rows: readonly ClassificationCount[], previous: readonly ClassificationCount[], total: number): TypeCount[] {
  const byType = new Map<string, TypeCount>();
  for (const row of rows) {
    if (row.typeId === null) continue;
    const entry = byType.get(row.typeId) ?? { typeId: row.typeId, count: 0, share: 0, previousCount: 0, bySurface: emptySurfaces() };
    entry.count += row.count;
    entry.bySurface[row.surface] += row.count;
    byType.set(row.typeId, entry);
  }
  for (const row of previous) {
    if (row.typeId === null) continue;
    // A type met only before still shows, with a count of 0: its fall is news too.
    const entry = byType.get(row.typeId) ?? { typeId: row.typeId, count: 0, share: 0, previousCount: 0, bySurface: emptySurfaces() };
    entry.previousCount += row.count;
    byType.set(row.typeId, entry);
  }
  return [...byType.values()]
    .map((entry) => ({ ...entry, share: ratio(entry.count, total) }))
    .sort((a, b) => b.count - a.count || b.previousCount - a.previousCount || a.typeId.localeCompare(b.typeId));
}

/** The type an answer picked: for "which type" the option's type; undefined for "what to do", whose options are actions. */
export function chosenType(answer: TeamAnswer): string | undefined {
  if (answer.question.kind !== 'which-type') return undefined;
  return answer.question.options[answer.choice]?.typeId;
}

/**
 * Only "which type" answers make confusions. A wrong "what to do first" answer picked another
 * type's key action for a type the question named: the agent knew the type and chose the wrong
 * handling, which is not mistaking one customer for another, so it counts in accuracy only.
 */
function confusions(answers: readonly TeamAnswer[]): Confusion[] {
  const counts = new Map<string, Confusion>();
  for (const answer of answers) {
    const answered = chosenType(answer);
    if (answer.correct || answered === undefined || answered === answer.question.typeId) continue;
    const key = `${answer.question.typeId}\u0000${answered}`;
    const entry = counts.get(key) ?? { actual: answer.question.typeId, answered, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.actual.localeCompare(b.actual) || a.answered.localeCompare(b.answered));
}

function tally(answers: readonly TeamAnswer[], key: (answer: TeamAnswer) => string): Map<string, { answers: number; correct: number }> {
  const counts = new Map<string, { answers: number; correct: number }>();
  for (const answer of answers) {
    const entry = counts.get(key(answer)) ?? { answers: 0, correct: 0 };
    entry.answers += 1;
    if (answer.correct) entry.correct += 1;
    counts.set(key(answer), entry);
  }
  return counts;
}

function accuracyByType(answers: readonly TeamAnswer[], previous: readonly TeamAnswer[]): TypeAccuracyTrend[] {
  const before = tally(previous, (answer) => answer.question.typeId);
  return [...tally(answers, (answer) => answer.question.typeId)]
    .map(([typeId, { answers: count, correct }]) => {
      const earlier = before.get(typeId);
      return {
        typeId,
        answers: count,
        correct,
        accuracy: ratio(correct, count),
        previousAnswers: earlier?.answers ?? 0,
        previousAccuracy: earlier ? ratio(earlier.correct, earlier.answers) : null,
      };
    })
    .sort((a, b) => a.accuracy - b.accuracy || b.answers - a.answers || a.typeId.localeCompare(b.typeId));
}

/** Every figure a lead sees for one period, from what the store read. Pure: the same data, the same report. */
export function buildInsightsReport(data: InsightsData): InsightsReport {
  const total = data.classifications.reduce((sum, row) => sum + row.count, 0);
  const previousTotal = data.previousClassifications.reduce((sum, row) => sum + row.count, 0);
  const abstained = data.classifications.filter((row) => row.typeId === null).reduce((sum, row) => sum + row.count, 0);
  const bySurface = SURFACES.map((surface) => {
    const rows = data.classifications.filter((row) => row.surface === surface);
    return {
      surface,
      total: rows.reduce((sum, row) => sum + row.count, 0),
      abstained: rows.filter((row) => row.typeId === null).reduce((sum, row) => sum + row.count, 0),
    };
  });
  const byType = accuracyByType(data.answers, data.previousAnswers);
  const typeConfusions = confusions(data.answers);
  const agents = [...tally(data.answers, (answer) => answer.userId)]
    .map(([userId, { answers, correct }]) => ({ userId, answers, correct, accuracy: ratio(correct, answers), streak: data.streaks.get(userId) ?? 0 }))
    .sort((a, b) => b.answers - a.answers || b.accuracy - a.accuracy || a.userId.localeCompare(b.userId));
  const correct = data.answers.filter((answer) => answer.correct).length;
  return {
    period: data.period,
    range: data.range,
    previousRange: data.previousRange,
    classifications: {
      total,
      previousTotal,
      byType: typeCounts(data.classifications, data.previousClassifications, total),
      abstained: {
        count: abstained,
        share: ratio(abstained, total),
        previousCount: data.previousClassifications.filter((row) => row.typeId === null).reduce((sum, row) => sum + row.count, 0),
      },
      bySurface,
    },
    quiz: {
      agents: agents.length,
      answers: data.answers.length,
      correct,
      previousAnswers: data.previousAnswers.length,
      previousCorrect: data.previousAnswers.filter((answer) => answer.correct).length,
      byType,
      confusions: typeConfusions,
      coachNext: coachNext(byType, typeConfusions),
    },
    agents,
    corrections: {
      pairs: [...data.correctionPairs],
      correctedClassifications: data.correctedClassifications,
      share: ratio(data.correctedClassifications, total),
    },
  };
}
