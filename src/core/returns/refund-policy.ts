import { z } from 'zod';
import { type Immutable, opaqueIdSchema, positiveMoneyRecordSchema } from '../cart/record-values';
import { compareMoney, type Money, money, subtractMoney } from '../money';
import { err, ok, type Result } from '../result';
import { paymentReferenceSchema } from '../sale/tender';
import type { ReturnablePayment } from './returnable-source';

// Where a refund goes. Two questions, answered in this order:
// 1. Which original payments does the refund unwind? Always the same order,
//    whatever the policy: card, then store credit, then voucher, then cash
//    (payments of one type in the order they were taken), each up to what it
//    paid minus what earlier returns already gave back from it. Unwinding card
//    before cash keeps cash from leaving the drawer for a card purchase.
// 2. In which medium is each part paid back? That is the policy:
//    - 'original-tenders': card to the same card, store credit to the same
//      account, cash in cash, and the voucher part as the policy says
//      (store credit on a given account, or cash);
//    - 'cash': everything in cash;
//    - 'store-credit': everything on one account (a credit note).
// Recording which payment each part unwinds, even when paid in cash, keeps
// the per-payment bound true across returns made under different policies.

export const refundPolicySchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('original-tenders'),
    voucherPortionTo: z.enum(['store-credit', 'cash']),
    /** Needed when a voucher part goes to store credit. */
    storeCreditAccountId: opaqueIdSchema.nullable(),
  }),
  z.strictObject({ type: z.literal('cash') }),
  z.strictObject({ type: z.literal('store-credit'), accountId: opaqueIdSchema }),
]);
export type RefundPolicy = Immutable<z.infer<typeof refundPolicySchema>>;

export const refundAllocationSchema = z.strictObject({
  /** The original payment this part unwinds. */
  sourceTenderId: opaqueIdSchema,
  method: z.enum(['cash', 'card', 'store-credit']),
  amount: positiveMoneyRecordSchema,
  /** Store-credit account credited; null otherwise. */
  accountId: opaqueIdSchema.nullable(),
  /** Card transaction reference of the original payment, for the terminal refund. */
  reference: paymentReferenceSchema.nullable(),
});
export type RefundAllocation = Immutable<z.infer<typeof refundAllocationSchema>>;

export type RefundRoutingError =
  | { readonly code: 'store-credit-account-required' }
  /** The payments left to unwind do not cover the refund (inconsistent source data). */
  | { readonly code: 'refund-exceeds-payments'; readonly shortBy: Money };

const UNWIND_ORDER: readonly ReturnablePayment['type'][] = ['card', 'store-credit', 'voucher', 'cash'];

export interface RefundCapacity {
  readonly payment: ReturnablePayment;
  /** What this payment can still give back. */
  readonly left: Money;
}

function medium(
  payment: ReturnablePayment,
  policy: RefundPolicy,
): Result<Pick<RefundAllocation, 'method' | 'accountId' | 'reference'>, RefundRoutingError> {
  if (policy.type === 'cash') return ok({ method: 'cash', accountId: null, reference: null });
  if (policy.type === 'store-credit')
    return ok({ method: 'store-credit', accountId: policy.accountId, reference: null });
  switch (payment.type) {
    case 'card':
      return ok({ method: 'card', accountId: null, reference: payment.reference });
    case 'store-credit':
      return ok({ method: 'store-credit', accountId: payment.accountId, reference: null });
    case 'cash':
      return ok({ method: 'cash', accountId: null, reference: null });
    case 'voucher':
      if (policy.voucherPortionTo === 'cash') return ok({ method: 'cash', accountId: null, reference: null });
      if (policy.storeCreditAccountId === null) return err({ code: 'store-credit-account-required' });
      return ok({ method: 'store-credit', accountId: policy.storeCreditAccountId, reference: null });
  }
}

/** Splits `total` over the original payments, then says how each part is paid back. */
export function routeRefund(
  total: Money,
  capacities: readonly RefundCapacity[],
  policy: RefundPolicy,
): Result<RefundAllocation[], RefundRoutingError> {
  const ordered = UNWIND_ORDER.flatMap((type) => capacities.filter((c) => c.payment.type === type));
  const allocations: RefundAllocation[] = [];
  let rest = total;
  for (const { payment, left } of ordered) {
    if (rest.minor <= 0) break;
    if (left.minor <= 0) continue;
    const amount = compareMoney(left, rest) < 0 ? left : rest;
    const how = medium(payment, policy);
    if (!how.ok) return how;
    allocations.push({ sourceTenderId: payment.tenderId, amount, ...how.value });
    rest = subtractMoney(rest, amount);
  }
  if (rest.minor > 0) return err({ code: 'refund-exceeds-payments', shortBy: rest });
  return ok(allocations);
}

/**
 * Capacity left per payment once `previous` allocations are taken off, or the
 * store-wide `refundedMinor` of that payment (other tills' refunds included)
 * when it is larger. Never below zero.
 */
export function capacitiesLeft(
  payments: readonly ReturnablePayment[],
  previous: readonly RefundAllocation[],
  refundedMinor: Readonly<Record<string, number>> = {},
): RefundCapacity[] {
  return payments.map((payment) => {
    const here = previous
      .filter((a) => a.sourceTenderId === payment.tenderId)
      .reduce((sum, a) => sum + a.amount.minor, 0);
    const refunded = Math.max(here, refundedMinor[payment.tenderId] ?? 0);
    return {
      payment,
      left: money(Math.max(0, payment.amount.minor - refunded), payment.amount.currency),
    };
  });
}
