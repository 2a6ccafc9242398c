import { z } from 'zod';

// How a ratio that falls between two minor units is settled.
// - 'half-up': nearest, ties away from zero (2.5 -> 3, -2.5 -> -3). Commercial
//   rounding; symmetric so a return mirrors its sale to the cent.
// - 'half-even': nearest, ties to the even neighbour (banker's rounding).
// - 'floor' / 'ceil': toward -infinity / +infinity.
export const roundingModeSchema = z.enum(['half-up', 'half-even', 'floor', 'ceil']);
export type RoundingMode = z.infer<typeof roundingModeSchema>;

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/**
 * numerator / denominator rounded to an integer, exactly (BigInt, no float).
 * Throws RangeError on a zero denominator: that is a programmer bug.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  // Normalise so the denominator is positive; the sign lives in the numerator.
  const n = denominator < 0n ? -numerator : numerator;
  const d = abs(denominator);
  const quotient = n / d; // BigInt division truncates toward zero
  const remainder = n % d; // same sign as n
  if (remainder === 0n) return quotient;
  const awayFromZero = n < 0n ? quotient - 1n : quotient + 1n;
  switch (mode) {
    case 'floor':
      return n < 0n ? quotient - 1n : quotient;
    case 'ceil':
      return n > 0n ? quotient + 1n : quotient;
    case 'half-up':
      return 2n * abs(remainder) >= d ? awayFromZero : quotient;
    case 'half-even': {
      const twice = 2n * abs(remainder);
      if (twice > d) return awayFromZero;
      if (twice < d) return quotient;
      return quotient % 2n === 0n ? quotient : awayFromZero;
    }
  }
}
