import { Cron } from 'croner';
import dayjs from 'dayjs';
import { localDate, weekStart } from '../quiz/schedule.js';
import type { QuizSchedule } from '../store/quiz-store.js';

/** With no quiz schedule, the digest is due on Friday at 17:00 in the workspace's default time zone. */
export const DEFAULT_DIGEST_DAY = 5;
export const DEFAULT_DIGEST_TIME = '17:00';

export interface DigestWeek {
  /** YYYY-MM-DD, the Monday the week starts on. */
  weekStart: string;
  /** The moment the week's digest falls due. */
  dueAt: Date;
}

/**
 * When a week's digest falls due, for a workspace whose enabled quiz schedules are `schedules`:
 * the end of the week's last quiz day. For each schedule, that is the last day of the week (Monday
 * to Sunday, in the schedule's time zone) its days include, and the day ends at the schedule's close
 * time when it has one later than the quiz time, else at midnight. Of several schedules, the latest.
 * With none, Friday 17:00 in `defaultTimeZone`. Undefined for a schedule whose days never come.
 */
export function digestDueAt(week: string, schedules: readonly QuizSchedule[], defaultTimeZone: string): Date | undefined {
  if (schedules.length === 0) return at(addDays(week, DEFAULT_DIGEST_DAY - 1), DEFAULT_DIGEST_TIME, defaultTimeZone);
  let latest: Date | undefined;
  for (const schedule of schedules) {
    const days = cronWeekdays(schedule.days);
    // Monday is offset 0, Sunday offset 6; day-of-week numbers are 0 (and 7) for Sunday.
    const lastOffset = [6, 5, 4, 3, 2, 1, 0].find((offset) => days.has((offset + 1) % 7));
    if (lastOffset === undefined) continue;
    const date = addDays(week, lastOffset);
    const closesLater = schedule.closeTime !== null && schedule.closeTime > schedule.postTime;
    const end = closesLater ? at(date, schedule.closeTime!, schedule.timeZone) : at(addDays(date, 1), '00:00', schedule.timeZone);
    if (latest === undefined || end > latest) latest = end;
  }
  return latest;
}

/**
 * The week whose digest is due at `now`: this week's once its moment has passed, else last week's.
 * Only the latest due week counts, so a bot down for weeks sends one digest when it comes back.
 * The week is the calendar week in the workspace's time zone: its first schedule's, else the default.
 */
export function dueDigestWeek(schedules: readonly QuizSchedule[], defaultTimeZone: string, now: Date): DigestWeek | undefined {
  const timeZone = schedules[0]?.timeZone ?? defaultTimeZone;
  const thisWeek = weekStart(localDate(timeZone, now));
  for (const week of [thisWeek, addDays(thisWeek, -7)]) {
    const dueAt = digestDueAt(week, schedules, defaultTimeZone);
    if (dueAt && dueAt <= now) return { weekStart: week, dueAt };
  }
  return undefined;
}

/** The weekdays (0 Sunday … 6 Saturday) a cron day-of-week field names: `*`, `1-5`, `1,3,5`, 7 for Sunday. */
export function cronWeekdays(field: string): Set<number> {
  const days = new Set<number>();
  if (field.trim() === '*') return new Set([0, 1, 2, 3, 4, 5, 6]);
  for (const part of field.split(',')) {
    if (!/^\d(-\d)?$/u.test(part.trim())) continue;
    const [from, to = from] = part.split('-').map(Number);
    if (!Number.isInteger(from) || !Number.isInteger(to)) continue;
    for (let day = from!; day <= to!; day += 1) days.add(day % 7);
  }
  return days;
}

const addDays = (date: string, days: number) => dayjs(date).add(days, 'day').format('YYYY-MM-DD');

/** HH:mm on a local date in an IANA time zone, as a moment; croner does the offsets and DST gaps. */
function at(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const cron = new Cron(`${minutes} ${hours} ${day} ${month} *`, { timezone: timeZone, paused: true });
  // Start two days early: no time zone is more than 14 hours from UTC.
  return cron.nextRun(new Date(Date.UTC(year, month - 1, day) - 2 * 86_400_000))!;
}
