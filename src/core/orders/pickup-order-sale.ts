import type { Cart } from '../cart/cart';
import { priceCart } from '../cart/cart-pricing';
import { err, ok, type Result } from '../result';
import { completeSale, type SaleDetails } from '../sale/complete-sale';
import type { CompletedSale } from '../sale/completed-sale';
import { addTender, isSettled, startPayment } from '../sale/payment';
import type { CompleteSaleError, TenderError } from '../sale/sale-errors';
import type { TenderInput } from '../sale/tender';
import type { TicketBasketProblem } from '../tickets/ticket-basket';
import type { ClickCollectOrder } from './click-collect-order';
import { pickupOrderBasket } from './pickup-basket';

// The sale a pickup desk journals when the customer pays their order there
// by card (docs/pickup.md, "Paid at pickup"): the order's lines at the signed
// prices, the one card tender the terminal approved, and the link to the
// order, through the same sale core as every till sale (completeSale), so
// the server projects it like any sale and writes the payment on the order.

export type PickupOrderSaleError =
  | { readonly code: 'basket'; readonly problem: TicketBasketProblem }
  | { readonly code: 'tender'; readonly problem: TenderError }
  | { readonly code: 'not-settled' }
  | { readonly code: 'sale'; readonly problem: CompleteSaleError };

export function pickupOrderSale(input: {
  readonly order: ClickCollectOrder;
  readonly empty: Cart;
  readonly lineIds: readonly string[];
  readonly tender: TenderInput;
  readonly details: SaleDetails;
}): Result<CompletedSale, PickupOrderSaleError> {
  const { order } = input;
  const cart = pickupOrderBasket({
    empty: input.empty,
    order,
    lineIds: input.lineIds,
    categoryOf: () => undefined,
  });
  if (!cart.ok) return err({ code: 'basket', problem: cart.error });
  const priced = priceCart(cart.value);
  const paid = addTender(startPayment(priced.totals.total), input.tender);
  if (!paid.ok) return err({ code: 'tender', problem: paid.error });
  if (!isSettled(paid.value)) return err({ code: 'not-settled' });
  const sale = completeSale(cart.value, paid.value, input.details, {
    clickCollectOrder: { orderId: order.id, pickupCode: order.pickupCode },
  });
  return sale.ok ? ok(sale.value) : err({ code: 'sale', problem: sale.error });
}
