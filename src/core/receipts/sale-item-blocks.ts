import type { Discount } from '../cart/discount';
import { subtractMoney } from '../money';
import type { CompletedSale, SaleLine } from '../sale/completed-sale';
import type { ReceiptBlock, ReceiptLocale } from './receipt-document';
import { formatAmount, formatDeduction, formatPercent, formatWeight, singleLine } from './receipt-format';
import type { ReceiptLabels } from './receipt-labels';
import { columns, DETAIL_INDENT } from './receipt-sections';
import { type VatCodes, vatCodeOf } from './vat-codes';

// The items of a sale and what was taken off them. Each line prints its gross
// (price × quantity) on the right with its VAT code, then under it the
// quantity and unit price (single items too), the legal-guarantee mention
// when the product carries it, and every promotion and discount with its
// amount, so the printed amounts add up, line by line, to the subtotal.

interface Wording {
  readonly locale: ReceiptLocale;
  readonly labels: ReceiptLabels;
  readonly reasonLabels: Readonly<Record<string, string>>;
  readonly vatCodes: VatCodes;
  readonly legalGuarantee: ReadonlySet<string>;
}

/** "3 x 1,20 €", "1 x 3,50 €", "0,456 kg x 24,90 €/kg": every line says how its amount was reached. */
function measureDetail(line: SaleLine, wording: Wording): string {
  const { locale, labels } = wording;
  const price = formatAmount(line.unitPrice, locale);
  switch (line.measure.kind) {
    case 'pieces':
      return labels.quantityTimesPrice(String(line.measure.quantity), price);
    case 'weight':
      return labels.quantityTimesPrice(formatWeight(line.measure.grams, locale), `${price}/kg`);
    case 'embedded-price':
      // A price label is the price of the one item it is stuck on.
      return labels.quantityTimesPrice('1', price);
  }
}

/** The store's words for a reason code; for 'other', what the cashier typed. */
function reasonWords(
  reason: { readonly reasonCode: string; readonly note?: string },
  wording: Wording,
): string {
  if (reason.reasonCode === 'other' && reason.note !== undefined) return reason.note;
  return wording.reasonLabels[reason.reasonCode] ?? reason.reasonCode;
}

/** "Remise 10 % (Alignement prix)": the rate when there is one, and why. */
function discountLabel(base: string, discount: Discount, wording: Wording): string {
  const rate =
    discount.value.type === 'percentage' ? ` ${formatPercent(discount.value.bps, wording.locale)}` : '';
  return `${base}${rate} (${reasonWords(discount, wording)})`;
}

function lineBlocks(line: SaleLine, wording: Wording): ReceiptBlock[] {
  const { locale, labels } = wording;
  const indent = { indent: DETAIL_INDENT };
  const code = vatCodeOf(wording.vatCodes, line.vatRateBps);
  return [
    columns(singleLine(line.name), `${formatAmount(line.gross, locale)} ${code}`),
    columns(measureDetail(line, wording), '', indent),
    ...(line.priceOverride
      ? [
          columns(
            labels.priceOverride(
              `${formatAmount(line.priceOverride.originalUnitPrice, locale)}${line.measure.kind === 'weight' ? '/kg' : ''}`,
              reasonWords(line.priceOverride, wording),
            ),
            '',
            indent,
          ),
        ]
      : []),
    ...(wording.legalGuarantee.has(line.productId) ? [columns(labels.legalGuarantee, '', indent)] : []),
    ...line.promotions.map((promotion) =>
      columns(singleLine(promotion.label), formatDeduction(promotion.amount, locale), indent),
    ),
    ...(line.discount !== null && line.lineDiscount.minor > 0
      ? [
          columns(
            discountLabel(labels.lineDiscount, line.discount, wording),
            formatDeduction(line.lineDiscount, locale),
            indent,
          ),
        ]
      : []),
  ];
}

/** Every line still in the sale (voided ones are left out), in the order rung up. */
export function saleItemBlocks(sale: CompletedSale, wording: Wording): ReceiptBlock[] {
  return sale.lines.filter((line) => line.voided === null).flatMap((line) => lineBlocks(line, wording));
}

/** Subtotal and basket discount when there is one, then the total to pay. */
export function saleTotalBlocks(sale: CompletedSale, wording: Wording): ReceiptBlock[] {
  const { locale, labels } = wording;
  const { totals } = sale;
  const basket = sale.basketDiscount;
  const subtotal = subtractMoney(subtractMoney(totals.gross, totals.promotionDiscount), totals.lineDiscount);
  return [
    ...(basket !== null && basket.amount.minor > 0
      ? [
          columns(labels.subtotal, formatAmount(subtotal, locale)),
          columns(
            discountLabel(labels.basketDiscount, basket.discount, wording),
            formatDeduction(basket.amount, locale),
          ),
        ]
      : []),
    columns(labels.total, formatAmount(totals.total, locale), { bold: true, size: 'double-height' }),
  ];
}
