import { z } from 'zod';
import { compareMoney, type Money, money, percentageOf } from '../money';
import {
  basisPointsSchema,
  type Immutable,
  moneyRecordSchema,
  positiveMoneyRecordSchema,
  reasonCodeSchema,
  reasonNoteSchema,
  staffIdSchema,
  timestampSchema,
} from './record-values';

// A manual discount on a line or on the whole basket. The cashier's authority
// is bounded by a store policy; beyond it the discount is flagged and the sale
// cannot complete until a manager's approval is attached.

export const discountValueSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('percentage'), bps: basisPointsSchema }),
  z.strictObject({ type: z.literal('amount'), amount: positiveMoneyRecordSchema }),
]);
export type DiscountValue = Immutable<z.infer<typeof discountValueSchema>>;

export const managerApprovalSchema = z.strictObject({
  approverStaffId: staffIdSchema,
  approvedAt: timestampSchema,
});
export type ManagerApproval = Immutable<z.infer<typeof managerApprovalSchema>>;

export const discountSchema = z.strictObject({
  value: discountValueSchema,
  reasonCode: reasonCodeSchema,
  /** The cashier's own words, when the reason list does not say it all; absent otherwise. */
  note: reasonNoteSchema.optional(),
  grantedByStaffId: staffIdSchema,
  /** Computed from the cart's policy each time the cart changes; see `needsManagerApproval`. */
  requiresManagerApproval: z.boolean(),
  approval: managerApprovalSchema.nullable(),
});
export type Discount = Immutable<z.infer<typeof discountSchema>>;

export const discountPolicySchema = z.strictObject({
  /** A discount above this share of what it applies to needs a manager (1000 = 10 %). */
  maxBpsWithoutApproval: z.number().int().min(0).max(10_000),
  /** A discount above this amount needs a manager, whatever its share. */
  maxAmountWithoutApproval: moneyRecordSchema,
  /** Reasons that always need a manager (e.g. 'staff', 'goodwill'). */
  reasonsAlwaysNeedingApproval: z.array(reasonCodeSchema),
});
export type DiscountPolicy = Immutable<z.infer<typeof discountPolicySchema>>;

/** What the caller asks for; the flag and approval are the cart's to set. */
export type DiscountRequest = Pick<Discount, 'value' | 'reasonCode' | 'grantedByStaffId' | 'note'>;

/**
 * The amount a discount takes off `base`, never more than `base` and never
 * below zero, so a discount can make a line free but never negative.
 */
export function discountAmount(value: DiscountValue, base: Money): Money {
  if (base.minor <= 0) return money(0, base.currency);
  if (value.type === 'percentage') return percentageOf(base, value.bps, 'half-up');
  return compareMoney(value.amount, base) > 0 ? base : value.amount;
}

/**
 * Whether a discount is beyond the cashier's authority. A percentage is judged
 * on its stated rate, a fixed amount on the share of `base` it removes, and
 * both on the amount actually removed. BigInt keeps amount × 10 000 exact.
 */
export function needsManagerApproval(
  policy: DiscountPolicy,
  request: Pick<Discount, 'value' | 'reasonCode'>,
  base: Money,
): boolean {
  if (policy.reasonsAlwaysNeedingApproval.includes(request.reasonCode)) return true;
  const removed = discountAmount(request.value, base);
  if (compareMoney(removed, policy.maxAmountWithoutApproval) > 0) return true;
  if (request.value.type === 'percentage') return request.value.bps > policy.maxBpsWithoutApproval;
  return BigInt(removed.minor) * 10_000n > BigInt(policy.maxBpsWithoutApproval) * BigInt(base.minor);
}

export function isAwaitingApproval(discount: Discount): boolean {
  return discount.requiresManagerApproval && discount.approval === null;
}
