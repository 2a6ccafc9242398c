import { describe, expect, it } from 'vitest';
import { EXAMPLE_LINES, exampleKioskOrder } from './example-orders';
import { deliveryFeeByRate, kioskOrderTotals } from './kiosk-order-totals';
import type { OrderLine } from './order-line';

const line = (lineId: string, minor: number, vatRateBps: number, quantity = 1): OrderLine => ({
  lineId,
  productId: `P-${lineId}`,
  name: `Article ${lineId}`,
  barcode: '3760123450017',
  quantity,
  unitPrice: { minor, currency: 'EUR' },
  vatRateBps: vatRateBps as OrderLine['vatRateBps'],
});

describe('kiosk order totals with a delivery fee', () => {
  it('costs its lines when there is no fee (pickups, orders from before fees)', () => {
    const order = exampleKioskOrder({ fulfilment: { type: 'store-pickup' } });
    const totals = kioskOrderTotals(order);
    const goods = EXAMPLE_LINES.reduce((sum, l) => sum + l.unitPrice.minor * l.quantity, 0);
    expect(totals.deliveryFee).toBeUndefined();
    expect(totals.goods.minor).toBe(goods);
    expect(totals.total.minor).toBe(goods);
    expect(totals.vat.total.gross.minor).toBe(goods);
  });

  it('adds the fee to the total and taxes it at the goods rate when there is one rate', () => {
    const totals = kioskOrderTotals({
      lines: [line('a', 1000, 2000, 2)],
      currency: 'EUR',
      deliveryFee: { minor: 590, currency: 'EUR' },
    });
    expect(totals.total.minor).toBe(2590);
    expect(totals.deliveryFee?.minor).toBe(590);
    expect(totals.vat.rates).toHaveLength(1);
    expect(totals.vat.rates[0]?.gross.minor).toBe(2590);
    // 25.90 TTC at 20 %: 21.58 net, 4.32 VAT (rounded once per rate).
    expect(totals.vat.rates[0]?.vat.minor).toBe(432);
  });

  it('splits the fee between rates in proportion to the goods, the parts adding up to the fee', () => {
    // 30 € at 20 %, 10 € at 5.5 %: the 5.90 € fee is 3/4 at 20 % (4.425 → 4.43 or 4.42), 1/4 at 5.5 %.
    const lines = [line('a', 3000, 2000), line('b', 1000, 550)];
    const parts = deliveryFeeByRate(lines, 590);
    expect(parts.reduce((sum, p) => sum + p.grossMinor, 0)).toBe(590);
    expect(parts).toEqual([
      { vatRateBps: 2000, grossMinor: 443 },
      { vatRateBps: 550, grossMinor: 147 },
    ]);
    const totals = kioskOrderTotals({ lines, currency: 'EUR', deliveryFee: { minor: 590, currency: 'EUR' } });
    expect(totals.vat.rates.map((r) => [r.rateBps, r.gross.minor])).toEqual([
      [2000, 3443],
      [550, 1147],
    ]);
    expect(totals.total.minor).toBe(4590);
  });

  it('always hands out every cent, whatever the proportions', () => {
    for (const fee of [1, 2, 3, 99, 590, 1590, 99_999]) {
      const lines = [line('a', 333, 2000), line('b', 333, 1000), line('c', 334, 550)];
      const parts = deliveryFeeByRate(lines, fee);
      expect(parts.reduce((sum, p) => sum + p.grossMinor, 0)).toBe(fee);
      for (const part of parts) expect(part.grossMinor).toBeGreaterThanOrEqual(0);
    }
  });

  it('a free delivery (0) adds nothing and no VAT row', () => {
    const totals = kioskOrderTotals({
      lines: [line('a', 7000, 2000)],
      currency: 'EUR',
      deliveryFee: { minor: 0, currency: 'EUR' },
    });
    expect(totals.deliveryFee?.minor).toBe(0);
    expect(totals.total.minor).toBe(7000);
    expect(totals.vat.rates).toHaveLength(1);
  });
});

describe('the fee on the kiosk order', () => {
  it('is kept on a home-delivery order, with the consent time', () => {
    const order = exampleKioskOrder({
      deliveryFeeMinor: 590,
      messagesConsentAt: '2025-03-01T10:14:00+01:00',
    });
    expect(order.deliveryFee).toEqual({ minor: 590, currency: 'EUR' });
    expect(order.messagesConsentAt).toBe('2025-03-01T10:14:00+01:00');
    expect(kioskOrderTotals(order).total.minor).toBe(
      kioskOrderTotals({ ...order, deliveryFee: undefined }).total.minor + 590,
    );
  });

  it('is refused on a pickup, and a negative fee is refused: the order is not created', async () => {
    const { createKioskOrder } = await import('./create-kiosk-order');
    const { EXAMPLE_KIOSK_INPUT } = await import('./example-orders');
    const pickup = createKioskOrder({
      ...EXAMPLE_KIOSK_INPUT,
      fulfilment: { type: 'store-pickup' },
      deliveryFeeMinor: 590,
    });
    expect(pickup.ok).toBe(false);
    const negative = createKioskOrder({ ...EXAMPLE_KIOSK_INPUT, deliveryFeeMinor: -1 });
    expect(negative.ok).toBe(false);
  });
});
