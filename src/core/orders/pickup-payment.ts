import type { Money } from '../money';
import type { CurrencyCode } from '../money/currency';
import type { ClickCollectOrder } from './click-collect-order';
import { orderTotals } from './order-line';

// A click-and-collect order the web shop did not charge is paid in the store
// when it is collected (docs/pickup.md, "Paid at pickup"): by card at the
// desk, or by any tender at a till. Either way a till journals a sale that
// names the order (SaleLinks.clickCollectOrder); the server, projecting that
// sale, writes `payment` on the order once (the first sale to arrive), and
// every till pulls it.
//
// Decision: an order is due at pickup exactly when it carries no `payments`.
// Signed payments always add up to the order total (the schema refuses any
// other sum), so "paid in part online" cannot happen.

export { type StorePayment, storePaymentSchema } from './store-payment';

export type PickupPaymentState =
  /** The web shop charged it (signed `payments`). */
  | { readonly kind: 'paid-online' }
  /** A till's sale paid it (as the server recorded it, or this till's own sale). */
  | { readonly kind: 'paid-in-store'; readonly saleId: string; readonly receiptNumber: string | null }
  | { readonly kind: 'due'; readonly amount: Money };

/** What the order costs: its lines, VAT included. */
export const orderAmount = (order: Pick<ClickCollectOrder, 'lines' | 'currency'>): Money =>
  orderTotals(order.lines, order.currency as CurrencyCode).total;

/**
 * Whether the customer still owes the order. `ownSale` is a sale of this
 * till naming the order that the server's copy may not show yet (offline).
 */
export function pickupPaymentState(
  order: ClickCollectOrder,
  ownSale?: { readonly saleId: string; readonly receiptNumber: string | null },
): PickupPaymentState {
  if (order.payments !== undefined) return { kind: 'paid-online' };
  if (order.payment !== undefined)
    return {
      kind: 'paid-in-store',
      saleId: order.payment.saleId,
      receiptNumber: order.payment.receiptNumber,
    };
  if (ownSale) return { kind: 'paid-in-store', ...ownSale };
  return { kind: 'due', amount: orderAmount(order) };
}
