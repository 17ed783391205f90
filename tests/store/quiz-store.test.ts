import { describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR } from '../../src/store/database.js';
import { loadMigrations, migrate } from '../../src/store/migrations.js';
import type { QuizQuestion } from '../../src/quiz/question.js';
import { QuizStore } from '../../src/store/quiz-store.js';
import { openSqlite } from '../../src/store/sqlite.js';

function freshQuizStore() {
  const db = openSqlite(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db, loadMigrations(DEFAULT_MIGRATIONS_DIR));
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

describe('QuizStore.adoptUnownedQuizzes', () => {
  it('gives schedules and quizzes stored without a workspace to this one, and leaves others alone', () => {
    const { db, store } = freshQuizStore();
    store.saveSchedule({ channelId: 'C0OLD', teamId: undefined, postTime: '09:30', timeZone: 'UTC', days: '*', closeTime: null, enabled: true }, 'environment');
    store.saveSchedule({ channelId: 'C0OTHER', teamId: 'T0OTHER', postTime: '09:30', timeZone: 'UTC', days: '*', closeTime: null, enabled: true }, 'U1');
    const quizId = store.claim({ teamId: undefined, channelId: 'C0OLD', localDate: '2026-11-23', question })!;
    store.markPosted(quizId, '1.000');
    store.recordAnswer({ quizId, userId: 'U0DANA', choice: 0, correct: true, msToAnswer: 5 });
    expect(store.leaderboard('T0MINE')).toEqual([]);

    store.adoptUnownedQuizzes('T0MINE');

    expect(db.prepare('SELECT channel_id, team_id FROM quiz_schedules ORDER BY channel_id').all()).toEqual([
      { channel_id: 'C0OLD', team_id: 'T0MINE' },
      { channel_id: 'C0OTHER', team_id: 'T0OTHER' },
    ]);
    expect(store.leaderboard('T0MINE').map((row) => row.userId)).toEqual(['U0DANA']);
  });
});
