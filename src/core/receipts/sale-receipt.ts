import { unitsOf } from '../cart/cart-line';
import { err, type Result } from '../result';
import type { CompletedSale } from '../sale/completed-sale';
import { finishDocument, receiptNumberMismatch, resolveContext } from './receipt-assembly';
import { type ReceiptContext, type ReceiptError, receiptContextSchema } from './receipt-context';
import type { ReceiptDocument } from './receipt-document';
import { formatAmount } from './receipt-format';
import { RECEIPT_LABELS } from './receipt-labels';
import {
  columns,
  headerBlocks,
  rule,
  terminalSlipBlocks,
  trailerBlocks,
  vatTableBlock,
  whenAndWhoBlocks,
} from './receipt-sections';
import { saleItemBlocks, saleTotalBlocks } from './sale-item-blocks';
import { paymentBlocks } from './tender-blocks';
import { vatCodesOf } from './vat-codes';

// The customer's receipt for a completed sale, in the order a French till
// prints it: store identity, date and till, items with their VAT codes and
// discounts, total, payment, VAT by rate, item count, receipt number and QR,
// the NF525 block (software, hash excerpt), footer;
// then the card terminal's slips, each on its own piece of paper.
// Every figure is read from the sale record, none recomputed: the record's
// schema has already checked that they agree with each other.

/** Pieces count one by one; a weighed or price-labelled item counts as one. */
function itemCount(sale: CompletedSale): number {
  return sale.lines.filter((line) => line.voided === null).reduce((n, line) => n + unitsOf(line.measure), 0);
}

export function buildSaleReceipt(
  sale: CompletedSale,
  context: ReceiptContext,
): Result<ReceiptDocument, ReceiptError> {
  const resolved = resolveContext(receiptContextSchema, context);
  if (!resolved.ok) return resolved;
  const ctx = resolved.value;
  const mismatch = receiptNumberMismatch(ctx.receiptNumber, sale);
  if (mismatch) return err(mismatch);

  const { locale } = ctx;
  const labels = RECEIPT_LABELS[locale];
  const vatCodes = vatCodesOf([
    ...sale.vat.rates.map((rate) => rate.rateBps),
    ...sale.lines.filter((line) => line.voided === null).map((line) => line.vatRateBps),
  ]);
  const wording = {
    locale,
    labels,
    reasonLabels: ctx.reasonLabels,
    vatCodes,
    legalGuarantee: new Set(ctx.legalGuaranteeProductIds),
  };
  const saved = sale.totals.totalDiscount;
  return finishDocument('sale', ctx, [
    ...headerBlocks(ctx, labels),
    rule(),
    ...whenAndWhoBlocks(sale.completedAt, sale.tillCode, sale.staffId, ctx, labels),
    rule(),
    ...saleItemBlocks(sale, wording),
    rule(),
    ...saleTotalBlocks(sale, wording),
    ...paymentBlocks(sale, locale, labels),
    rule(),
    vatTableBlock(sale.vat, vatCodes, locale, labels),
    rule(),
    columns(labels.itemCount, String(itemCount(sale))),
    ...(saved.minor > 0 ? [columns(labels.savings, formatAmount(saved, locale))] : []),
    rule(),
    ...trailerBlocks(ctx, labels),
    ...terminalSlipBlocks(ctx.terminalSlips),
  ]);
}
