import { describe, expect, it } from 'vitest';
import { closeTimePassed, dueSlot, isLastOfWeek, isTimeZone, localDate } from '../../src/quiz/schedule.js';
import type { QuizSchedule } from '../../src/store/quiz-store.js';

const london: QuizSchedule = { channelId: 'C1', teamId: 'T1', postTime: '09:30', timeZone: 'Europe/London', days: '1-5', closeTime: null, enabled: true };
const at = (iso: string) => new Date(iso);

describe('dueSlot', () => {
  it('is not due before the time, is due from it until the local day ends', () => {
    expect(dueSlot(london, at('2026-11-23T09:29:59Z'))).toBeUndefined();
    expect(dueSlot(london, at('2026-11-23T09:30:00Z'))).toEqual({ localDate: '2026-11-23', at: at('2026-11-23T09:30:00Z') });
    expect(dueSlot(london, at('2026-11-23T23:59:00Z'))?.localDate).toBe('2026-11-23');
    expect(dueSlot(london, at('2026-11-24T00:01:00Z'))).toBeUndefined();
  });

  it('follows the clocks across the spring DST change: 09:30 local is 09:30 UTC on Friday and 08:30 UTC on Monday', () => {
    expect(dueSlot(london, at('2026-03-27T09:29:00Z'))).toBeUndefined();
    expect(dueSlot(london, at('2026-03-27T09:30:00Z'))?.localDate).toBe('2026-03-27');
    expect(dueSlot(london, at('2026-03-30T08:29:00Z'))).toBeUndefined();
    expect(dueSlot(london, at('2026-03-30T08:30:00Z'))).toEqual({ localDate: '2026-03-30', at: at('2026-03-30T08:30:00Z') });
  });

  it('follows the clocks across the autumn DST change in another zone', () => {
    const newYork = { ...london, timeZone: 'America/New_York', postTime: '08:00', days: '*' };
    expect(dueSlot(newYork, at('2026-10-31T12:00:00Z'))?.at).toEqual(at('2026-10-31T12:00:00Z'));
    expect(dueSlot(newYork, at('2026-11-01T12:59:00Z'))).toBeUndefined();
    expect(dueSlot(newYork, at('2026-11-01T13:00:00Z'))?.at).toEqual(at('2026-11-01T13:00:00Z'));
  });

  it('skips days not in the schedule', () => {
    expect(dueSlot(london, at('2026-11-22T12:00:00Z'))).toBeUndefined();
  });

  it('uses the local date, not UTC, near midnight', () => {
    const tokyo = { ...london, timeZone: 'Asia/Tokyo', postTime: '08:00', days: '*' };
    expect(dueSlot(tokyo, at('2026-11-22T23:30:00Z'))?.localDate).toBe('2026-11-23');
    expect(localDate('Asia/Tokyo', at('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
  });
});

describe('closeTimePassed', () => {
  it('closes a quiz at the close time of its day or later', () => {
    const closing = { ...london, closeTime: '17:00' };
    const morning = { localDate: '2026-11-23', postedAt: at('2026-11-23T09:30:00Z') };
    expect(closeTimePassed(closing, morning, at('2026-11-23T16:59:00Z'))).toBe(false);
    expect(closeTimePassed(closing, morning, at('2026-11-23T17:00:00Z'))).toBe(true);
    expect(closeTimePassed(london, morning, at('2026-11-25T17:00:00Z'))).toBe(false);
  });

  it('keeps a quiz posted after the day\'s close time open until the next one', () => {
    const closing = { ...london, closeTime: '17:00' };
    const evening = { localDate: '2026-11-23', postedAt: at('2026-11-23T18:00:00Z') };
    expect(closeTimePassed(closing, evening, at('2026-11-23T18:00:30Z'))).toBe(false);
    expect(closeTimePassed(closing, evening, at('2026-11-24T16:59:00Z'))).toBe(false);
    expect(closeTimePassed(closing, evening, at('2026-11-24T17:00:00Z'))).toBe(true);
  });
});

describe('isLastOfWeek', () => {
  it('counts from the quiz\'s day, so a Friday quiz posted before Friday\'s slot is still the week\'s last', () => {
    expect(isLastOfWeek(london, '2026-11-27', at('2026-11-27T08:00:00Z'))).toBe(true);
    expect(isLastOfWeek(london, '2026-11-27', at('2026-11-27T09:30:00Z'))).toBe(true);
    expect(isLastOfWeek(london, '2026-11-26', at('2026-11-26T08:00:00Z'))).toBe(false);
    expect(isLastOfWeek({ ...london, days: '*' }, '2026-11-28', at('2026-11-28T09:30:00Z'))).toBe(false);
    expect(isLastOfWeek({ ...london, days: '*' }, '2026-11-29', at('2026-11-29T09:30:00Z'))).toBe(true);
  });
});

describe('isTimeZone', () => {
  it('accepts IANA zones and refuses anything else', () => {
    for (const zone of ['Europe/London', 'America/New_York', 'UTC', 'Asia/Kolkata']) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ['', 'London', 'GMT+1', 'Mars/Olympus', 'EST5EDT!']) expect(isTimeZone(zone)).toBe(false);
  });
});
