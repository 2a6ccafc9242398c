import type { DiscountPolicy } from '../core/cart';
import type { StoreSettings } from '../core/settings/store-settings';
import { staffPolicyOf } from '../core/staff/permissions';

// The cart flags a discount beyond the cashier's authority (requiresManager-
// Approval); that authority is the cashier's right to `discount` in the
// store's staff policy, so the cart and the approvals store judge a discount
// by the same limits. 'staff' discounts always ask.

/** An amount no basket reaches: "no amount limit". */
const NO_LIMIT_MINOR = 100_000_000;

export function cartDiscountPolicy(settings: StoreSettings | undefined): DiscountPolicy {
  const currency = settings?.currency ?? 'EUR';
  const right = staffPolicyOf(settings).rights.cashier.discount ?? 'never';
  const limits =
    right === 'never'
      ? { bps: 0, minor: 0 }
      : right === 'always'
        ? { bps: 10_000, minor: NO_LIMIT_MINOR }
        : { bps: right.maxPercentBps ?? 10_000, minor: right.maxAmountMinor ?? NO_LIMIT_MINOR };
  return {
    maxBpsWithoutApproval: limits.bps,
    maxAmountWithoutApproval: { minor: limits.minor, currency },
    reasonsAlwaysNeedingApproval: ['staff'],
  };
}
