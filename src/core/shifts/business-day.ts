// The till's business day, which decides what a till found with its shift
// open at start does (docs/cashier.md, "Opening and closing the till"). A
// business day runs from 04:00 to 04:00 in the till's local time, so a shop
// open past midnight stays in the day it opened. A shift opened the same
// business day is simply carried on; one opened on an earlier business day was
// not closed that day, and the cashier is offered to close it.

/** The local hour a business day starts at: a shift opened at 01:30 belongs to the day before. */
export const BUSINESS_DAY_STARTS_AT_HOUR = 4;

/**
 * The business day of an instant, as YYYY-MM-DD. `utcOffsetMinutes` is the
 * till's local offset from UTC at that instant (+60 for Paris in winter,
 * +120 in summer).
 */
export function businessDayOf(
  epochMs: number,
  utcOffsetMinutes: number,
  startHour = BUSINESS_DAY_STARTS_AT_HOUR,
): string {
  return new Date(epochMs + (utcOffsetMinutes - startHour * 60) * 60_000).toISOString().slice(0, 10);
}

/**
 * Whether a shift opened at `openedMs` belongs to an earlier business day
 * than `nowMs`; `utcOffsetAt` gives the till's local offset at an instant
 * (it changes with summer time).
 */
export function openedOnEarlierDay(
  openedMs: number,
  nowMs: number,
  utcOffsetAt: (epochMs: number) => number,
): boolean {
  return businessDayOf(openedMs, utcOffsetAt(openedMs)) < businessDayOf(nowMs, utcOffsetAt(nowMs));
}
