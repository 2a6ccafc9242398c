import { describe, expect, it } from 'vitest';
import { businessDayOf, openedOnEarlierDay } from './business-day';

const paris = (iso: string) => Date.parse(iso);
/** Paris in 2026: +120 min from the last Sunday of March to the last Sunday of October (01:00 UTC), else +60. */
const parisOffset = (ms: number) =>
  ms >= Date.parse('2026-03-29T01:00:00Z') && ms < Date.parse('2026-10-25T01:00:00Z') ? 120 : 60;

describe('the business day', () => {
  it('runs from 04:00 to 04:00 local time', () => {
    // 2026-11-03 03:59 and 04:00 in Paris (UTC+1).
    expect(businessDayOf(paris('2026-11-03T02:59:00Z'), 60)).toBe('2026-11-02');
    expect(businessDayOf(paris('2026-11-03T03:00:00Z'), 60)).toBe('2026-11-03');
    // 23:30 local is still that day, whatever the UTC date says.
    expect(businessDayOf(paris('2026-06-10T21:30:00Z'), 120)).toBe('2026-06-10');
  });

  it('a shift from this morning, or from before midnight restarted at 01:30, is of the same day', () => {
    const opened = paris('2026-11-03T08:00:00Z');
    expect(openedOnEarlierDay(opened, paris('2026-11-03T17:30:00Z'), parisOffset)).toBe(false);
    const lateOpened = paris('2026-11-03T21:00:00Z'); // 22:00 local
    expect(openedOnEarlierDay(lateOpened, paris('2026-11-04T00:30:00Z'), parisOffset)).toBe(false);
  });

  it('a shift from yesterday, or from before the 04:00 start of today, is of an earlier day', () => {
    const opened = paris('2026-11-03T08:00:00Z');
    expect(openedOnEarlierDay(opened, paris('2026-11-04T07:00:00Z'), parisOffset)).toBe(true);
    expect(
      openedOnEarlierDay(paris('2026-11-04T02:00:00Z'), paris('2026-11-04T03:00:00Z'), parisOffset),
    ).toBe(true);
  });

  it('follows the change to summer time', () => {
    // Saturday 28 March 2026 20:00 local (+1), restart Sunday 29 March 03:30 local (+2): still Saturday's day.
    expect(
      openedOnEarlierDay(paris('2026-03-28T19:00:00Z'), paris('2026-03-29T01:30:00Z'), parisOffset),
    ).toBe(false);
  });
});
