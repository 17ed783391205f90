import { localDate, weekStart } from '../quiz/schedule.js';
import { dayjs } from './zoned-dayjs.js';

export const INSIGHTS_PERIODS = ['this-week', 'last-week', 'last-4-weeks'] as const;
export type InsightsPeriod = (typeof INSIGHTS_PERIODS)[number];

/** Local days `from` up to, not including, `until` (YYYY-MM-DD), and the instants they start and end at. */
export interface DateRange {
  from: string;
  until: string;
  fromInstant: Date;
  untilInstant: Date;
}

export interface PeriodRanges {
  current: DateRange;
  /** The same number of days just before: what each figure is compared with. */
  previous: DateRange;
}

const day = (date: string, days: number) => dayjs(date).add(days, 'day').format('YYYY-MM-DD');

function range(from: string, until: string, timeZone: string): DateRange {
  return { from, until, fromInstant: dayjs.tz(from, timeZone).toDate(), untilInstant: dayjs.tz(until, timeZone).toDate() };
}

/**
 * Weeks run Monday to Sunday in `timeZone` (the quiz's). "This week" is Monday up to today, and is
 * compared with the same days of last week, so a Wednesday never compares three days with seven.
 * "Last 4 weeks" is this week and the three before it, compared with the same days four weeks earlier.
 */
export function periodRanges(period: InsightsPeriod, now: Date, timeZone: string): PeriodRanges {
  const today = localDate(timeZone, now);
  const monday = weekStart(today);
  const tomorrow = day(today, 1);
  const [from, until] =
    period === 'this-week' ? [monday, tomorrow] : period === 'last-week' ? [day(monday, -7), monday] : [day(monday, -21), tomorrow];
  const shift = period === 'last-4-weeks' ? -28 : -7;
  return { current: range(from, until, timeZone), previous: range(day(from, shift), day(until, shift), timeZone) };
}

/** The week starting Monday `weekStart` (YYYY-MM-DD) in `timeZone`, compared with the week before. */
export function weekRanges(weekStart: string, timeZone: string): PeriodRanges {
  return { current: range(weekStart, day(weekStart, 7), timeZone), previous: range(day(weekStart, -7), weekStart, timeZone) };
}
