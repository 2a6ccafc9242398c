import { err, ok, type Result } from '../result';
import { type CurrencyCode, minorDigits } from './currency';
import { type Money, money } from './money';

// Parses what a cashier types or a CSV holds: "12,34", "12.34", "-3",
// "1 234,50" (grouping by space, no-break space or narrow no-break space, in
// threes). The decimal string is turned into minor units by digit
// manipulation, never through a float.
// Deliberately refused: "1.234,50" and "1,234.50" (a '.' or ',' used for
// grouping) because "1.234" is ambiguous between locales and a till must not
// guess a price; and more decimals than the currency has ("1,234" in EUR),
// because silently rounding a typed price is worse than asking again.

export type MoneyParseError = {
  readonly code: 'money-malformed' | 'money-too-many-decimals' | 'money-out-of-range';
  readonly input: string;
};

const AMOUNT = /^([+-]?)(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:[.,](\d+))?$/;
const GROUPING = /[ \u00A0\u202F]/g;

export function parseMoney(input: string, currency: CurrencyCode): Result<Money, MoneyParseError> {
  // U+2212 is the typographic minus some locales and keyboards produce.
  const match = AMOUNT.exec(input.trim().replace('\u2212', '-'));
  if (!match) return err({ code: 'money-malformed', input });
  const [, sign = '', integerDigits = '', fractionDigits = ''] = match;
  const digits = minorDigits(currency);
  if (fractionDigits.length > digits) return err({ code: 'money-too-many-decimals', input });

  const minorDigitString = integerDigits.replace(GROUPING, '') + fractionDigits.padEnd(digits, '0');
  const magnitude = BigInt(minorDigitString);
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return err({ code: 'money-out-of-range', input });
  const minor = Number(magnitude);
  return ok(money(sign === '-' ? 0 - minor : minor, currency));
}
