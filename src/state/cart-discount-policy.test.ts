import { describe, expect, it } from 'vitest';
import { type DiscountValue, needsManagerApproval } from '../core/cart';
import { DEFAULT_STAFF_POLICY, permissionFor, type StaffPolicy } from '../core/staff/permissions';
import { cartDiscountPolicy } from './cart-discount-policy';

// The cart's flag and the approvals store's answer agree for the cashier.

const withCashierDiscount = (discount: StaffPolicy['rights']['cashier']['discount']) =>
  ({
    currency: 'EUR',
    staffPolicy: {
      ...DEFAULT_STAFF_POLICY,
      rights: {
        ...DEFAULT_STAFF_POLICY.rights,
        cashier: { ...DEFAULT_STAFF_POLICY.rights.cashier, discount },
      },
    },
  }) as never;

describe("the cart's discount policy is the cashier's right", () => {
  const base = { minor: 5_000, currency: 'EUR' } as const;
  const cases: [string, DiscountValue][] = [
    ['5 %', { type: 'percentage', bps: 500 }],
    ['10 %', { type: 'percentage', bps: 1_000 }],
    ['15 %', { type: 'percentage', bps: 1_500 }],
    ['4,00 € of 50,00 €', { type: 'amount', amount: { minor: 400, currency: 'EUR' } }],
    ['6,00 € of 50,00 €', { type: 'amount', amount: { minor: 600, currency: 'EUR' } }],
  ];

  it.each(cases)('default policy (10 %%): %s is flagged exactly when the cashier must ask', (_, value) => {
    const policy = cartDiscountPolicy(undefined);
    const removed = value.type === 'percentage' ? (base.minor * value.bps) / 10_000 : value.amount.minor;
    const percentBps = Math.round((removed * 10_000) / base.minor);
    const asks =
      permissionFor(DEFAULT_STAFF_POLICY, 'cashier', { action: 'discount', percentBps }).kind !== 'allowed';
    expect(needsManagerApproval(policy, { value, reasonCode: 'loyalty' }, base)).toBe(asks);
  });

  it("'never' flags every discount, 'always' none but staff discounts, limits are taken as they are", () => {
    expect(cartDiscountPolicy(withCashierDiscount('never'))).toMatchObject({
      maxBpsWithoutApproval: 0,
      maxAmountWithoutApproval: { minor: 0 },
    });
    expect(cartDiscountPolicy(withCashierDiscount('always'))).toMatchObject({
      maxBpsWithoutApproval: 10_000,
    });
    expect(cartDiscountPolicy(withCashierDiscount({ maxPercentBps: 2_000, maxAmountMinor: 1_500 }))).toEqual({
      maxBpsWithoutApproval: 2_000,
      maxAmountWithoutApproval: { minor: 1_500, currency: 'EUR' },
      reasonsAlwaysNeedingApproval: ['staff'],
    });
  });
});
