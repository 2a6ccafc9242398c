import { z } from 'zod';
import type { CurrencyCode, Money } from '../money';
import { money } from '../money';

// The euro's notes and coins, and a drawer counted by denomination. A count
// is what the cashier typed: how many of each note and coin. Its total is
// derived here, so the amount journaled and the count journaled cannot
// disagree.

export type DenominationKind = 'note' | 'coin';

export interface Denomination {
  /** Face value in cents. */
  readonly valueMinor: number;
  readonly kind: DenominationKind;
}

/** Every euro note and coin in circulation, largest first (the order of a cash count sheet). */
export const EURO_DENOMINATIONS: readonly Denomination[] = Object.freeze(
  [
    ...[50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500].map((valueMinor) => ({
      valueMinor,
      kind: 'note' as const,
    })),
    ...[200, 100, 50, 20, 10, 5, 2, 1].map((valueMinor) => ({ valueMinor, kind: 'coin' as const })),
  ].map((d) => Object.freeze(d)),
);

const EURO_VALUES = new Set(EURO_DENOMINATIONS.map((d) => d.valueMinor));

/** A drawer never holds this many of one note or coin: a typo, not a count. */
export const MAX_PIECES_PER_DENOMINATION = 99_999;

/** One line of a count: `count` pieces of `valueMinor` cents. */
export const denominationCountSchema = z.strictObject({
  valueMinor: z
    .number()
    .int()
    .refine((v) => EURO_VALUES.has(v), 'not a euro note or coin'),
  count: z.number().int().min(0).max(MAX_PIECES_PER_DENOMINATION),
});
export type DenominationCount = z.infer<typeof denominationCountSchema>;

/** A whole count: each denomination at most once, largest first; zero lines may be left out. */
export const cashCountSchema = z
  .array(denominationCountSchema)
  .max(EURO_DENOMINATIONS.length)
  .refine((lines) => lines.every((line, i) => i === 0 || (lines[i - 1]?.valueMinor ?? 0) > line.valueMinor), {
    message: 'each denomination once, largest first',
  });
export type CashCount = z.infer<typeof cashCountSchema>;

/** The money a count adds up to. */
export function countedTotal(count: readonly DenominationCount[], currency: CurrencyCode = 'EUR'): Money {
  return money(
    count.reduce((sum, line) => sum + line.valueMinor * line.count, 0),
    currency,
  );
}

/**
 * The count as journaled: the denominations with at least one piece,
 * largest first, from a map the screen fills (value → pieces). Unknown
 * values and negative or fractional counts are refused.
 */
export function cashCountOf(
  pieces: Readonly<Record<number, number>>,
): { ok: true; value: CashCount } | { ok: false; valueMinor: number } {
  const lines: DenominationCount[] = [];
  for (const [key, count] of Object.entries(pieces)) {
    const valueMinor = Number(key);
    if (!EURO_VALUES.has(valueMinor) || !Number.isInteger(count) || count < 0)
      return { ok: false, valueMinor };
    if (count > MAX_PIECES_PER_DENOMINATION) return { ok: false, valueMinor };
    if (count > 0) lines.push({ valueMinor, count });
  }
  lines.sort((a, b) => b.valueMinor - a.valueMinor);
  return { ok: true, value: lines };
}
