import type { Confusion, TypeAccuracyTrend } from './report.js';

/** A type needs this many answers in the period before its accuracy says anything. */
export const COACH_MIN_ANSWERS = 3;
/** Types at or above this accuracy are not worth a coaching session. */
export const COACH_BELOW_ACCURACY = 0.8;
/** A fall of this much accuracy (15 points) against the previous period is a trend, not noise. */
export const COACH_FALL = 0.15;
export const COACH_PICKS = 3;

export type CoachPick =
  | { typeId: string; reason: 'falling'; accuracy: number; previousAccuracy: number; answers: number }
  | { typeId: string; reason: 'confused'; accuracy: number; answers: number; confusedWith: string; count: number }
  | { typeId: string; reason: 'low-accuracy'; accuracy: number; answers: number };

/**
 * The types to coach next. A type qualifies with at least COACH_MIN_ANSWERS answers and accuracy
 * below COACH_BELOW_ACCURACY; the lowest accuracy comes first (ties: more answers), at most
 * COACH_PICKS. Each gets the reason most useful to a coach: a fall of COACH_FALL or more against
 * the previous period; else the type it was most often taken for (twice or more); else its accuracy.
 */
export function coachNext(byType: readonly TypeAccuracyTrend[], confusions: readonly Confusion[]): CoachPick[] {
  return byType
    .filter((entry) => entry.answers >= COACH_MIN_ANSWERS && entry.accuracy < COACH_BELOW_ACCURACY)
    .sort((a, b) => a.accuracy - b.accuracy || b.answers - a.answers || a.typeId.localeCompare(b.typeId))
    .slice(0, COACH_PICKS)
    .map((entry): CoachPick => {
      const { typeId, accuracy, answers } = entry;
      if (entry.previousAccuracy !== null && entry.previousAnswers >= COACH_MIN_ANSWERS && entry.previousAccuracy - accuracy >= COACH_FALL - 1e-9) {
        return { typeId, reason: 'falling', accuracy, previousAccuracy: entry.previousAccuracy, answers };
      }
      const confusion = confusions.find((candidate) => candidate.actual === typeId);
      if (confusion && confusion.count >= 2) return { typeId, reason: 'confused', accuracy, answers, confusedWith: confusion.answered, count: confusion.count };
      return { typeId, reason: 'low-accuracy', accuracy, answers };
    });
}
