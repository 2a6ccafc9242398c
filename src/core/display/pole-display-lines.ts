import { DISPLAY_LINE_WIDTH, type DisplayLines } from '../bridge/bridge-methods';
import { formatMoney } from '../money/format-money';
import type { Money } from '../money/money';

// What the customer pole display (2 x 20 characters) shows during a sale:
// the item just scanned with the running total, the total to pay, and the
// change at the end. Pure text; the driver turns it into the display's bytes.

const WIDTH = DISPLAY_LINE_WIDTH;
export const POLE_DISPLAY_LOCALE = 'fr-FR';

/**
 * fr-FR amounts with plain spaces: ICU puts U+202F between digit groups and
 * U+00A0 before "€", which no pole display character set has.
 */
export function poleAmount(amount: Money, locale: string = POLE_DISPLAY_LOCALE): string {
  return formatMoney(amount, locale).replace(/[\u00A0\u202F\s]+/g, ' ');
}

/** One line of text without control characters or runs of spaces. */
function cleanText(text: string): string {
  return text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Fits a product name in `width` characters. A cut name ends with "." so the
 * customer sees it was shortened; the cut falls at a word boundary when that
 * keeps most of the width, otherwise mid-word.
 */
export function fitName(name: string, width: number): string {
  const text = cleanText(name);
  if (width <= 0) return '';
  if (text.length <= width) return text;
  if (width === 1) return text.slice(0, 1);
  const room = text.slice(0, width - 1);
  // A space right after the room means the room ends on a whole word.
  const space = text.charAt(width - 1) === ' ' ? room.length : room.lastIndexOf(' ');
  const cut = space >= Math.ceil((width * 2) / 3) ? room.slice(0, space) : room.trimEnd();
  return `${cut}.`;
}

/** `label` on the left, `value` on the right; the value wins when both cannot fit. */
export function labelled(label: string, value: string): string {
  const right = cleanText(value).slice(0, WIDTH);
  const room = WIDTH - right.length - 1;
  if (room <= 0) return right.padStart(WIDTH);
  const left = fitName(label, room);
  return left + right.padStart(WIDTH - left.length);
}

/**
 * The display's words in the customer's language, from the renderer's
 * translations (the core has none of its own), and the Intl locale of its amounts.
 */
export interface PoleWords {
  readonly total: string;
  readonly toPay: string;
  readonly received: string;
  readonly change: string;
  readonly locale: string;
}

/** The item just scanned and its price, then the running total. */
export function itemLines(name: string, price: Money, total: Money, words: PoleWords): DisplayLines {
  return {
    upper: labelled(name, poleAmount(price, words.locale)),
    lower: labelled(words.total, poleAmount(total, words.locale)),
  };
}

/** The amount to pay once the cashier closes the basket. */
export function totalLines(total: Money, words: PoleWords): DisplayLines {
  return { upper: fitName(words.toPay, WIDTH), lower: poleAmount(total, words.locale).padStart(WIDTH) };
}

/** What the customer handed over and the change they get back. */
export function changeLines(paid: Money, change: Money, words: PoleWords): DisplayLines {
  return {
    upper: labelled(words.received, poleAmount(paid, words.locale)),
    lower: labelled(words.change, poleAmount(change, words.locale)),
  };
}

const centred = (words: string): string => {
  const text = fitName(words, WIDTH);
  return ' '.repeat(Math.floor((WIDTH - text.length) / 2)) + text;
};

/** Between customers: a greeting and a notice (e.g. the receipt is printed on request), centred. */
export function welcomeLines(greeting: string, notice = ''): DisplayLines {
  return { upper: centred(greeting), lower: notice === '' ? '' : centred(notice) };
}
