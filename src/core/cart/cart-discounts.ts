import { err, ok, type Result } from '../result';
import { type Cart, findActiveLine, replaceLine, withApprovalFlags } from './cart';
import type { CartError } from './cart-errors';
import {
  type Discount,
  type DiscountRequest,
  discountValueSchema,
  type ManagerApproval,
  managerApprovalSchema,
} from './discount';
import { reasonCodeSchema, reasonNoteSchema, staffIdSchema } from './record-values';

// Manual discounts on a line or on the basket, and the manager approval that
// releases a discount beyond the cashier's authority. Setting a discount
// replaces the previous one on the same target and drops its approval: a
// manager approves one rate or amount, not whatever comes next.

function checkedRequest(cart: Cart, request: DiscountRequest): Result<Discount, CartError> {
  const value = discountValueSchema.safeParse(request.value);
  if (!value.success) return err({ code: 'invalid-discount', message: value.error.message });
  if (value.data.type === 'amount' && value.data.amount.currency !== cart.currency) {
    return err({ code: 'currency-mismatch', expected: cart.currency, actual: value.data.amount.currency });
  }
  if (!reasonCodeSchema.safeParse(request.reasonCode).success) {
    return err({ code: 'invalid-discount', message: `reason code: ${JSON.stringify(request.reasonCode)}` });
  }
  if (!staffIdSchema.safeParse(request.grantedByStaffId).success) {
    return err({
      code: 'invalid-discount',
      message: `staff id: ${JSON.stringify(request.grantedByStaffId)}`,
    });
  }
  if (request.note !== undefined && !reasonNoteSchema.safeParse(request.note).success) {
    return err({ code: 'invalid-discount', message: `note: ${JSON.stringify(request.note)}` });
  }
  const { note, ...rest } = request;
  // The flag is set by withApprovalFlags, which every operation below ends with.
  return ok({
    ...rest,
    ...(note === undefined ? {} : { note }),
    value: value.data,
    requiresManagerApproval: false,
    approval: null,
  });
}

export function setLineDiscount(
  cart: Cart,
  lineId: string,
  request: DiscountRequest,
): Result<Cart, CartError> {
  const found = findActiveLine(cart, lineId);
  if (!found.ok) return found;
  const discount = checkedRequest(cart, request);
  if (!discount.ok) return discount;
  return ok(replaceLine(cart, { ...found.value, discount: discount.value }));
}

export function removeLineDiscount(cart: Cart, lineId: string): Result<Cart, CartError> {
  const found = findActiveLine(cart, lineId);
  if (!found.ok) return found;
  return ok(replaceLine(cart, { ...found.value, discount: null }));
}

/** A discount on the whole basket, spread over the lines when the cart is priced. */
export function setBasketDiscount(cart: Cart, request: DiscountRequest): Result<Cart, CartError> {
  const discount = checkedRequest(cart, request);
  if (!discount.ok) return discount;
  return ok(withApprovalFlags({ ...cart, basketDiscount: discount.value }));
}

export function removeBasketDiscount(cart: Cart): Cart {
  return { ...cart, basketDiscount: null };
}

/** Attaches a manager's approval to a line discount, or to the basket discount when lineId is null. */
export function approveDiscount(
  cart: Cart,
  lineId: string | null,
  approval: ManagerApproval,
): Result<Cart, CartError> {
  const checked = managerApprovalSchema.safeParse(approval);
  if (!checked.success) return err({ code: 'invalid-approval', message: checked.error.message });
  if (lineId === null) {
    if (cart.basketDiscount === null) return err({ code: 'no-discount-to-approve', lineId: null });
    return ok({ ...cart, basketDiscount: { ...cart.basketDiscount, approval: checked.data } });
  }
  const found = findActiveLine(cart, lineId);
  if (!found.ok) return found;
  const line = found.value;
  if (line.discount === null) return err({ code: 'no-discount-to-approve', lineId });
  return ok(replaceLine(cart, { ...line, discount: { ...line.discount, approval: checked.data } }));
}
