import type { Cart } from '../cart/cart';
import type { Result } from '../result';
import { signedLinesBasket, type TicketBasketProblem } from '../tickets/ticket-basket';
import type { ClickCollectOrder } from './click-collect-order';

// A click-and-collect order to pay at pickup, as a basket: its lines at the
// prices and VAT rates the web shop sent and the server signed, never
// re-priced, no promotion. The sale that pays it names the order
// (SaleLinks.clickCollectOrder).

/** Category of an order line whose product this till does not hold. */
export const PICKUP_ORDER_CATEGORY = 'click-and-collect';

export function pickupOrderBasket(input: {
  readonly empty: Cart;
  readonly order: ClickCollectOrder;
  /** One UUIDv7 per order line, minted by the caller. */
  readonly lineIds: readonly string[];
  readonly categoryOf: (productId: string) => string | undefined;
}): Result<Cart, TicketBasketProblem> {
  const { order } = input;
  return signedLinesBasket({
    empty: input.empty,
    currency: order.currency,
    lines: order.lines.map((line) => ({
      productId: line.productId,
      barcode: line.barcode,
      name: line.name,
      quantity: line.quantity,
      unitMinor: line.unitPrice.minor,
      vatRateBps: line.vatRateBps,
    })),
    scannedCode: `POS1:P:${order.pickupCode}`,
    lineIds: input.lineIds,
    categoryOf: input.categoryOf,
    fallbackCategory: PICKUP_ORDER_CATEGORY,
  });
}
