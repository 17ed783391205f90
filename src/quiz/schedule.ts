import { Cron } from 'croner';
import dayjs from 'dayjs';
import type { QuizSchedule } from '../store/quiz-store.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) at `moment` in an IANA time zone. */
export function localDate(timeZone: string, moment: Date): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(moment);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** Cron day-of-week: `*`, a day 0-7, ranges and lists of them (`1-5`, `1,3,5`). */
export const DAYS = /^(\*|[0-7](-[0-7])?(,[0-7](-[0-7])?)*)$/;

/** Whether `days` is a day-of-week field croner accepts: the shape above, and no backwards range like 5-1. */
export function isCronDays(days: string): boolean {
  if (!DAYS.test(days)) return false;
  try {
    new Cron(cronAt('09:30', days), { paused: true });
    return true;
  } catch {
    return false;
  }
}

function cronAt(time: string, days: string): string {
  const [, hours, minutes] = TIME_OF_DAY.exec(time)!;
  return `${Number(minutes)} ${Number(hours)} * * ${days}`;
}

/** The most recent moment `time` on one of `days` happened, at or before `now`, in the time zone. */
function lastOccurrence(time: string, days: string, timeZone: string, now: Date): Date | undefined {
  const cron = new Cron(cronAt(time, days), { timezone: timeZone, paused: true });
  // previousRuns is strictly before its reference: step a second past now so a slot at exactly now counts.
  return cron.previousRuns(1, new Date(now.getTime() + 1000))[0];
}

/**
 * The quiz slot that is due now: the latest scheduled time at or before `now` if it fell on the
 * same local day. After downtime this is still today's slot, so the quiz goes out late, once;
 * yesterday's missed slot is never posted today. Croner does the time-zone and DST arithmetic.
 */
export function dueSlot(schedule: QuizSchedule, now: Date): { localDate: string; at: Date } | undefined {
  const at = lastOccurrence(schedule.postTime, schedule.days, schedule.timeZone, now);
  if (!at) return undefined;
  const date = localDate(schedule.timeZone, at);
  return date === localDate(schedule.timeZone, now) ? { localDate: date, at } : undefined;
}

/**
 * Whether a quiz should be closed by now because of the schedule's close time: the latest close
 * time has passed, on or after the quiz's day and after it was posted. A quiz posted after the day's
 * close time (`quiz now` in the evening, a late post after downtime) stays open until the next one.
 */
export function closeTimePassed(schedule: QuizSchedule, quiz: { localDate: string; postedAt: Date | undefined }, now: Date): boolean {
  if (!schedule.closeTime) return false;
  const close = lastOccurrence(schedule.closeTime, '*', schedule.timeZone, now);
  if (close === undefined || localDate(schedule.timeZone, close) < quiz.localDate) return false;
  return quiz.postedAt === undefined || close > quiz.postedAt;
}

/** The Monday (YYYY-MM-DD) of the week a local date falls in: weeks start on Monday, whatever the locale. */
export function weekStart(date: string): string {
  const day = dayjs(date);
  return day.subtract((day.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}

/**
 * Whether the schedule has no further slot in the week of `quizDate` after that day: that quiz was
 * the week's last. Counted from the day, not the moment it was posted, so a Friday quiz posted early
 * with `quiz now`, before Friday's slot, is still the week's last.
 */
export function isLastOfWeek(schedule: QuizSchedule, quizDate: string, postedAt: Date): boolean {
  const cron = new Cron(cronAt(schedule.postTime, schedule.days), { timezone: schedule.timeZone, paused: true });
  let next = cron.nextRun(postedAt);
  // One slot a day at most, so this skips at most the quiz's own day.
  while (next && localDate(schedule.timeZone, next) <= quizDate) next = cron.nextRun(next);
  if (!next) return true;
  return weekStart(localDate(schedule.timeZone, next)) !== weekStart(quizDate);
}
