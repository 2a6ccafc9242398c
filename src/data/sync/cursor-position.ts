/**
 * A position kept in a local document (a pull's checkpoint `seq`, the
 * journal upload's cursor): a safe non-negative integer, or 0 for anything
 * else (absent, or written by something else), so a bad value starts over
 * rather than skipping ahead.
 */
export function cursorPosition(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}
