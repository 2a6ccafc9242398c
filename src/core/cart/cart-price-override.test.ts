import { describe, expect, it } from 'vitest';
import { completedSaleSchema } from '../sale/completed-sale';
import { aSale } from '../sale/test-builders';
import { cartSchema } from './cart';
import { setLineDiscount } from './cart-discounts';
import { changeQuantity, voidLine } from './cart-lines';
import { overrideLinePrice } from './cart-price-override';
import { priceCart } from './cart-pricing';
import { aCart, aKgProduct, aProduct, eur, unwrap } from './test-builders';

const APPROVAL = { approverStaffId: 'manager-1', approvedAt: '2025-10-09T10:13:00+02:00' };
const request = (minor: number, approval: typeof APPROVAL | null = null) => ({
  unitPrice: eur(minor),
  reasonCode: 'damaged',
  byStaffId: 'cashier-7',
  approval,
});

describe('overriding a line price', () => {
  it('prices 3 pieces at the new unit price and keeps the catalog price, reason and staff', () => {
    const cart = aCart()
      .with(aProduct({ priceMinor: 250 }), 3)
      .build();
    const lineId = cart.lines[0]?.lineId ?? '';
    const changed = unwrap(overrideLinePrice(cart, lineId, request(199)));
    expect(changed.lines[0]).toMatchObject({
      unitPrice: eur(199),
      gross: eur(597),
      priceOverride: {
        originalUnitPrice: eur(250),
        reasonCode: 'damaged',
        byStaffId: 'cashier-7',
        approval: null,
      },
    });
    expect(priceCart(changed).totals.total).toEqual(eur(597));
    expect(cartSchema.safeParse(changed).success).toBe(true);
  });

  it('prices a weight line per kg: 500 g at 10,00 €/kg instead of 24,90 €/kg = 5,00 €', () => {
    const cart = aCart().with(aKgProduct(), { weightGrams: 500 }).build();
    const changed = unwrap(overrideLinePrice(cart, cart.lines[0]?.lineId ?? '', request(1000)));
    expect(changed.lines[0]?.gross).toEqual(eur(500));
    expect(changed.lines[0]?.priceOverride?.originalUnitPrice).toEqual(eur(2490));
  });

  it('keeps the first original price over two overrides, and drops the override when set back', () => {
    const cart = aCart()
      .with(aProduct({ priceMinor: 250 }))
      .build();
    const lineId = cart.lines[0]?.lineId ?? '';
    const twice = unwrap(
      overrideLinePrice(
        unwrap(overrideLinePrice(cart, lineId, request(200))),
        lineId,
        request(150, APPROVAL),
      ),
    );
    expect(twice.lines[0]?.priceOverride).toMatchObject({ originalUnitPrice: eur(250), approval: APPROVAL });
    const back = unwrap(overrideLinePrice(twice, lineId, request(250)));
    expect(back.lines[0]?.priceOverride).toBeUndefined();
    expect(back.lines[0]?.gross).toEqual(eur(250));
  });

  it('survives a quantity change: 2 × the overridden price', () => {
    const cart = aCart()
      .with(aProduct({ priceMinor: 250 }))
      .build();
    const lineId = cart.lines[0]?.lineId ?? '';
    const changed = unwrap(changeQuantity(unwrap(overrideLinePrice(cart, lineId, request(100))), lineId, 2));
    expect(changed.lines[0]).toMatchObject({
      gross: eur(200),
      priceOverride: { originalUnitPrice: eur(250) },
    });
  });

  it('refuses a negative price, a bad reason code, another currency and a voided line', () => {
    const cart = aCart().with(aProduct()).build();
    const lineId = cart.lines[0]?.lineId ?? '';
    expect(overrideLinePrice(cart, lineId, request(-1))).toMatchObject({
      ok: false,
      error: { code: 'invalid-price-override' },
    });
    expect(overrideLinePrice(cart, lineId, { ...request(100), reasonCode: 'Pas Bon' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-price-override', lineId },
    });
    expect(
      overrideLinePrice(cart, lineId, { ...request(100), unitPrice: { minor: 100, currency: 'CHF' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'currency-mismatch' },
    });
    const voided = unwrap(
      voidLine(cart, lineId, { byStaffId: 'cashier-7', at: APPROVAL.approvedAt, reason: 'x' }),
    );
    expect(overrideLinePrice(voided, lineId, request(100))).toMatchObject({
      ok: false,
      error: { code: 'line-voided' },
    });
  });

  it('a price override is re-judged by the discount policy: 2,00 € off a line now at 5,00 € (40 %) needs a manager', () => {
    const cart = aCart()
      .with(aProduct({ priceMinor: 5000 }))
      .build();
    const lineId = cart.lines[0]?.lineId ?? '';
    const discounted = unwrap(
      // 2,00 € off 50,00 € is 4 %: within the cashier's 10 %.
      setLineDiscount(cart, lineId, {
        value: { type: 'amount', amount: eur(200) },
        reasonCode: 'loyalty',
        grantedByStaffId: 'cashier-7',
      }),
    );
    expect(discounted.lines[0]?.discount?.requiresManagerApproval).toBe(false);
    const cheaper = unwrap(overrideLinePrice(discounted, lineId, request(500)));
    expect(cheaper.lines[0]?.discount?.requiresManagerApproval).toBe(true);
  });
});

describe('the completed sale carries the override', () => {
  it('keeps it on the line, and the record still adds up', () => {
    const sale = aSale()
      .with(aProduct({ priceMinor: 250 }), 2)
      .andThen((cart) => unwrap(overrideLinePrice(cart, cart.lines[0]?.lineId ?? '', request(180, APPROVAL))))
      .paidBy('cash')
      .complete();
    expect(sale.lines[0]).toMatchObject({
      unitPrice: eur(180),
      gross: eur(360),
      net: eur(360),
      priceOverride: { originalUnitPrice: eur(250), reasonCode: 'damaged', approval: APPROVAL },
    });
    expect(sale.totals.total).toEqual(eur(360));
    expect(completedSaleSchema.safeParse(JSON.parse(JSON.stringify(sale))).success).toBe(true);
  });

  it('refuses a record whose override names its own price as the original', () => {
    const sale = aSale()
      .with(aProduct({ priceMinor: 250 }))
      .andThen((cart) => unwrap(overrideLinePrice(cart, cart.lines[0]?.lineId ?? '', request(180))))
      .paidBy('card')
      .complete();
    const tampered = JSON.parse(JSON.stringify(sale));
    tampered.lines[0].priceOverride.originalUnitPrice = eur(180);
    expect(completedSaleSchema.safeParse(tampered).success).toBe(false);
  });
});
