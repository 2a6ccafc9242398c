import { type Cart, createCart } from '../core/cart';
import { type Money, sumMoney } from '../core/money';
import type { Payment } from '../core/sale';
import type { StoreSettings } from '../core/settings/store-settings';
import { cartDiscountPolicy } from './cart-discount-policy';

export const emptyCart = (settings: StoreSettings | undefined): Cart =>
  createCart({
    currency: settings?.currency ?? 'EUR',
    // Beyond the cashier's right to discount (the store's staff policy), the cart asks for an approval.
    discountPolicy: cartDiscountPolicy(settings),
    promotions: settings?.promotions ?? [],
  });

/** What the customer handed over: cash as given (change included), other tenders at their amount. */
export function handedOver(payment: Payment): Money {
  return sumMoney(
    payment.tenders.map((t) => (t.type === 'cash' ? t.given : t.amount)),
    payment.due.currency,
  );
}
