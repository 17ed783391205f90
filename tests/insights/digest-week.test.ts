import { describe, expect, it } from 'vitest';
import { cronWeekdays, digestDueAt, dueDigestWeek } from '../../src/insights/digest-week.js';
import type { QuizSchedule } from '../../src/store/quiz-store.js';

const schedule = (overrides: Partial<QuizSchedule> = {}): QuizSchedule => ({
  channelId: 'C0QUIZ',
  teamId: 'T0TEAM',
  postTime: '09:30',
  timeZone: 'Europe/London',
  days: '1-5',
  closeTime: null,
  enabled: true,
  ...overrides,
});

// 2026-11-23 is a Monday.
describe('digestDueAt', () => {
  it('is midnight after the last weekday quiz, in the schedule time zone', () => {
    expect(digestDueAt('2026-11-23', [schedule()], 'UTC')?.toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(digestDueAt('2026-11-23', [schedule({ timeZone: 'Asia/Shanghai' })], 'UTC')?.toISOString()).toBe('2026-11-27T16:00:00.000Z');
  });

  it('is the close time of the last quiz day when the schedule closes later the same day', () => {
    expect(digestDueAt('2026-11-23', [schedule({ closeTime: '17:00' })], 'UTC')?.toISOString()).toBe('2026-11-27T17:00:00.000Z');
    // A close time before the quiz time closes the next day's quiz: the day still ends at midnight.
    expect(digestDueAt('2026-11-23', [schedule({ closeTime: '08:00' })], 'UTC')?.toISOString()).toBe('2026-11-28T00:00:00.000Z');
  });

  it('follows the days: Mon/Wed/Fri, Tue/Thu, every day (Sunday as 0 or 7)', () => {
    expect(digestDueAt('2026-11-23', [schedule({ days: '1,3,5', timeZone: 'UTC' })], 'UTC')?.toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(digestDueAt('2026-11-23', [schedule({ days: '2,4', timeZone: 'UTC' })], 'UTC')?.toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(digestDueAt('2026-11-23', [schedule({ days: '*', timeZone: 'UTC' })], 'UTC')?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(digestDueAt('2026-11-23', [schedule({ days: '1,7', timeZone: 'UTC' })], 'UTC')?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('takes the latest of several schedules', () => {
    const due = digestDueAt('2026-11-23', [schedule({ days: '2,4', timeZone: 'UTC' }), schedule({ channelId: 'C0LATE', days: '1-5', timeZone: 'America/New_York' })], 'UTC');
    expect(due?.toISOString()).toBe('2026-11-28T05:00:00.000Z');
  });

  it('is Friday 17:00 in the default time zone without a schedule', () => {
    expect(digestDueAt('2026-11-23', [], 'Asia/Shanghai')?.toISOString()).toBe('2026-11-27T09:00:00.000Z');
  });

  it('crosses a daylight-saving change in local time', () => {
    // London leaves summer time on Sunday 2026-10-25: the Friday before is still BST (UTC+1).
    expect(digestDueAt('2026-10-19', [schedule({ closeTime: '17:00' })], 'UTC')?.toISOString()).toBe('2026-10-23T16:00:00.000Z');
    expect(digestDueAt('2026-10-19', [schedule({ days: '*' })], 'UTC')?.toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
});

describe('dueDigestWeek', () => {
  it('is last week until this week is over, then this week', () => {
    const quiz = [schedule({ timeZone: 'UTC' })];
    expect(dueDigestWeek(quiz, 'UTC', new Date('2026-11-27T23:59:59Z'))?.weekStart).toBe('2026-11-16');
    expect(dueDigestWeek(quiz, 'UTC', new Date('2026-11-28T00:00:00Z'))?.weekStart).toBe('2026-11-23');
    expect(dueDigestWeek(quiz, 'UTC', new Date('2026-11-30T08:00:00Z'))?.weekStart).toBe('2026-11-23');
  });

  it('for every-day quizzes, last week is due from Monday 00:00', () => {
    expect(dueDigestWeek([schedule({ days: '*', timeZone: 'UTC' })], 'UTC', new Date('2026-11-30T00:00:00Z'))).toEqual({
      weekStart: '2026-11-23',
      dueAt: new Date('2026-11-30T00:00:00Z'),
    });
  });
});

describe('cronWeekdays', () => {
  it('reads the quiz days field', () => {
    expect([...cronWeekdays('1-5')].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...cronWeekdays('*')].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([...cronWeekdays('0,6-7')].sort()).toEqual([0, 6]);
    expect([...cronWeekdays('')]).toEqual([]);
  });
});
