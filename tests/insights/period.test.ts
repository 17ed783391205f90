import { describe, expect, it } from 'vitest';
import { periodRanges } from '../../src/insights/period.js';

// Wednesday 9 December 2026, 01:30 in Shanghai (still Tuesday in UTC).
const now = new Date('2026-12-08T17:30:00Z');

describe('periodRanges', () => {
  it('takes this week from Monday to today in the time zone, against the same days of last week', () => {
    const { current, previous } = periodRanges('this-week', now, 'Asia/Shanghai');
    expect([current.from, current.until, previous.from, previous.until]).toEqual(['2026-12-07', '2026-12-10', '2026-11-30', '2026-12-03']);
    expect(current.fromInstant.toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(current.untilInstant.toISOString()).toBe('2026-12-09T16:00:00.000Z');
  });

  it('reads the same moment as Tuesday in UTC', () => {
    expect(periodRanges('this-week', now, 'UTC').current).toMatchObject({ from: '2026-12-07', until: '2026-12-09' });
  });

  it('takes last week Monday to Sunday, against the week before', () => {
    const { current, previous } = periodRanges('last-week', now, 'Asia/Shanghai');
    expect([current.from, current.until, previous.from, previous.until]).toEqual(['2026-11-30', '2026-12-07', '2026-11-23', '2026-11-30']);
  });

  it('takes the last 4 weeks as this week and the three before, against the same days four weeks earlier', () => {
    const { current, previous } = periodRanges('last-4-weeks', now, 'Asia/Shanghai');
    expect([current.from, current.until, previous.from, previous.until]).toEqual(['2026-11-16', '2026-12-10', '2026-10-19', '2026-11-12']);
  });

  it('on a Monday, this week is one day', () => {
    const { current, previous } = periodRanges('this-week', new Date('2026-12-07T10:00:00Z'), 'Europe/London');
    expect([current.from, current.until, previous.from, previous.until]).toEqual(['2026-12-07', '2026-12-08', '2026-11-30', '2026-12-01']);
  });
});
