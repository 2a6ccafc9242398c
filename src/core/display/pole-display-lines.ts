import type { DisplayLines } from '../bridge/bridge-methods';
import { DISPLAY_LINE_WIDTH } from '../bridge/bridge-methods';
import { formatMoney, type Money } from '../money';

// What the customer's two-line, 20-character pole display shows during a
// sale: the item just scanned and the running total, the amount to pay, and
// the change at the end. Pure text layout; the driver does the bytes.

const WIDTH = DISPLAY_LINE_WIDTH;

/** Amounts as "12,34 €" with plain spaces (pole displays have no no-break space). */
function amount(value: Money, locale: string): string {
  return formatMoney(value, locale).replace(/[\u00a0\u202f]/g, ' ');
}

/** Printable characters only, at most `width` of them (accents kept: the driver maps its code page). */
function clean(text: string, width: number): string {
  return [
    ...text
      .replace(/\p{Cc}/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ]
    .slice(0, width)
    .join('');
}

/** Label on the left, value on the right; the label is cut first, the value never. */
export function labelledLine(label: string, value: string): string {
  const right = clean(value, WIDTH);
  const room = WIDTH - right.length;
  if (room <= 1) return right.padStart(WIDTH);
  const left = clean(label, room - 1);
  return `${left}${' '.repeat(WIDTH - left.length - right.length)}${right}`;
}

export function welcomeLines(storeName: string): DisplayLines {
  return { upper: clean('Bienvenue', WIDTH), lower: clean(storeName, WIDTH) };
}

/** After each scan: the item with its price, then the running total. */
export function itemLines(itemName: string, itemAmount: Money, total: Money, locale = 'fr-FR'): DisplayLines {
  return {
    upper: labelledLine(itemName, amount(itemAmount, locale)),
    lower: labelledLine('Total', amount(total, locale)),
  };
}

/** While paying: what is left to pay. */
export function amountDueLines(due: Money, locale = 'fr-FR'): DisplayLines {
  return { upper: labelledLine('A payer', amount(due, locale)), lower: '' };
}

/** At the end: the total and the change handed back. */
export function changeLines(total: Money, change: Money, locale = 'fr-FR'): DisplayLines {
  return {
    upper: labelledLine('Total', amount(total, locale)),
    lower: labelledLine('Rendu', amount(change, locale)),
  };
}
