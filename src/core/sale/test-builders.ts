import type { Cart } from '../cart/cart';
import type { ProductInput } from '../cart/cart-lines';
import { priceCart } from '../cart/cart-pricing';
import type { Promotion } from '../cart/promotion';
import { aCart, type CartBuilder, idSequence, unwrap } from '../cart/test-builders';
import type { Product } from '../catalog/product';
import { type Money, multiplyMoney, multiplyRatio } from '../money';
import { completeSale, type SaleDetails } from './complete-sale';
import type { CompletedSale } from './completed-sale';
import { addTender, type Payment, remainingDue, startPayment } from './payment';
import type { TenderInput, TenderType } from './tender';

// Fixtures for sale and return tests: aSale().withLines(3).paidBy('card').complete().
// Pure, so it type-checks with the core; a failing step throws (a broken fixture).

export const saleDetails = (saleId: string): SaleDetails => ({
  saleId,
  storeCode: 'PAR01',
  tillCode: '03',
  staffId: 'cashier-7',
  startedAt: '2025-10-09T10:12:00+02:00',
  completedAt: '2025-10-09T10:14:30+02:00',
});

/** Pays `remaining` in full with one tender of `type`; cash is handed over rounded up to the next 10,00 €. */
export function tenderFor(type: TenderType, remaining: Money, tenderId: string): TenderInput {
  switch (type) {
    case 'cash':
      return { type, tenderId, given: multiplyMoney(multiplyRatio(remaining, 1, 1000, 'ceil'), 1000) };
    case 'card':
      return { type, tenderId, amount: remaining, terminal: null };
    case 'voucher':
      return { type, tenderId, amount: remaining, code: 'BON-2025-0042', faceValue: remaining };
    case 'store-credit':
      return { type, tenderId, amount: remaining, accountId: 'client-0042' };
  }
}

export class SaleBuilder {
  private readonly cart: CartBuilder;
  private readonly tenders: ((remaining: Money, tenderId: string) => TenderInput)[] = [];

  constructor(private readonly nextId: () => string = idSequence()) {
    this.cart = aCart(nextId);
  }

  withLines(count: number): this {
    this.cart.withLines(count);
    return this;
  }

  with(product: Product, input: ProductInput = 1): this {
    this.cart.with(product, input);
    return this;
  }

  withPromotions(...promotions: Promotion[]): this {
    this.cart.withPromotions(...promotions);
    return this;
  }

  andThen(step: (cart: Cart) => Cart): this {
    this.cart.andThen(step);
    return this;
  }

  /** One tender of `type` for whatever is left to pay at that point. */
  paidBy(type: TenderType): this {
    this.tenders.push((remaining, tenderId) => tenderFor(type, remaining, tenderId));
    return this;
  }

  /** A tender built from what is left to pay and a fresh id. */
  paidWith(tender: (remaining: Money, tenderId: string) => TenderInput): this {
    this.tenders.push(tender);
    return this;
  }

  build(): { cart: Cart; payment: Payment } {
    const cart = this.cart.build();
    let payment = startPayment(priceCart(cart).totals.total);
    for (const tender of this.tenders) {
      payment = unwrap(addTender(payment, tender(remainingDue(payment), this.nextId())));
    }
    return { cart, payment };
  }

  complete(): CompletedSale {
    const { cart, payment } = this.build();
    return unwrap(completeSale(cart, payment, saleDetails(this.nextId())));
  }
}

export const aSale = (nextId?: () => string): SaleBuilder => new SaleBuilder(nextId);
