import { z } from 'zod';
import { type CurrencyCode, currencyCodeSchema, sumMoney } from '../money';
import { err, ok, type Result } from '../result';
import type { CartError } from './cart-errors';
import { type CartLine, cartLineSchema, isActive } from './cart-line';
import {
  type Discount,
  type DiscountPolicy,
  discountPolicySchema,
  discountSchema,
  needsManagerApproval,
} from './discount';
import { type Promotion, promotionListSchema } from './promotion';
import type { Immutable } from './record-values';

// The basket being rung up: an immutable value that every operation replaces
// (`cart = addProduct(cart, …)`). It carries the discount policy and the
// promotions in force when it was opened, so pricing is a pure function of
// the cart alone and a reloaded cart prices the same.

export const cartSchema = z.strictObject({
  currency: currencyCodeSchema,
  /** In the order rung up, voided lines included. */
  lines: z.array(cartLineSchema),
  basketDiscount: discountSchema.nullable(),
  discountPolicy: discountPolicySchema,
  promotions: promotionListSchema,
});
export type Cart = Immutable<z.infer<typeof cartSchema>>;

export interface CartSettings {
  readonly currency: CurrencyCode;
  readonly discountPolicy: DiscountPolicy;
  readonly promotions: readonly Promotion[];
}

/** An empty cart. A policy in another currency is a configuration bug, so it throws. */
export function createCart(settings: CartSettings): Cart {
  if (settings.discountPolicy.maxAmountWithoutApproval.currency !== settings.currency) {
    throw new RangeError(`discount policy is not in ${settings.currency}`);
  }
  return {
    currency: settings.currency,
    lines: [],
    basketDiscount: null,
    discountPolicy: settings.discountPolicy,
    promotions: settings.promotions,
  };
}

export function activeLines(cart: Cart): readonly CartLine[] {
  return cart.lines.filter(isActive);
}

/** The line with `lineId`, if it exists and is not voided. */
export function findActiveLine(cart: Cart, lineId: string): Result<CartLine, CartError> {
  const line = cart.lines.find((l) => l.lineId === lineId);
  if (!line) return err({ code: 'line-not-found', lineId });
  if (!isActive(line)) return err({ code: 'line-voided', lineId });
  return ok(line);
}

export function replaceLine(cart: Cart, line: CartLine): Cart {
  return withApprovalFlags({
    ...cart,
    lines: cart.lines.map((l) => (l.lineId === line.lineId ? line : l)),
  });
}

function flagged(
  discount: Discount | null,
  policy: DiscountPolicy,
  base: CartLine['gross'],
): Discount | null {
  if (discount === null) return null;
  const requiresManagerApproval = needsManagerApproval(policy, discount, base);
  return requiresManagerApproval === discount.requiresManagerApproval
    ? discount
    : { ...discount, requiresManagerApproval };
}

/**
 * Recomputes every discount's approval flag after a change. A discount is
 * judged on the gross it applies to (line gross, or the active basket gross),
 * before promotions, so the flag never depends on how promotions resolve.
 * An approval already given stays attached: the manager approved the rate.
 */
export function withApprovalFlags(cart: Cart): Cart {
  const basketGross = sumMoney(
    activeLines(cart).map((l) => l.gross),
    cart.currency,
  );
  return {
    ...cart,
    lines: cart.lines.map((line) => {
      if (!isActive(line) || line.discount === null) return line;
      const discount = flagged(line.discount, cart.discountPolicy, line.gross);
      return discount === line.discount ? line : { ...line, discount };
    }),
    basketDiscount: flagged(cart.basketDiscount, cart.discountPolicy, basketGross),
  };
}
