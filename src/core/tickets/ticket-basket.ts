import { type Cart, withApprovalFlags } from '../cart/cart';
import { type CartLine, cartLineSchema, grossOfMeasure } from '../cart/cart-line';
import { err, ok, type Result } from '../result';
import type { KioskTicketPayload } from './kiosk-ticket';

// A verified kiosk ticket as the till's basket: one line per ticket line,
// with the price and VAT rate the kiosk signed, never re-priced from the
// till's catalog. The cart carries no promotions: the customer pays what the
// ticket says. The sale then names the order (SaleLinks.kioskOrder).

/** Category of a ticket line whose product this till does not hold (an endless-aisle item often is not on the shelf). */
export const KIOSK_ORDER_CATEGORY = 'kiosk-order';

export type TicketBasketProblem =
  | { readonly code: 'currency-mismatch'; readonly expected: string; readonly actual: string }
  | { readonly code: 'invalid-line'; readonly index: number; readonly message: string };

export interface TicketBasketInput {
  /** The empty cart of this till (currency, discount policy). */
  readonly empty: Cart;
  readonly payload: KioskTicketPayload;
  /** One UUIDv7 per ticket line, minted by the caller. */
  readonly lineIds: readonly string[];
  /** The catalog category of a product this till knows, else undefined. */
  readonly categoryOf: (productId: string) => string | undefined;
}

/** One line a customer already agreed to at a signed price (a kiosk ticket's, a web order's). */
export interface SignedLine {
  readonly productId: string;
  readonly barcode: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitMinor: number;
  readonly vatRateBps: number;
}

/**
 * The basket of signed lines: one cart line per line, at the signed price and
 * VAT rate, with no promotion; `scannedCode` says where they came from.
 */
export function signedLinesBasket(input: {
  readonly empty: Cart;
  readonly currency: string;
  readonly lines: readonly SignedLine[];
  readonly scannedCode: string;
  readonly lineIds: readonly string[];
  readonly categoryOf: (productId: string) => string | undefined;
  readonly fallbackCategory: string;
}): Result<Cart, TicketBasketProblem> {
  const { empty } = input;
  if (input.currency !== empty.currency)
    return err({ code: 'currency-mismatch', expected: empty.currency, actual: input.currency });
  const lines: CartLine[] = [];
  for (const [
    index,
    { productId, barcode, name, quantity, unitMinor, vatRateBps },
  ] of input.lines.entries()) {
    const unitPrice = { minor: unitMinor, currency: input.currency };
    const measure = { kind: 'pieces', quantity } as const;
    const line = cartLineSchema.safeParse({
      lineId: input.lineIds[index] ?? '',
      productId,
      name,
      barcode,
      scannedCode: input.scannedCode,
      category: input.categoryOf(productId) ?? input.fallbackCategory,
      vatRateBps,
      unitPrice,
      measure,
      gross: grossOfMeasure(unitPrice, measure),
      discount: null,
      voided: null,
    } satisfies CartLine);
    if (!line.success) return err({ code: 'invalid-line', index, message: line.error.message });
    lines.push(line.data);
  }
  return ok(withApprovalFlags({ ...empty, promotions: [], basketDiscount: null, lines }));
}

export function ticketBasket(input: TicketBasketInput): Result<Cart, TicketBasketProblem> {
  const { payload } = input;
  return signedLinesBasket({
    empty: input.empty,
    currency: payload.c,
    lines: payload.l.map(([productId, barcode, name, quantity, unitMinor, vatRateBps]) => ({
      productId,
      barcode,
      name,
      quantity,
      unitMinor,
      vatRateBps,
    })),
    // What was scanned, in short: the order the line came from.
    scannedCode: `POS1:K:${payload.o.toUpperCase()}`,
    lineIds: input.lineIds,
    categoryOf: input.categoryOf,
    fallbackCategory: KIOSK_ORDER_CATEGORY,
  });
}
