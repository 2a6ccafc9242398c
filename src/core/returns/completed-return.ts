import { z } from 'zod';
import { MAX_LINE_QUANTITY } from '../cart/cart-line';
import {
  type Immutable,
  nonNegativeMoneyRecordSchema,
  opaqueIdSchema,
  staffIdSchema,
  storeCodeSchema,
  tillCodeSchema,
  timestampSchema,
} from '../cart/record-values';
import { productIdSchema, productNameSchema } from '../catalog/product';
import { uuidV7Schema } from '../ids';
import { currencyCodeSchema, type Money, moneyEquals, sumMoney } from '../money';
import { duplicateIssues, foreignCurrencyIssues, guarded, type RecordIssue } from '../sale/record-checks';
import { sameVatTable, toVatTable, vatTableSchema } from '../sale/vat-table';
import { vatBreakdown, vatRateBpsSchema } from '../tax';
import { refundAllocationSchema, refundPolicySchema } from './refund-policy';
import { returnReasonSchema } from './return-reason';
import { sourceRefSchema } from './returnable-source';

// The frozen record of a return: the 'return.completed' journal payload.
// Amounts are positive and mean "given back"; the journal kind says which
// way money moved. Strict objects, no transforms or defaults; the schema also
// checks that refunds, lines and VAT agree.

export const returnLineSchema = z.strictObject({
  sourceLineId: opaqueIdSchema,
  productId: productIdSchema,
  name: productNameSchema,
  vatRateBps: vatRateBpsSchema,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  /** Back on the shelf (true), or written off (damaged, defective...). */
  restock: z.boolean(),
  reason: returnReasonSchema,
  /** What these units were paid, prorated from the line's net paid. */
  refund: nonNegativeMoneyRecordSchema,
});
export type ReturnLine = Immutable<z.infer<typeof returnLineSchema>>;

export const completedReturnShapeSchema = z.strictObject({
  returnId: uuidV7Schema,
  storeCode: storeCodeSchema,
  tillCode: tillCodeSchema,
  staffId: staffIdSchema,
  createdAt: timestampSchema,
  source: sourceRefSchema,
  currency: currencyCodeSchema,
  lines: z.array(returnLineSchema).min(1),
  policy: refundPolicySchema,
  refunds: z.array(refundAllocationSchema),
  total: nonNegativeMoneyRecordSchema,
  /** VAT per rate of the refunded amounts (positive), for the credit receipt and the books. */
  vat: vatTableSchema,
});
export type CompletedReturnShape = Immutable<z.infer<typeof completedReturnShapeSchema>>;

function returnInconsistencies(record: CompletedReturnShape): RecordIssue[] {
  const foreign = foreignCurrencyIssues(record, record.currency);
  if (foreign.length > 0) return foreign;
  return guarded(() => {
    const issues = duplicateIssues(
      record.lines.map((l) => l.sourceLineId),
      ['lines'],
      'line',
    );
    const sum = (amounts: readonly Money[]): Money => sumMoney(amounts, record.currency);
    if (!moneyEquals(sum(record.lines.map((l) => l.refund)), record.total)) {
      issues.push({ path: ['total'], message: 'total ≠ the sum of the line refunds' });
    }
    if (!moneyEquals(sum(record.refunds.map((r) => r.amount)), record.total)) {
      issues.push({ path: ['refunds'], message: 'refunds do not add up to the total' });
    }
    const expected = vatBreakdown(
      record.lines.map((l) => ({ grossMinor: l.refund.minor, vatRateBps: l.vatRateBps })),
      record.currency,
    );
    if (!sameVatTable(record.vat, toVatTable(expected))) {
      issues.push({ path: ['vat'], message: 'VAT table does not match the lines' });
    }
    return issues;
  });
}

export const completedReturnSchema = completedReturnShapeSchema.superRefine((record, ctx) => {
  for (const issue of returnInconsistencies(record)) ctx.addIssue({ code: 'custom', ...issue });
});
export type CompletedReturn = CompletedReturnShape;
