import { z } from 'zod';

/**
 * The caller's clock (the core reads none): ISO 8601 with an explicit offset
 * ("2025-03-01T10:15:00+01:00" or "...Z"). Compare instants with
 * `compareInstants`, never as strings: offsets and fractional seconds break
 * lexicographic order.
 */
export const instantSchema = z.iso.datetime({ offset: true });

/** Compares two instants that passed `instantSchema`: negative, zero or positive like a sort comparator. */
export function compareInstants(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}
