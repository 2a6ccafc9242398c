import { multiplyMoney } from '../money';
import type { ClickCollectOrder } from '../orders/click-collect-order';
import { tallyHandovers } from '../orders/handover-tally';
import { err, ok, type Result } from '../result';
import type { ReturnablePayment, ReturnableSource } from './returnable-source';

// The returnable view of an online (click-and-collect) order, from the order
// a till holds and has checked against its signed token: what the customer
// took away (the handovers), at the prices and VAT rates the web shop
// signed, refunded to the payments it signed. Orders signed before payments
// were part of the signed content have none: they are refunded as a return
// without receipt (store credit or cash, by policy).

export const ORDER_RETURN_PROBLEMS = [
  'order-cancelled',
  'order-not-collected',
  'order-without-payments',
] as const;
export type OrderReturnProblem = (typeof ORDER_RETURN_PROBLEMS)[number];

export function returnableSourceFromOrder(
  order: ClickCollectOrder,
): Result<ReturnableSource, OrderReturnProblem> {
  if (order.webStatus === 'cancelled' || order.status === 'cancelled') return err('order-cancelled');
  const tally = tallyHandovers(order.lines, order.handovers);
  const lines = order.lines.flatMap((line) => {
    const handed = Math.min(
      line.quantity,
      tally.lines.find((c) => c.lineId === line.lineId)?.handedOver ?? 0,
    );
    if (handed === 0) return [];
    return [
      {
        lineId: line.lineId,
        productId: line.productId,
        name: line.name,
        vatRateBps: line.vatRateBps,
        quantity: handed,
        netPaid: multiplyMoney({ minor: line.unitPrice.minor, currency: order.currency }, handed),
      },
    ];
  });
  if (lines.length === 0) return err('order-not-collected');
  if (order.payments === undefined) return err('order-without-payments');
  const payments: ReturnablePayment[] = order.payments.map((p) => ({
    tenderId: p.paymentId,
    type: p.type,
    amount: { minor: p.amount.minor, currency: order.currency },
    accountId: p.accountId,
    reference: p.reference,
  }));
  return ok({
    source: { type: 'online-order', id: order.webOrderId },
    currency: order.currency,
    lines,
    payments,
  });
}
