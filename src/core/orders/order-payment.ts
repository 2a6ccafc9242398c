import { z } from 'zod';
import type { CurrencyCode } from '../money/currency';
import { currencyCodeSchema } from '../money/currency';
import { paymentReferenceSchema } from '../sale/tender';
import { MAX_UNIT_PRICE_MINOR, type OrderLine, orderTotals } from './order-line';
import { opaqueIdSchema } from './order-values';

// How the customer paid a web order: what a return at a till needs to refund
// to the original tenders with no network (docs/orders.md, "Payments"). The
// web shop sends them with the order; the server signs them with the rest of
// the web content, so a till trusts them offline through the order token.
// Optional: orders imported before payments were signed carry none, and their
// token, whose digest never saw the field, still verifies.

export const ORDER_PAYMENT_TYPES = ['card', 'voucher', 'store-credit'] as const;

export const orderPaymentSchema = z.strictObject({
  /** The web shop's id of this payment; a refund names the payment it unwinds. */
  paymentId: opaqueIdSchema,
  type: z.enum(ORDER_PAYMENT_TYPES),
  /** What this payment settled, VAT included. */
  amount: z.strictObject({
    minor: z
      .number()
      .int()
      .min(1)
      .max(MAX_UNIT_PRICE_MINOR * 1000),
    currency: currencyCodeSchema,
  }),
  /** The PSP reference of a card payment, the code of a voucher. */
  reference: paymentReferenceSchema.nullable(),
  /** The store-credit account drawn on; null for the other types. */
  accountId: opaqueIdSchema.nullable(),
});
export type OrderPayment = z.infer<typeof orderPaymentSchema>;

export const MAX_ORDER_PAYMENTS = 10;

export const orderPaymentsSchema = z.array(orderPaymentSchema).min(1).max(MAX_ORDER_PAYMENTS).readonly();

export type OrderPaymentIssue =
  | 'duplicate-payment-id'
  | 'payment-currency-mismatch'
  | 'payments-do-not-match-total'
  | 'store-credit-without-account';

/** What is wrong with an order's payments against its lines (they must add up to the order total exactly). */
export function orderPaymentIssues(
  payments: readonly OrderPayment[],
  lines: readonly OrderLine[],
  currency: CurrencyCode | string,
): OrderPaymentIssue[] {
  const issues: OrderPaymentIssue[] = [];
  if (new Set(payments.map((p) => p.paymentId)).size !== payments.length) issues.push('duplicate-payment-id');
  if (payments.some((p) => p.amount.currency !== currency)) {
    issues.push('payment-currency-mismatch');
    return issues;
  }
  if (payments.some((p) => (p.type === 'store-credit') !== (p.accountId !== null))) {
    issues.push('store-credit-without-account');
  }
  if (lines.every((l) => l.unitPrice.currency === currency)) {
    const total = orderTotals(lines, currency as CurrencyCode).total.minor;
    const paid = payments.reduce((sum, p) => sum + p.amount.minor, 0);
    if (paid !== total) issues.push('payments-do-not-match-total');
  }
  return issues;
}

/** Adds `orderPaymentIssues` to a zod refinement context, at `payments`. */
export function checkOrderPayments(
  order: {
    readonly payments?: readonly OrderPayment[] | undefined;
    readonly lines: readonly OrderLine[];
    readonly currency: string;
  },
  ctx: z.RefinementCtx,
): void {
  if (order.payments === undefined) return;
  for (const issue of orderPaymentIssues(order.payments, order.lines, order.currency)) {
    ctx.addIssue({ code: 'custom', path: ['payments'], message: `order payments: ${issue}` });
  }
}
