import { type CurrencyCode, type Money, multiplyMoney, multiplyRatio } from '../money';

// Cash is settled in the smallest coin in circulation. Switzerland has no
// coin below 5 centimes, and several euro countries (NL, BE, FI, IE, IT, SK)
// round cash totals to 5 cents although 1-cent coins exist; France does not.
// So the increment is a store setting, defaulting per currency to the
// smallest coin. Only the cash part of a payment is rounded, to the nearest
// increment (half up); the difference is recorded as `rounding` on the cash
// tender, never hidden in the VAT or the line amounts.

// A Map, because the currency comes from data: a plain object would answer
// "toString" or "constructor" with a member of Object.prototype.
const SMALLEST_COIN_MINOR: ReadonlyMap<string, number> = new Map([['CHF', 5]]);

/** Smallest cash step in minor units: 1 unless the currency has no coin for its minor unit. */
export function defaultCashIncrement(currency: CurrencyCode): number {
  return SMALLEST_COIN_MINOR.get(currency) ?? 1;
}

/** `amount` to the nearest multiple of `incrementMinor`, halves away from zero. */
export function roundToCashIncrement(amount: Money, incrementMinor: number): Money {
  if (!Number.isSafeInteger(incrementMinor) || incrementMinor < 1) {
    throw new RangeError(`cash increment: not a positive integer: ${String(incrementMinor)}`);
  }
  return multiplyMoney(multiplyRatio(amount, 1, incrementMinor, 'half-up'), incrementMinor);
}
