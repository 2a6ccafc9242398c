// The hidden staff gesture that opens the kiosk's exit dialog: a number of
// taps in one corner within a short time. Customers tap the screen all day;
// five quick taps on an empty corner is something only staff do on purpose.

export const STAFF_TAPS = 5;
export const STAFF_WINDOW_MS = 3_000;

/**
 * Counts taps (their times in ms) and says when the last `taps` of them fell
 * within `windowMs`. Once it has fired it starts over, so a sixth tap does not
 * fire again.
 */
export function staffTapCounter(taps = STAFF_TAPS, windowMs = STAFF_WINDOW_MS) {
  let times: number[] = [];
  return {
    tap(at: number): boolean {
      times = [...times, at].filter((time) => at - time <= windowMs).slice(-taps);
      if (times.length < taps) return false;
      times = [];
      return true;
    },
  };
}
