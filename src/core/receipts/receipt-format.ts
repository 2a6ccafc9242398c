import {
  formatMoney,
  type Money,
  minorDigits,
  moneyToDecimalString,
  negateMoney,
  scaledIntegerToDecimal,
} from '../money';
import { formatVatRate } from '../tax';
import type { ReceiptLocale } from './receipt-document';

// Locale formatting for receipts. Amounts and numbers go through Intl as
// exact decimal strings (never a float); dates are printed as the till's
// wall clock recorded in the timestamp, so a receipt reads the same whatever
// the time zone of the machine that renders it.

/** "12,34 €" / "€12.34". */
export const formatAmount = (amount: Money, locale: ReceiptLocale): string => formatMoney(amount, locale);

/** "-12,34 €": a discount or promotion taken off. */
export const formatDeduction = (amount: Money, locale: ReceiptLocale): string =>
  formatMoney(negateMoney(amount), locale);

/** "20 %" / "5,5 %"; also for discount rates, which are basis points like VAT rates. */
export const formatPercent = (bps: number, locale: ReceiptLocale): string => formatVatRate(bps, locale);

const decimalFormatters = new Map<string, Intl.NumberFormat>();

function decimalFormatter(locale: ReceiptLocale, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  const cached = decimalFormatters.get(key);
  if (cached) return cached;
  const formatter = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  decimalFormatters.set(key, formatter);
  return formatter;
}

/** "1 234,50" / "1,234.50": an amount without its currency sign, for the VAT table columns. */
export function formatTableAmount(amount: Money, locale: ReceiptLocale): string {
  return decimalFormatter(locale, minorDigits(amount.currency)).format(moneyToDecimalString(amount));
}

/** "0,456 kg" / "0.456 kg". */
export function formatWeight(grams: number, locale: ReceiptLocale): string {
  return `${decimalFormatter(locale, 3).format(scaledIntegerToDecimal(grams, 3))}\u00A0kg`;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

const dateFormatters = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

/**
 * Date and time as the till's clock showed them ("2025-10-09T10:14:30+02:00"
 * prints 09/10/2025 and 10:14): the offset in the timestamp is the store's,
 * so the wall-clock fields are formatted as they are, in UTC, with no zone
 * conversion. Throws RangeError on a string that is not an ISO timestamp.
 */
export function formatWallClock(timestamp: string, locale: ReceiptLocale): { date: string; time: string } {
  const [, year, month, day, hour, minute] = WALL_CLOCK.exec(timestamp) ?? [];
  if (!year || !month || !day || !hour || !minute) throw new RangeError(`not a timestamp: ${timestamp}`);
  const instant = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute));
  let formatters = dateFormatters.get(locale);
  if (!formatters) {
    formatters = {
      date: new Intl.DateTimeFormat(locale, {
        timeZone: 'UTC',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }),
      time: new Intl.DateTimeFormat(locale, {
        timeZone: 'UTC',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      }),
    };
    dateFormatters.set(locale, formatters);
  }
  return { date: formatters.date.format(instant), time: formatters.time.format(instant) };
}

/** "123 456 789 00012": SIREN in threes, then the establishment number (NIC). */
export function formatSiret(siret: string): string {
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}

/**
 * The card number as it may appear on paper: only the last four digits
 * shown. The terminal's text is masked again in case it sent more digits.
 */
export function maskCardNumber(maskedPan: string): string {
  const digits = maskedPan.replace(/[^0-9*]/g, '');
  const visibleFrom = digits.length - 4;
  return [...digits].map((ch, i) => (i >= visibleFrom ? ch : '*')).join('');
}

/** Free text (names, notes) as one printable line: control characters and line breaks become spaces. */
export function singleLine(text: string, maxLength = 200): string {
  const flat = text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return [...flat].slice(0, maxLength).join('');
}
