import { z } from 'zod';

// ISO 4217 alphabetic code. We validate the shape only: the set of live codes
// changes over time and a till must keep reading old journals.
export const currencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'currency: ISO 4217 code such as EUR');
export type CurrencyCode = z.infer<typeof currencyCodeSchema>;

export const DEFAULT_CURRENCY = 'EUR' satisfies CurrencyCode;

// ISO 4217 minor-unit digits for the currencies we expect to meet. The table
// wins over Intl because CLDR (behind Intl) sometimes differs from ISO 4217
// (e.g. display digits vs. accounting digits) and amounts must never change
// scale when the host's ICU data is updated. A Map, because the code comes
// from data: in a plain object "toString" would find Object.prototype's.
const MINOR_DIGITS: ReadonlyMap<string, number> = new Map([
  ['EUR', 2],
  ['USD', 2],
  ['GBP', 2],
  ['CHF', 2],
  ['CAD', 2],
  ['SEK', 2],
  ['DKK', 2],
  ['NOK', 2],
  ['PLN', 2],
  ['CZK', 2],
  ['HUF', 2],
  ['RON', 2],
  ['MAD', 2],
  ['JPY', 0],
  ['KRW', 0],
  ['ISK', 0],
  // CFP franc (French Polynesia, New Caledonia) and CFA francs: no minor unit.
  ['XPF', 0],
  ['XOF', 0],
  ['XAF', 0],
  ['BHD', 3],
  ['KWD', 3],
  ['JOD', 3],
  ['OMR', 3],
  ['TND', 3],
]);

const intlDigitsCache = new Map<string, number>();

export function isCurrencyCode(code: string): code is CurrencyCode {
  return currencyCodeSchema.safeParse(code).success;
}

/** Digits after the decimal point for `currency` (EUR 2, JPY 0, BHD 3). */
export function minorDigits(currency: CurrencyCode): number {
  const known = MINOR_DIGITS.get(currency);
  if (known !== undefined) return known;
  if (!isCurrencyCode(currency)) throw new RangeError(`not an ISO 4217 code: ${JSON.stringify(currency)}`);
  const cached = intlDigitsCache.get(currency);
  if (cached !== undefined) return cached;
  // Intl accepts any well-formed code and falls back to 2 digits for unknown ones.
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  const resolved = digits ?? 2;
  intlDigitsCache.set(currency, resolved);
  return resolved;
}
