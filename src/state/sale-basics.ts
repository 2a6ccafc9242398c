import { type Cart, createCart } from '../core/cart';
import { type Money, sumMoney } from '../core/money';
import type { Payment } from '../core/sale';
import type { StoreSettings } from '../core/settings/store-settings';

// Till defaults until a settings screen exists: discounts above 10 % or 20 € need a manager.
const DISCOUNT_POLICY = {
  maxBpsWithoutApproval: 1_000,
  maxAmountWithoutApproval: { minor: 2_000, currency: 'EUR' },
  reasonsAlwaysNeedingApproval: ['staff'],
};

export const emptyCart = (settings: StoreSettings | undefined): Cart =>
  createCart({
    currency: settings?.currency ?? 'EUR',
    discountPolicy: DISCOUNT_POLICY,
    promotions: settings?.promotions ?? [],
  });

/** What the customer handed over: cash as given (change included), other tenders at their amount. */
export function handedOver(payment: Payment): Money {
  return sumMoney(
    payment.tenders.map((t) => (t.type === 'cash' ? t.given : t.amount)),
    payment.due.currency,
  );
}
