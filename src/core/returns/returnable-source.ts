import { z } from 'zod';
import { MAX_LINE_QUANTITY, unitsOf } from '../cart/cart-line';
import {
  type Immutable,
  nonNegativeMoneyRecordSchema,
  opaqueIdSchema,
  positiveMoneyRecordSchema,
} from '../cart/record-values';
import { productIdSchema, productNameSchema } from '../catalog/product';
import { currencyCodeSchema, sumMoney } from '../money';
import type { CompletedSale } from '../sale/completed-sale';
import { duplicateIssues, foreignCurrencyIssues, guarded } from '../sale/record-checks';
import { paymentReferenceSchema } from '../sale/tender';
import { vatRateBpsSchema } from '../tax';

// What a return is made against: an in-store sale (converted from its
// completed record) or an online order (sent by the order system in this
// shape). Per line, `netPaid` is what the customer paid for the whole line
// after every promotion and discount; refunds are prorated from it.

export const TENDER_TYPES = ['cash', 'card', 'voucher', 'store-credit'] as const;

export const sourceRefSchema = z.strictObject({
  type: z.enum(['sale', 'online-order']),
  /** The sale id, or the online order number. */
  id: opaqueIdSchema,
});
export type SourceRef = Immutable<z.infer<typeof sourceRefSchema>>;

export const returnableLineSchema = z.strictObject({
  lineId: opaqueIdSchema,
  productId: productIdSchema,
  name: productNameSchema,
  vatRateBps: vatRateBpsSchema,
  /** Units that can be returned one by one; a weighed or price-labelled item is one unit. */
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  netPaid: nonNegativeMoneyRecordSchema,
});
export type ReturnableLine = Immutable<z.infer<typeof returnableLineSchema>>;

export const returnablePaymentSchema = z.strictObject({
  tenderId: opaqueIdSchema,
  type: z.enum(TENDER_TYPES),
  /** The part of the amount due this payment settled (change excluded). */
  amount: positiveMoneyRecordSchema,
  /** The store-credit account it was drawn from; null for other types. */
  accountId: opaqueIdSchema.nullable(),
  /** Card transaction reference or voucher code, when known. */
  reference: paymentReferenceSchema.nullable(),
});
export type ReturnablePayment = Immutable<z.infer<typeof returnablePaymentSchema>>;

export const returnableSourceSchema = z
  .strictObject({
    source: sourceRefSchema,
    currency: currencyCodeSchema,
    lines: z.array(returnableLineSchema).min(1),
    payments: z.array(returnablePaymentSchema),
  })
  .superRefine((source, ctx) => {
    const foreign = foreignCurrencyIssues(source, source.currency);
    const issues = [
      ...foreign,
      ...duplicateIssues(
        source.lines.map((l) => l.lineId),
        ['lines'],
        'line id',
      ),
      ...duplicateIssues(
        source.payments.map((p) => p.tenderId),
        ['payments'],
        'tender id',
      ),
      ...(foreign.length > 0
        ? []
        : guarded(() => {
            const paid = sumMoney(
              source.payments.map((p) => p.amount),
              source.currency,
            );
            const lines = sumMoney(
              source.lines.map((l) => l.netPaid),
              source.currency,
            );
            // Refunds are bounded by the lines and routed to the payments, so the payments must cover the lines.
            return paid.minor < lines.minor
              ? [{ path: ['payments'], message: 'payments do not cover the lines' }]
              : [];
          })),
    ];
    for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue });
  });
export type ReturnableSource = Immutable<z.infer<typeof returnableSourceSchema>>;

function paymentOf(tender: CompletedSale['tenders'][number]): ReturnablePayment {
  const base = { tenderId: tender.tenderId, type: tender.type, amount: tender.amount };
  switch (tender.type) {
    case 'card':
      return { ...base, accountId: null, reference: tender.terminal?.transactionRef ?? null };
    case 'voucher':
      return { ...base, accountId: null, reference: tender.code };
    case 'store-credit':
      return { ...base, accountId: tender.accountId, reference: null };
    case 'cash':
      return { ...base, accountId: null, reference: null };
  }
}

/** The returnable view of an in-store sale: its active lines and its tenders. */
export function returnableSourceFromSale(sale: CompletedSale): ReturnableSource {
  return {
    source: { type: 'sale', id: sale.saleId },
    currency: sale.currency,
    lines: sale.lines
      .filter((line) => line.voided === null)
      .map((line) => ({
        lineId: line.lineId,
        productId: line.productId,
        name: line.name,
        vatRateBps: line.vatRateBps,
        quantity: unitsOf(line.measure),
        netPaid: line.net,
      })),
    payments: sale.tenders.map(paymentOf),
  };
}
