import { type Money, minorDigits, moneyToDecimalString } from '../../core/money';
import type { NumpadKey } from './numpad-keys';

// Money typed as on a cash register: digits push in from the right, in the
// currency's minor units. "1", "2", "5" is 125 (1,25 €); "00" multiplies by
// 100; backspace drops the last digit. Integers only, never a float.

/** Most digits an amount may have: 9 is 9 999 999,99 €, beyond any till's cash. */
export const MAX_AMOUNT_DIGITS = 9;

const digitCount = (minor: number): number => (minor === 0 ? 0 : String(minor).length);

/** The amount (minor units) after one key. A key that would go past the digit limit changes nothing. */
export function editAmount(minor: number, key: NumpadKey, maxDigits = MAX_AMOUNT_DIGITS): number {
  if (key === 'clear') return 0;
  if (key === 'backspace') return Math.trunc(minor / 10);
  const next = key === '00' ? minor * 100 : minor * 10 + Number(key);
  return digitCount(next) > maxDigits ? minor : next;
}

/**
 * An amount from pasted or filled text, read as typed keys: its digits in
 * order, so "20,00" and "2000" are both 2000 (20,00 €). Too many digits keep
 * the first ones, as the keys would.
 */
export function amountFromText(text: string, maxDigits = MAX_AMOUNT_DIGITS): number {
  let minor = 0;
  for (const char of text.replace(/\D/g, '')) minor = editAmount(minor, char as NumpadKey, maxDigits);
  return minor;
}

/**
 * A note or coin on a quick button: whole amounts without their cents
 * ("50 €", "€50"), others as money ("0,50 €"). Intl reads the exact decimal
 * string, never a float.
 */
export function formatNote(amount: Money, locale: string): string {
  const digits = minorDigits(amount.currency);
  const whole = amount.minor % 10 ** digits === 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: amount.currency,
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: whole ? 0 : digits,
  }).format(moneyToDecimalString(amount));
}
