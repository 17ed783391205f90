import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { Classifier } from '../../src/classifier/classifier.js';
import { createLogger } from '../../src/logging/logger.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import type { PlaybookSet } from '../../src/playbooks/playbook-set.js';
import { mulberry32 } from '../../src/random.js';
import { QuizService, type QuizPublisher } from '../../src/quiz/quiz-service.js';
import { QuizScheduler } from '../../src/quiz/scheduler.js';
import type { Engine } from '../../src/store/sql.js';
import { ENGINES, freshDatabase } from '../helpers/engines.js';
import { QuizStore, type QuizRow, type QuizSchedule } from '../../src/store/quiz-store.js';
import { typeDefinitions } from '../../src/playbooks/training.js';

let playbooks: PlaybookSet;
let classifier: Classifier;
beforeAll(async () => {
  playbooks = loadPlaybooks().set;
  classifier = Classifier.train(typeDefinitions(playbooks.all));
});

class FakePublisher implements QuizPublisher {
  posted: Array<{ channelId: string; quizId: number }> = [];
  revealed: Array<{ quizId: number; tally: { answers: number; correct: number } }> = [];
  failNext = 0;
  async post(channelId: string, quizId: number): Promise<string> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('ratelimited');
    }
    this.posted.push({ channelId, quizId });
    return `ts-${quizId}`;
  }
  counts: number[] = [];
  /** While set, a count update waits for it: a chat.update held up by Slack's rate limits. */
  countGate: Promise<void> | undefined;
  failReveals = 0;
  async updateCount(_quiz: QuizRow, answers: number): Promise<void> {
    await this.countGate;
    this.counts.push(answers);
  }
  leaderboards: Array<{ channelId: string; weekStarts: string; week: string[] }> = [];
  async postLeaderboard(channelId: string, boards: { weekStarts: string; week: Array<{ userId: string }> }): Promise<void> {
    this.leaderboards.push({ channelId, weekStarts: boards.weekStarts, week: boards.week.map((row) => row.userId) });
  }
  async directChannel(userId: string): Promise<string> {
    return `D-${userId}`;
  }
  /** While set, a reveal waits for it: a chat.update that takes its time. */
  revealGate: Promise<void> | undefined;
  async reveal(quiz: QuizRow, tally: { answers: number; correct: number }): Promise<void> {
    await this.revealGate;
    if (this.failReveals > 0) {
      this.failReveals -= 1;
      throw new Error('message_not_found');
    }
    this.revealed.push({ quizId: quiz.id, tally });
  }
}

async function setup(engine: Engine, start: string) {
  const db = await freshDatabase(engine);
  onTestFinished(() => db.close());
  let now = new Date(start);
  const clock = () => now;
  const store = new QuizStore(db, clock);
  const publisher = new FakePublisher();
  const make = () =>
    new QuizService({ store, playbooks, classifier, publisher, logger: createLogger('error', { write: () => {} }), clock, random: mulberry32(1) });
  return { db, store, publisher, service: make(), make, setNow: (iso: string) => (now = new Date(iso)) };
}

describe.each(ENGINES)('on %s', (engine) => {
  const weekdays: QuizSchedule = { channelId: 'C1', teamId: 'T1', postTime: '09:30', timeZone: 'Europe/London', days: '1-5', closeTime: null, enabled: true };

  describe('the scheduler under a moving clock', () => {
    it('posts once at the slot, across the DST change, and never on the weekend', async () => {
      const { service, publisher, setNow } = await setup(engine, '2026-03-27T09:00:00Z');
      const moments = [
        '2026-03-27T09:00:00Z', // Friday, before 09:30 GMT
        '2026-03-27T09:30:10Z', // Friday, due
        '2026-03-27T09:31:00Z', // Friday, already posted
        '2026-03-28T09:30:10Z', // Saturday
        '2026-03-29T09:30:10Z', // Sunday: the clocks went forward at 01:00 UTC
        '2026-03-30T08:29:00Z', // Monday, 09:29 BST
        '2026-03-30T08:30:05Z', // Monday, 09:30 BST: due
      ];
      const postedAt: string[] = [];
      for (const moment of moments) {
        setNow(moment);
        const before = publisher.posted.length;
        await service.runSchedules([weekdays]);
        if (publisher.posted.length > before) postedAt.push(moment);
      }
      expect(postedAt).toEqual(['2026-03-27T09:30:10Z', '2026-03-30T08:30:05Z']);
    });

    it('after downtime posts today\'s missed quiz once, and never yesterday\'s', async () => {
      const { service, publisher, setNow, store } = await setup(engine, '2026-11-23T15:00:00Z');
      await service.runSchedules([weekdays]);
      await service.runSchedules([weekdays]);
      expect(publisher.posted).toHaveLength(1);
      expect((await store.quizForDay('C1', '2026-11-23'))?.status).toBe('posted');
      setNow('2026-11-24T08:00:00Z'); // the next morning, before the slot: yesterday's is not re-run
      await service.runSchedules([weekdays]);
      expect(publisher.posted).toHaveLength(1);
    });

    it('two instances on one database post the day\'s quiz once', async () => {
      const { make, publisher } = await setup(engine, '2026-11-23T09:30:30Z');
      await Promise.all([make().runSchedules([weekdays]), make().runSchedules([weekdays]), make().runSchedules([weekdays])]);
      expect(publisher.posted).toHaveLength(1);
    });

    it('a failed post is not recorded as posted and is retried a minute later', async () => {
      const { service, publisher, store, setNow } = await setup(engine, '2026-11-23T09:30:30Z');
      publisher.failNext = 1;
      await service.runSchedules([weekdays]);
      expect(publisher.posted).toHaveLength(0);
      expect(await store.quizForDay('C1', '2026-11-23')).toBeUndefined();
      setNow('2026-11-23T09:31:00Z');
      await service.runSchedules([weekdays]);
      expect(publisher.posted).toHaveLength(0);
      setNow('2026-11-23T09:31:30Z');
      await service.runSchedules([weekdays]);
      expect(publisher.posted).toHaveLength(1);
    });

    it('new settings for the channel (the bot invited back) end the wait at once', async () => {
      const { service, publisher, setNow } = await setup(engine, '2026-11-23T09:30:30Z');
      publisher.failNext = 2;
      await service.runSchedules([weekdays]);
      setNow('2026-11-23T09:31:30Z');
      await service.runSchedules([weekdays]);
      setNow('2026-11-23T09:32:00Z');
      await service.runSchedules([weekdays]);
      expect(publisher.posted).toHaveLength(0);
      service.scheduleChanged('C1');
      await service.runSchedules([weekdays]);
      expect(publisher.posted).toHaveLength(1);
    });

    it('a channel it keeps failing to post in is tried after 1, 2, 4… minutes, not on every tick', async () => {
      const { service, publisher, setNow } = await setup(engine, '2026-11-23T09:30:30Z');
      publisher.failNext = 1000;
      const attempts: string[] = [];
      for (let tick = 0; tick < 40; tick += 1) {
        const moment = new Date(Date.parse('2026-11-23T09:30:30Z') + tick * 30_000);
        setNow(moment.toISOString());
        const before = publisher.failNext;
        await service.runSchedules([weekdays]);
        if (publisher.failNext !== before) attempts.push(moment.toISOString().slice(11, 19));
      }
      expect(attempts).toEqual(['09:30:30', '09:31:30', '09:33:30', '09:37:30', '09:45:30']);
    });

    it('reveals the previous quiz when the next one is posted, with the share right', async () => {
      const { service, publisher, store, setNow } = await setup(engine, '2026-11-23T09:30:30Z');
      await service.runSchedules([weekdays]);
      const first = (await store.quizForDay('C1', '2026-11-23'))!;
      await service.answer({ quizId: first.id, userId: 'U1', choice: first.question.answer });
      await service.answer({ quizId: first.id, userId: 'U2', choice: (first.question.answer + 1) % 4 });
      setNow('2026-11-24T09:30:30Z');
      await service.runSchedules([weekdays]);
      expect(publisher.revealed).toEqual([{ quizId: first.id, tally: { answers: 2, correct: 1 } }]);
      expect((await store.quiz(first.id))?.status).toBe('revealed');
      expect((await service.answer({ quizId: first.id, userId: 'U3', choice: 0 })).status).toBe('closed');
    });
  });

  describe('closing quizzes', () => {
    const closing: QuizSchedule = { ...weekdays, closeTime: '17:00' };

    it('a reveal that keeps failing does not stop the next day\'s quiz, and is tried again', async () => {
      const { service, store, publisher, setNow } = await setup(engine, '2026-11-23T09:30:30Z');
      await service.runSchedules([closing]);
      publisher.failReveals = Number.POSITIVE_INFINITY;
      setNow('2026-11-23T17:00:30Z');
      await service.runSchedules([closing]);
      setNow('2026-11-24T09:30:30Z');
      await service.runSchedules([closing]);
      expect(publisher.posted).toHaveLength(2);
      expect(publisher.revealed).toEqual([]);
      publisher.failReveals = 0;
      setNow('2026-11-24T09:31:00Z');
      await service.runSchedules([closing]);
      expect(publisher.revealed.map((entry) => entry.quizId)).toEqual([(await store.quizForDay('C1', '2026-11-23'))!.id]);
    });

    it('a quiz posted after the close time stays open until the next close time', async () => {
      const { service, store, publisher, setNow } = await setup(engine, '2026-11-23T18:00:00Z');
      expect((await service.postQuiz({ teamId: 'T1', channelId: 'C1', timeZone: 'Europe/London' })).status).toBe('posted');
      setNow('2026-11-23T18:00:30Z');
      await service.runSchedules([{ ...closing, days: '0' }]);
      expect(publisher.revealed).toEqual([]);
      setNow('2026-11-24T17:00:30Z');
      await service.runSchedules([{ ...closing, days: '0' }]);
      expect(publisher.revealed.map((entry) => entry.quizId)).toEqual([(await store.quizForDay('C1', '2026-11-23'))!.id]);
    });

    it('a click while the reveal is on its way to Slack is told the quiz is closed, not counted after the tally', async () => {
      const { service, store, publisher } = await setup(engine, '2026-11-23T09:30:30Z');
      await service.runSchedules([weekdays]);
      const quiz = (await store.quizForDay('C1', '2026-11-23'))!;
      let release!: () => void;
      publisher.revealGate = new Promise((resolve) => (release = resolve));
      const revealing = service.reveal((await store.quiz(quiz.id))!);
      expect((await service.answer({ quizId: quiz.id, userId: 'ULATE', choice: 0 })).status).toBe('closed');
      release();
      await revealing;
      expect((await store.tally(quiz.id)).answers).toBe(0);
    });

    it('quiz off closes the open quiz even when Slack cannot show the answer, so clicks stop counting', async () => {
      const { service, store, publisher } = await setup(engine, '2026-11-23T09:30:30Z');
      await service.runSchedules([weekdays]);
      await store.saveSchedule(weekdays, 'U0LEAD');
      const quiz = (await store.quizForDay('C1', '2026-11-23'))!;
      publisher.failReveals = 1;
      expect(await service.turnOff('C1', 'U0LEAD')).toBe(true);
      expect((await store.quiz(quiz.id))!.closedAt).not.toBeNull();
      expect((await service.answer({ quizId: quiz.id, userId: 'U1', choice: 0 })).status).toBe('closed');
      // The scheduler shows the answer on its next pass, though the channel has no schedule any more.
      await service.runSchedules([]);
      expect((await store.quiz(quiz.id))!.status).toBe('revealed');
      expect(publisher.revealed.map((entry) => entry.quizId)).toEqual([quiz.id]);
    });

    it('a quiz whose reveal failed stays closed: a click is not recorded, and the answer is shown later', async () => {
      const { service, store, publisher } = await setup(engine, '2026-11-23T09:30:30Z');
      await service.runSchedules([weekdays]);
      const quiz = (await store.quizForDay('C1', '2026-11-23'))!;
      publisher.failReveals = 1;
      await expect(service.reveal((await store.quiz(quiz.id))!)).rejects.toThrow('message_not_found');
      expect((await service.answer({ quizId: quiz.id, userId: 'UX', choice: quiz.question.answer })).status).toBe('closed');
      expect((await store.tally(quiz.id)).answers).toBe(0);
      await service.runSchedules([weekdays]);
      expect(publisher.revealed.map((entry) => entry.quizId)).toEqual([quiz.id]);
    });

    it('a slow count update that lands after the reveal is followed by the reveal again', async () => {
      const { service, store, publisher } = await setup(engine, '2026-11-23T09:30:30Z');
      await service.runSchedules([weekdays]);
      const quiz = (await store.quizForDay('C1', '2026-11-23'))!;
      let release!: () => void;
      publisher.countGate = new Promise((resolve) => (release = resolve));
      await service.answer({ quizId: quiz.id, userId: 'U1', choice: 0 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      await service.reveal((await store.quiz(quiz.id))!);
      release();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(publisher.counts).toEqual([1]);
      expect(publisher.revealed.map((entry) => entry.quizId)).toEqual([quiz.id, quiz.id]);
    });
  });

  describe('answers', () => {
    it('count the first click only, and tell a later click what was answered', async () => {
      const { service, store } = await setup(engine, '2026-11-23T10:00:00Z');
      const outcome = await service.postQuiz({ teamId: 'T1', channelId: 'C1' });
      expect(outcome.status).toBe('posted');
      const quiz = (await store.quizForDay('C1', '2026-11-23'))!;
      const wrong = (quiz.question.answer + 1) % quiz.question.options.length;
      expect(await service.answer({ quizId: quiz.id, userId: 'U1', choice: wrong })).toMatchObject({ status: 'recorded', correct: false });
      expect(await service.answer({ quizId: quiz.id, userId: 'U1', choice: quiz.question.answer })).toMatchObject({ status: 'already', choice: wrong });
      expect(await store.tally(quiz.id)).toEqual({ answers: 1, correct: 0 });
      expect((await service.answer({ quizId: quiz.id, userId: 'U1', choice: 7 })).status).toBe('unknown');
      expect((await service.answer({ quizId: 999, userId: 'U1', choice: 0 })).status).toBe('unknown');
    });

    it('store one answer when one agent clicks many times at once', async () => {
      const { service, store, db } = await setup(engine, '2026-11-23T10:00:00Z');
      await service.postQuiz({ teamId: 'T1', channelId: 'C1' });
      const quiz = (await store.quizForDay('C1', '2026-11-23'))!;
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => Promise.resolve().then(() => service.answer({ quizId: quiz.id, userId: 'U1', choice: i % 4 }))));
      expect(results.filter((result) => result.status === 'recorded')).toHaveLength(1);
      expect(await db.get('SELECT COUNT(*) AS n FROM quiz_answers')).toEqual({ n: 1 });
    });
  });

  describe('stats and leaderboards', () => {
    it('count right answers and streaks over quiz days, and rank by right answers then speed', async () => {
      const { service, store, setNow } = await setup(engine, '2026-11-23T09:30:30Z');
      const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-27']; // no quiz on the 26th
      for (const [index, day] of days.entries()) {
        setNow(`${day}T09:30:30Z`);
        await service.runSchedules([weekdays]);
        const quiz = (await store.quizForDay('C1', day))!;
        setNow(`${day}T09:31:00Z`);
        const wrongOnThird = index === 1 ? (quiz.question.answer + 1) % 4 : quiz.question.answer;
        await service.answer({ quizId: quiz.id, userId: 'U1', choice: wrongOnThird });
        setNow(`${day}T09:40:00Z`);
        await service.answer({ quizId: quiz.id, userId: 'U2', choice: quiz.question.answer });
      }
      const u1 = await service.stats('U1');
      expect(u1).toMatchObject({ answered: 4, correct: 3, currentStreak: 2, bestStreak: 2 });
      expect(await service.stats('U2')).toMatchObject({ answered: 4, correct: 4, currentStreak: 4, bestStreak: 4 });
      const boards = await service.leaderboards('T1');
      expect(boards.allTime.map((row) => row.userId)).toEqual(['U2', 'U1']);
      expect(boards.weekStarts).toBe('2026-11-23');
    });

    it('break ties by speed', async () => {
      const { service, store, setNow } = await setup(engine, '2026-11-23T09:30:30Z');
      await service.runSchedules([weekdays]);
      const quiz = (await store.quizForDay('C1', '2026-11-23'))!;
      setNow('2026-11-23T09:35:00Z');
      await service.answer({ quizId: quiz.id, userId: 'USLOW', choice: quiz.question.answer });
      setNow('2026-11-23T09:31:00Z');
      await service.answer({ quizId: quiz.id, userId: 'UFAST', choice: quiz.question.answer });
      expect((await service.leaderboards('T1')).allTime.map((row) => row.userId)).toEqual(['UFAST', 'USLOW']);
    });
  });

  describe('the weekly leaderboard', () => {
    it('goes to the channel once, after the day of the week\'s last quiz', async () => {
      const { service, store, publisher, setNow } = await setup(engine, '2026-11-23T09:30:30Z');
      for (const day of ['23', '24', '25', '26', '27']) {
        setNow(`2026-11-${day}T09:30:30Z`);
        await service.runSchedules([weekdays]);
        const quiz = (await store.quizForDay('C1', `2026-11-${day}`))!;
        await service.answer({ quizId: quiz.id, userId: 'U1', choice: quiz.question.answer });
        setNow(`2026-11-${day}T18:00:00Z`);
        await service.runSchedules([weekdays]);
      }
      expect(publisher.leaderboards).toEqual([]);
      setNow('2026-11-28T00:30:00Z');
      await service.runSchedules([weekdays]);
      await service.runSchedules([weekdays]);
      expect(publisher.leaderboards).toEqual([{ channelId: 'C1', weekStarts: '2026-11-23', week: ['U1'] }]);
    });
  });

  describe('practice', () => {
    it('sends a question on the weakest type by direct message, graded but never on a leaderboard', async () => {
      const { service, store, publisher, db } = await setup(engine, '2026-11-23T09:30:30Z');
      await service.runSchedules([weekdays]);
      const daily = (await store.quizForDay('C1', '2026-11-23'))!;
      await service.answer({ quizId: daily.id, userId: 'U1', choice: (daily.question.answer + 1) % 4 });
      const weakest = (await service.stats('U1')).weakest[0]!.typeId;
      const outcome = await service.practice('U1', 'T1');
      expect(outcome.status).toBe('posted');
      expect(publisher.posted.at(-1)!.channelId).toBe('D-U1');
      const practice = (await db.get<{ id: number; type_id: string }>('SELECT * FROM quizzes WHERE practice_user_id = ?', ['U1']))!;
      expect(practice.type_id).toBe(weakest);
      const question = (await store.quiz(practice.id))!.question;
      expect(await service.answer({ quizId: practice.id, userId: 'U1', choice: question.answer })).toMatchObject({ status: 'recorded', correct: true });
      expect((await service.leaderboards('T1')).allTime).toEqual([expect.objectContaining({ userId: 'U1', correct: 0, answered: 1 })]);
      expect(await service.stats('U1')).toMatchObject({ answered: 1, correct: 0 });
    });
  });

  describe('QuizScheduler', () => {
    it('logs a database error while reading the schedules instead of throwing from its timer', async () => {
      const { service } = await setup(engine, '2026-11-23T09:30:30Z');
      const lines: string[] = [];
      const failingStore = { enabledSchedules: () => { throw new Error('disk I/O error'); } } as unknown as QuizStore;
      const scheduler = new QuizScheduler(service, failingStore, createLogger('error', { write: (line) => lines.push(line) }));
      await expect(scheduler.tick()).resolves.toBeUndefined();
      expect(lines.join('')).toContain('Quiz scheduler failed: disk I/O error');
    });
  });
});
