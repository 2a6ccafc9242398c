import { type Money, money } from './money';
import { divideRounded, type RoundingMode } from './rounding';

// Everything that scales an amount by a non-integer factor: weight lines
// (grams × price per kg / 1000), percentage discounts (basis points), VAT.
// All of it runs in BigInt so no intermediate product is rounded by a float.

function safeBigInt(n: number, what: string): bigint {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what}: not a safe integer: ${String(n)}`);
  return BigInt(n);
}

function toSafeNumber(n: bigint, what: string): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${what}: result ${n} is beyond a safe integer`);
  }
  return Number(n);
}

/**
 * amount × numerator / denominator, rounded once with `rounding`.
 * Example: 1 234 g at 12,99 €/kg = multiplyRatio(money(1299), 1234, 1000, 'half-up') = 16,03 €.
 */
export function multiplyRatio(
  amount: Money,
  numerator: number,
  denominator: number,
  rounding: RoundingMode,
): Money {
  const product = safeBigInt(amount.minor, 'amount') * safeBigInt(numerator, 'numerator');
  const rounded = divideRounded(product, safeBigInt(denominator, 'denominator'), rounding);
  return money(toSafeNumber(rounded, 'multiplyRatio'), amount.currency);
}

/** `bps` basis points of `amount` (1500 = 15 %), e.g. a percentage discount. */
export function percentageOf(amount: Money, bps: number, rounding: RoundingMode = 'half-up'): Money {
  return multiplyRatio(amount, bps, 10_000, rounding);
}

/**
 * Splits `amount` in proportion to integer `weights` with no cent lost or
 * created (largest-remainder method). Leftover cents go to the largest
 * remainders, earlier entries first on ties, so the split is deterministic.
 * A zero weight always gets zero. Negative amounts split as the mirror of the
 * positive one, so a refund undoes its sale share by share.
 */
export function allocateMoney(amount: Money, weights: readonly number[]): Money[] {
  const bigWeights = weights.map((w) => {
    const big = safeBigInt(w, 'weight');
    if (big < 0n) throw new RangeError(`weight: negative: ${w}`);
    return big;
  });
  const totalWeight = bigWeights.reduce((a, b) => a + b, 0n);
  if (totalWeight === 0n) throw new RangeError('allocate: weights must not all be zero');

  const sign = amount.minor < 0 ? -1n : 1n;
  const magnitude = sign * BigInt(amount.minor);
  const shares = bigWeights.map((w, index) => ({
    index,
    share: (magnitude * w) / totalWeight,
    remainder: (magnitude * w) % totalWeight,
  }));
  let leftover = magnitude - shares.reduce((sum, s) => sum + s.share, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  // leftover < number of non-zero remainders, so zero weights are never topped up.
  for (const entry of byRemainder) {
    if (leftover === 0n) break;
    entry.share += 1n;
    leftover -= 1n;
  }
  return shares.map((s) => money(toSafeNumber(sign * s.share, 'allocate'), amount.currency));
}
