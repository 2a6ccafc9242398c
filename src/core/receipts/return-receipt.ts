import { err, type Result } from '../result';
import type { CompletedReturn, ReturnLine } from '../returns/completed-return';
import { isExchangeAccount } from '../returns/exchange-account';
import type { RefundAllocation } from '../returns/refund-policy';
import { finishDocument, receiptNumberMismatch, resolveContext } from './receipt-assembly';
import {
  type ReceiptError,
  type ResolvedReturnReceiptContext,
  type ReturnReceiptContext,
  returnReceiptContextSchema,
} from './receipt-context';
import type { ReceiptBlock, ReceiptDocument, ReceiptLocale } from './receipt-document';
import { formatAmount, singleLine } from './receipt-format';
import { RECEIPT_LABELS, type ReceiptLabels } from './receipt-labels';
import {
  columns,
  DETAIL_INDENT,
  headerBlocks,
  rule,
  text,
  trailerBlocks,
  vatTableBlock,
  whenAndWhoBlocks,
} from './receipt-sections';
import { type VatCodes, vatCodeOf, vatCodesOf } from './vat-codes';

// The receipt handed over with a refund. A refund receipt is about money
// given back, so its amounts are printed positive under a REMBOURSEMENT
// title, as the return record holds them; the VAT table is the record's own.

const indent = { indent: DETAIL_INDENT };

/** A reference beside its label when short; a long id (a 36-character sale UUID) on a line of its own. */
function reference(label: string, value: string): ReceiptBlock[] {
  return value.length <= 24 ? [columns(label, value)] : [text(label), text(value)];
}

/** What the return was made against: the original receipt number when known, else the sale id or order number. */
function sourceBlocks(
  record: CompletedReturn,
  ctx: ResolvedReturnReceiptContext,
  labels: ReceiptLabels,
): ReceiptBlock[] {
  if (record.source.type === 'online-order') return reference(labels.onlineOrder, record.source.id);
  return reference(labels.originalSale, ctx.originalReceiptNumber ?? record.source.id);
}

function returnLineBlocks(
  line: ReturnLine,
  codes: VatCodes,
  locale: ReceiptLocale,
  labels: ReceiptLabels,
): ReceiptBlock[] {
  const reason =
    line.reason.note === null ? labels.returnReasons[line.reason.code] : singleLine(line.reason.note);
  return [
    columns(
      singleLine(line.name),
      `${formatAmount(line.refund, locale)} ${vatCodeOf(codes, line.vatRateBps)}`,
    ),
    columns(`${labels.returnedQuantity(line.quantity)} - ${reason}`, '', indent),
  ];
}

function refundBlocks(
  refund: RefundAllocation,
  locale: ReceiptLocale,
  labels: ReceiptLabels,
): ReceiptBlock[] {
  const amount = formatAmount(refund.amount, locale);
  switch (refund.method) {
    case 'cash':
      return [columns(labels.refundCash, amount)];
    case 'card':
      return [columns(labels.refundCard, amount)];
    case 'store-credit':
      // An exchange's credit paid the new articles: no credit note, no account to show.
      if (isExchangeAccount(refund.accountId)) return [columns(labels.refundExchange, amount)];
      return [
        columns(labels.refundStoreCredit, amount),
        ...(refund.accountId === null ? [] : [columns(labels.account(refund.accountId), '', indent)]),
      ];
  }
}

export function buildReturnReceipt(
  record: CompletedReturn,
  context: ReturnReceiptContext,
): Result<ReceiptDocument, ReceiptError> {
  const resolved = resolveContext(returnReceiptContextSchema, context);
  if (!resolved.ok) return resolved;
  const ctx = resolved.value;
  const mismatch = receiptNumberMismatch(ctx.receiptNumber, record);
  if (mismatch) return err(mismatch);

  const { locale } = ctx;
  const labels = RECEIPT_LABELS[locale];
  const units = record.lines.reduce((n, line) => n + line.quantity, 0);
  const vatCodes = vatCodesOf([
    ...record.vat.rates.map((rate) => rate.rateBps),
    ...record.lines.map((line) => line.vatRateBps),
  ]);
  return finishDocument('return', ctx, [
    ...headerBlocks(ctx, labels),
    rule(),
    text(labels.refundTitle, { align: 'center', bold: true, size: 'double-height' }),
    ...whenAndWhoBlocks(record.createdAt, record.tillCode, record.staffId, ctx, labels),
    ...sourceBlocks(record, ctx, labels),
    rule(),
    ...record.lines.flatMap((line) => returnLineBlocks(line, vatCodes, locale, labels)),
    rule(),
    columns(labels.totalRefunded, formatAmount(record.total, locale), { bold: true, size: 'double-height' }),
    ...record.refunds.flatMap((refund) => refundBlocks(refund, locale, labels)),
    rule(),
    vatTableBlock(record.vat, vatCodes, locale, labels),
    rule(),
    columns(labels.itemCount, String(units)),
    rule(),
    ...trailerBlocks(ctx, labels),
  ]);
}
