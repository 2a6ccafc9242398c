import { describe, expect, it } from 'vitest';
import { createCart } from '../cart/cart';
import { idSequence, STORE_POLICY, unwrap } from '../cart/test-builders';
import { completedSaleSchema } from '../sale/completed-sale';
import { type ClickCollectOrder, clickCollectOrderSchema } from './click-collect-order';
import { exampleReadyOrder } from './example-orders';
import { mergeHandovers } from './merge-handovers';
import { orderTokenClaims } from './order-token';
import { pickupOrderSale } from './pickup-order-sale';
import { orderAmount, pickupPaymentState, type StorePayment } from './pickup-payment';

// Paid at pickup (docs/pickup.md): an order without web `payments` is due;
// the desk's (or a till's) sale pays it through the sale core and names the
// order; the server's `payment` on the order is outside the signed content
// and survives the handover merge whatever the order of the copies.

const payment: StorePayment = {
  saleId: '0195509e-0000-7000-8000-0000000000a1',
  tillId: 'till-PAR01-P1',
  receiptNumber: 'PAR01-P1-000007',
  paidAt: '2025-03-02T10:05:00Z',
  totalMinor: 10_329,
};
const ready = exampleReadyOrder();
const paidOnline: ClickCollectOrder = {
  ...ready,
  payments: [
    {
      paymentId: 'psp-1',
      type: 'card',
      amount: { minor: 10_329, currency: 'EUR' },
      reference: 'PSP-REF-1',
      accountId: null,
    },
  ],
};

describe('pickupPaymentState', () => {
  it('is due, for the order total, when the web shop sent no payments', () => {
    expect(orderAmount(ready)).toEqual({ minor: 10_329, currency: 'EUR' });
    expect(pickupPaymentState(ready)).toEqual({ kind: 'due', amount: { minor: 10_329, currency: 'EUR' } });
  });

  it('is paid online with signed payments, paid in store with the server payment or a sale of this till', () => {
    expect(pickupPaymentState(paidOnline)).toEqual({ kind: 'paid-online' });
    expect(pickupPaymentState({ ...ready, payment })).toEqual({
      kind: 'paid-in-store',
      saleId: payment.saleId,
      receiptNumber: 'PAR01-P1-000007',
    });
    expect(pickupPaymentState(ready, { saleId: payment.saleId, receiptNumber: null })).toEqual({
      kind: 'paid-in-store',
      saleId: payment.saleId,
      receiptNumber: null,
    });
  });

  it('a payment written on the order is not signed content: the token claims stay the same', () => {
    expect(unwrap(orderTokenClaims({ ...ready, payment }))).toEqual(unwrap(orderTokenClaims(ready)));
    expect(clickCollectOrderSchema.safeParse({ ...ready, payment }).success).toBe(true);
    expect(
      clickCollectOrderSchema.safeParse({ ...ready, payment: { ...payment, saleId: 'x' } }).success,
    ).toBe(false);
  });
});

describe('mergeHandovers keeps the payment', () => {
  it('from whichever copy has it, in either order', () => {
    const paid = { ...ready, payment };
    expect(unwrap(mergeHandovers(paid, ready)).payment).toEqual(payment);
    expect(unwrap(mergeHandovers(ready, paid)).payment).toEqual(payment);
    expect(unwrap(mergeHandovers(ready, ready)).payment).toBeUndefined();
  });

  it('two different ones: the smaller sale id, whatever the order', () => {
    const other = { ...payment, saleId: '0195509e-0000-7000-8000-0000000000a0' };
    const a = { ...ready, payment };
    const b = { ...ready, payment: other };
    expect(unwrap(mergeHandovers(a, b)).payment).toEqual(other);
    expect(unwrap(mergeHandovers(b, a)).payment).toEqual(other);
  });
});

describe('pickupOrderSale', () => {
  const ids = idSequence();
  const empty = createCart({ currency: 'EUR', discountPolicy: STORE_POLICY, promotions: [] });
  const details = () => ({
    saleId: ids(),
    storeCode: 'PAR01',
    tillCode: 'P1',
    staffId: 'staff-camille',
    startedAt: '2025-03-02T10:04:00Z',
    completedAt: '2025-03-02T10:05:00Z',
  });
  const card = (minor: number) => ({
    type: 'card' as const,
    tenderId: ids(),
    amount: { minor, currency: 'EUR' as const },
    terminal: null,
  });

  it('sells the order lines at the signed prices, paid by the card, naming the order', () => {
    const sale = unwrap(
      pickupOrderSale({
        order: ready,
        empty,
        lineIds: ready.lines.map(() => ids()),
        tender: card(10_329),
        details: details(),
      }),
    );
    expect(completedSaleSchema.safeParse(sale).success).toBe(true);
    expect(sale.totals.total.minor).toBe(10_329);
    expect(sale.clickCollectOrder).toEqual({ orderId: ready.id, pickupCode: ready.pickupCode });
    expect(sale.lines.map((l) => [l.productId, l.unitPrice.minor, l.scannedCode, l.promotions])).toEqual([
      ['P-KETTLE', 3999, `POS1:P:${ready.pickupCode}`, []],
      ['P-GREENTEA', 450, `POS1:P:${ready.pickupCode}`, []],
      ['P-BOOK', 2490, `POS1:P:${ready.pickupCode}`, []],
    ]);
    expect(sale.tenders).toHaveLength(1);
  });

  it('a card that does not cover the order is no sale (an error, nothing to journal)', () => {
    const short = pickupOrderSale({
      order: ready,
      empty,
      lineIds: ready.lines.map(() => ids()),
      tender: card(10_000),
      details: details(),
    });
    expect(short).toEqual({ ok: false, error: { code: 'not-settled' } });
  });
});
