import { describe, expect, it, onTestFinished } from 'vitest';
import type { QuizQuestion } from '../../src/quiz/question.js';
import { QuizStore } from '../../src/store/quiz-store.js';
import type { Engine } from '../../src/store/sql.js';
import { ENGINES, freshDatabase } from '../helpers/engines.js';

async function freshQuizStore(engine: Engine) {
  const db = await freshDatabase(engine);
  onTestFinished(() => db.close());
  return { db, store: new QuizStore(db, () => new Date('2026-11-23T10:00:00Z')) };
}

const question: QuizQuestion = {
  kind: 'which-type',
  typeId: 'angry',
  questionKey: 'angry:example:0',
  prompt: 'Which type of customer is this?',
  options: ['angry', 'confused', 'skeptic', 'chatty'].map((typeId) => ({ typeId, label: typeId })),
  answer: 0,
  why: 'Swearing and a threat to leave.',
  keyAction: 'Acknowledge the anger first.',
};

describe.each(ENGINES)('QuizStore on %s', (engine) => {
  describe('QuizStore.adoptUnownedQuizzes', () => {
    it('gives schedules and quizzes stored without a workspace to this one, and leaves others alone', async () => {
      const { db, store } = await freshQuizStore(engine);
      await store.saveSchedule({ channelId: 'C0OLD', teamId: undefined, postTime: '09:30', timeZone: 'UTC', days: '*', closeTime: null, enabled: true }, 'environment');
      await store.saveSchedule({ channelId: 'C0OTHER', teamId: 'T0OTHER', postTime: '09:30', timeZone: 'UTC', days: '*', closeTime: null, enabled: true }, 'U1');
      const quizId = (await store.claim({ teamId: undefined, channelId: 'C0OLD', localDate: '2026-11-23', question }))!;
      await store.markPosted(quizId, '1.000');
      await store.recordAnswer({ quizId, userId: 'U0DANA', choice: 0, correct: true, msToAnswer: 5 });
      expect(await store.leaderboard('T0MINE')).toEqual([]);

      await store.adoptUnownedQuizzes('T0MINE');

      expect(await db.all('SELECT channel_id, team_id FROM quiz_schedules ORDER BY channel_id')).toEqual([
        { channel_id: 'C0OLD', team_id: 'T0MINE' },
        { channel_id: 'C0OTHER', team_id: 'T0OTHER' },
      ]);
      expect((await store.leaderboard('T0MINE')).map((row) => row.userId)).toEqual(['U0DANA']);
    });
  });
});
