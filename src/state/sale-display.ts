import type { DisplayLines } from '../core/bridge/bridge-methods';
import { type Cart, type PricedCart, priceCart } from '../core/cart';
import { labelled, poleAmount } from '../core/display/pole-display-lines';
import { type Money, money } from '../core/money';
import { t } from '../i18n/i18n';
import { poleWords } from './pole-words';

// What the customer display shows when the basket changes other than by a
// scan: a quantity, a price, a discount, a sale parked or resumed, a line
// voided. The upper line says what changed, the lower line the new total,
// in the active language (amounts as the pole display prints them).

const amount = (value: Money): string => poleAmount(value, poleWords().locale);
const totalLine = (total: Money): string => labelled(poleWords().total, amount(total));
const minus = (value: Money): string => `-${amount(value)}`;

function pricedLine(priced: PricedCart, lineId: string) {
  return priced.lines.find((l) => l.line.lineId === lineId);
}

/** The line as it now stands: "3 x Yaourt … 3,60 €", then the total. */
export function lineChangedLines(cart: Cart, lineId: string): DisplayLines {
  const priced = priceCart(cart);
  const line = pricedLine(priced, lineId);
  if (!line) return { upper: '', lower: totalLine(priced.totals.total) };
  const { measure, name } = line.line;
  const label = measure.kind === 'pieces' && measure.quantity > 1 ? `${measure.quantity} x ${name}` : name;
  return { upper: labelled(label, amount(line.net)), lower: totalLine(priced.totals.total) };
}

/** A discount given: what it takes off (line or basket), then the total. */
export function discountLines(cart: Cart, lineId: string | null): DisplayLines {
  const priced = priceCart(cart);
  const off =
    lineId === null
      ? priced.totals.basketDiscount
      : (pricedLine(priced, lineId)?.lineDiscount ?? money(0, cart.currency));
  return {
    upper: labelled(t('saleEdit.display.discount'), minus(off)),
    lower: totalLine(priced.totals.total),
  };
}

export function voidedLines(cart: Cart): DisplayLines {
  const total = priceCart(cart).totals.total;
  return {
    upper: labelled(t('display.lineVoided'), amount(money(0, total.currency))),
    lower: totalLine(total),
  };
}

export function parkedLines(): DisplayLines {
  return {
    upper: labelled(t('saleEdit.display.parked'), ''),
    lower: labelled(t('saleEdit.display.seeYou'), ''),
  };
}

export function resumedLines(cart: Cart): DisplayLines {
  return {
    upper: labelled(t('saleEdit.display.resumed'), ''),
    lower: totalLine(priceCart(cart).totals.total),
  };
}
