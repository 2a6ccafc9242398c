import { type Money, moneyEquals } from '../money';
import { err, ok, type Result } from '../result';
import { type Cart, findActiveLine, replaceLine } from './cart';
import type { CartError } from './cart-errors';
import { grossOfMeasure, priceOverrideSchema } from './cart-line';
import type { ManagerApproval } from './discount';

// A price changed by hand on one line (a damaged item, a shelf label that
// disagrees with the catalog). The line keeps the price it replaced, the
// reason, who changed it and, when the store's policy asked for it, who
// approved it; the receipt and the back office show all of it. Whether an
// approval is needed is the approvals policy's call, not the cart's.

export interface PriceOverrideRequest {
  /** The new price per piece, per kg, or for the labelled item: what `unitPrice` means on that line. */
  readonly unitPrice: Money;
  readonly reasonCode: string;
  /** The cashier's own words, when the reason list does not say it all. */
  readonly note?: string;
  readonly byStaffId: string;
  readonly approval: ManagerApproval | null;
}

/**
 * Sets the line's unit price. Overriding twice keeps the first original
 * price; setting the original price back removes the override.
 */
export function overrideLinePrice(
  cart: Cart,
  lineId: string,
  request: PriceOverrideRequest,
): Result<Cart, CartError> {
  const found = findActiveLine(cart, lineId);
  if (!found.ok) return found;
  const line = found.value;
  if (request.unitPrice.currency !== cart.currency) {
    return err({ code: 'currency-mismatch', expected: cart.currency, actual: request.unitPrice.currency });
  }
  const originalUnitPrice = line.priceOverride?.originalUnitPrice ?? line.unitPrice;
  const unitPrice = { minor: request.unitPrice.minor, currency: request.unitPrice.currency };
  const { priceOverride: _previous, ...rest } = line;
  if (moneyEquals(unitPrice, originalUnitPrice)) {
    return ok(replaceLine(cart, { ...rest, unitPrice, gross: grossOfMeasure(unitPrice, line.measure) }));
  }
  const checked = priceOverrideSchema.safeParse({
    originalUnitPrice,
    reasonCode: request.reasonCode,
    ...(request.note === undefined ? {} : { note: request.note }),
    byStaffId: request.byStaffId,
    approval: request.approval,
  });
  if (!checked.success)
    return err({ code: 'invalid-price-override', lineId, message: checked.error.message });
  if (!Number.isSafeInteger(unitPrice.minor) || unitPrice.minor < 0) {
    return err({ code: 'invalid-price-override', lineId, message: `price: ${unitPrice.minor}` });
  }
  const gross = grossOfMeasure(unitPrice, line.measure);
  if (!Number.isSafeInteger(gross.minor)) {
    return err({ code: 'invalid-price-override', lineId, message: `gross: ${gross.minor}` });
  }
  return ok(replaceLine(cart, { ...rest, unitPrice, gross, priceOverride: checked.data }));
}
