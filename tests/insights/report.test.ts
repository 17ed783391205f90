import { beforeAll, describe, expect, it } from 'vitest';
import { InsightsService } from '../../src/insights/insights-service.js';
import type { InsightsReport } from '../../src/insights/report.js';
import type { Engine } from '../../src/store/sql.js';
import { ENGINES, freshDatabase } from '../helpers/engines.js';
import { InsightsStore } from '../../src/store/insights-store.js';
import { KNOWN_NOW, seedKnownWeek, TEAM } from './known-week.js';

async function service(engine: Engine, now = KNOWN_NOW) {
  const db = await freshDatabase(engine);
  await seedKnownWeek(db);
  return new InsightsService({ store: new InsightsStore(db), clock: () => now, timeZone: 'UTC' });
}

describe.each(ENGINES)('the insights report on a known week, on %s', (engine) => {
  let report: InsightsReport;
  beforeAll(async () => {
    report = await (await service(engine)).report(TEAM, 'this-week');
  });

  it('counts the customers met by type, with share and the same days last week', async () => {
    const { classifications } = report;
    expect(classifications.total).toBe(10);
    expect(classifications.previousTotal).toBe(5);
    expect(classifications.byType.map(({ typeId, count, share, previousCount }) => ({ typeId, count, share, previousCount }))).toEqual([
      { typeId: 'angry', count: 5, share: 0.5, previousCount: 2 },
      { typeId: 'skeptic', count: 2, share: 0.2, previousCount: 3 },
      { typeId: 'bargain-hunter', count: 1, share: 0.1, previousCount: 0 },
    ]);
    expect(classifications.byType[0]!.bySurface).toEqual({ command: 4, shortcut: 1, message: 0 });
    expect(classifications.abstained).toEqual({ count: 2, share: 0.2, previousCount: 0 });
    expect(classifications.bySurface).toEqual([
      { surface: 'command', total: 7, abstained: 1 },
      { surface: 'shortcut', total: 2, abstained: 0 },
      { surface: 'message', total: 1, abstained: 1 },
    ]);
  });

  it('sums up the quiz without practice or another workspace', async () => {
    expect(report.quiz).toMatchObject({ agents: 3, answers: 8, correct: 3, previousAnswers: 4, previousCorrect: 4 });
    expect(report.quiz.byType).toEqual([
      { typeId: 'skeptic', answers: 3, correct: 1, accuracy: 1 / 3, previousAnswers: 0, previousAccuracy: null },
      { typeId: 'angry', answers: 5, correct: 2, accuracy: 0.4, previousAnswers: 4, previousAccuracy: 1 },
    ]);
  });

  it('derives confusions from "which type" answers only', async () => {
    // U2's wrong "what to do" answer on angry is not a confusion.
    expect(report.quiz.confusions).toEqual([
      { actual: 'angry', answered: 'skeptic', count: 2 },
      { actual: 'skeptic', answered: 'angry', count: 2 },
    ]);
  });

  it('picks the types to coach, each with its reason and numbers', async () => {
    expect(report.quiz.coachNext).toEqual([
      { typeId: 'skeptic', reason: 'confused', accuracy: 1 / 3, answers: 3, confusedWith: 'angry', count: 2 },
      { typeId: 'angry', reason: 'falling', accuracy: 0.4, previousAccuracy: 1, answers: 5 },
    ]);
  });

  it('gives each agent answers, accuracy and streak', async () => {
    expect(report.agents).toEqual([
      { userId: 'U1', answers: 3, correct: 2, accuracy: 2 / 3, streak: 1 },
      { userId: 'U2', answers: 3, correct: 1, accuracy: 1 / 3, streak: 0 },
      { userId: 'U3', answers: 2, correct: 0, accuracy: 0, streak: 0 },
    ]);
  });

  it('counts the classifier disagreements by pair and their share', async () => {
    expect(report.corrections).toEqual({
      pairs: [
        { predicted: 'angry', corrected: 'skeptic', count: 2 },
        { predicted: 'skeptic', corrected: 'angry', count: 1 },
      ],
      correctedClassifications: 2,
      share: 0.2,
    });
  });

  it('is empty, not broken, for a workspace with nothing', async () => {
    const empty = await (await service(engine)).report('T0NOBODY', 'last-4-weeks');
    expect(empty.classifications).toMatchObject({ total: 0, byType: [], abstained: { count: 0, share: 0 } });
    expect(empty.quiz).toMatchObject({ agents: 0, answers: 0, byType: [], confusions: [], coachNext: [] });
    expect(empty.corrections).toEqual({ pairs: [], correctedClassifications: 0, share: 0 });
  });

  it('reads last week as last week', async () => {
    const lastWeek = await (await service(engine)).report(TEAM, 'last-week');
    expect(lastWeek.range).toMatchObject({ from: '2026-11-30', until: '2026-12-07' });
    expect(lastWeek.classifications.total).toBe(6);
    expect(lastWeek.quiz).toMatchObject({ agents: 4, answers: 4, correct: 4, coachNext: [] });
  });
});
