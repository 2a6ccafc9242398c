import { minorDigits } from './currency';
import { type DecimalLiteral, scaledIntegerToDecimal } from './decimal-string';
import type { Money } from './money';

/** "-12.34" for money(-1234, 'EUR'), "1234" for JPY: plain, locale-free, for exports and Intl. */
export function moneyToDecimalString(amount: Money): DecimalLiteral {
  return scaledIntegerToDecimal(amount.minor, minorDigits(amount.currency));
}

// Building a NumberFormat costs far more than formatting with it, and a till
// formats every line of every basket on each render.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  const cached = formatters.get(key);
  if (cached) return cached;
  const digits = minorDigits(currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    // Our digit table, not CLDR's, decides the scale (see currency.ts).
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  formatters.set(key, formatter);
  return formatter;
}

/**
 * Localised amount: fr-FR "1 234,50 €" (U+202F between groups, U+00A0 before
 * €), en-GB "€1,234.50"; negatives "-12,34 €" / "-€12.34".
 */
export function formatMoney(amount: Money, locale: string): string {
  return formatterFor(locale, amount.currency).format(moneyToDecimalString(amount));
}
