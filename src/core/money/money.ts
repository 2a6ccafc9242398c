import { z } from 'zod';
import { type CurrencyCode, currencyCodeSchema, DEFAULT_CURRENCY, isCurrencyCode } from './currency';

// An amount is an integer count of the currency's minor unit (cents for EUR)
// so that sums are exact. Error policy:
// - Data that crosses a boundary (sync, storage, user input) is checked with
//   `moneySchema` or `parseMoney`, which report typed errors.
// - Inside the program, a non-integer amount, an overflow past
//   Number.MAX_SAFE_INTEGER or mixing two currencies is a programmer bug: the
//   functions below throw (RangeError / CurrencyMismatchError) rather than
//   return a wrong total that would end up on a receipt.

export const moneySchema = z
  .object({
    /** Integer minor units; zod 4 `.int()` also refuses unsafe integers. */
    minor: z.number().int(),
    currency: currencyCodeSchema,
  })
  .readonly();

export type Money = z.infer<typeof moneySchema>;

export class CurrencyMismatchError extends Error {
  override readonly name = 'CurrencyMismatchError';
  constructor(
    readonly left: CurrencyCode,
    readonly right: CurrencyCode,
  ) {
    super(`cannot combine ${left} with ${right}`);
  }
}

function checkedMinor(minor: number, what: string): number {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${what}: not a safe integer: ${String(minor)}`);
  // -0 would make equal amounts compare unequal under Object.is and in tests.
  return minor === 0 ? 0 : minor;
}

/** Money from integer minor units (1234 -> 12,34 € in EUR). Throws RangeError on a non-integer. */
export function money(minor: number, currency: CurrencyCode = DEFAULT_CURRENCY): Money {
  if (!isCurrencyCode(currency)) throw new RangeError(`not an ISO 4217 code: ${JSON.stringify(currency)}`);
  return { minor: checkedMinor(minor, 'money'), currency };
}

export function zeroMoney(currency: CurrencyCode = DEFAULT_CURRENCY): Money {
  return money(0, currency);
}

export function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { minor: checkedMinor(a.minor + b.minor, 'add'), currency: a.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { minor: checkedMinor(a.minor - b.minor, 'subtract'), currency: a.currency };
}

export function negateMoney(a: Money): Money {
  return { minor: checkedMinor(0 - a.minor, 'negate'), currency: a.currency };
}

/** Amount times an integer quantity (3 × 1,99 €). Fractional quantities go through `multiplyRatio`. */
export function multiplyMoney(a: Money, quantity: number): Money {
  checkedMinor(quantity, 'quantity');
  // Any true product beyond 2^53 lands on a float >= 2^53, which the check refuses.
  return { minor: checkedMinor(a.minor * quantity, 'multiply'), currency: a.currency };
}

/** Sum of amounts; `currency` is the currency of the result, also for an empty list. */
export function sumMoney(amounts: readonly Money[], currency: CurrencyCode = DEFAULT_CURRENCY): Money {
  let total = zeroMoney(currency);
  for (const amount of amounts) total = addMoney(total, amount);
  return total;
}

/** -1, 0 or 1; usable as a sort comparator. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  if (a.minor === b.minor) return 0;
  return a.minor < b.minor ? -1 : 1;
}

export function moneyEquals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.minor === b.minor;
}

export function isZeroMoney(a: Money): boolean {
  return a.minor === 0;
}

export function isNegativeMoney(a: Money): boolean {
  return a.minor < 0;
}
