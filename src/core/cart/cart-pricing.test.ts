import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMoney, sumMoney } from '../money';
import { FRENCH_VAT_RATES, vatOfGross } from '../tax';
import { setBasketDiscount, setLineDiscount } from './cart-discounts';
import { priceCart } from './cart-pricing';
import type { Promotion } from './promotion';
import { aCart, aKgProduct, aProduct, cartFromSpec, eur, unwrap, YOGURTS_3_FOR_2 } from './test-builders';

describe('priceCart worked example', () => {
  it('applies promotions, then line discounts, then the basket discount, and takes VAT on the nets', () => {
    const wine = aProduct({
      id: 'vin',
      name: 'Côtes du Rhône',
      category: 'wine',
      priceMinor: 1250,
      vatRateBps: 2000,
    });
    let cart = aCart()
      .withPromotions(YOGURTS_3_FOR_2)
      .with(aProduct(), 3) // 3 × 1,20 = 3,60 at 5.5 %
      .with(wine) // 12,50 at 20 %
      .with(aKgProduct(), { weightGrams: 456 }) // 456 g × 24,90 €/kg = 1135.44 -> 11,35 at 5.5 %
      .build();
    const wineLine = cart.lines[1]?.lineId ?? '';
    cart = unwrap(
      setLineDiscount(cart, wineLine, {
        value: { type: 'percentage', bps: 1000 },
        reasonCode: 'damaged-label',
        grantedByStaffId: 'cashier-7',
      }),
    );
    cart = unwrap(
      setBasketDiscount(cart, {
        value: { type: 'amount', amount: eur(200) },
        reasonCode: 'loyalty',
        grantedByStaffId: 'cashier-7',
      }),
    );
    const priced = priceCart(cart);
    // promotions: one yogurt free (1,20). Line discount: 10 % of 12,50 = 1,25.
    // Basket 2,00 over [2,40; 11,25; 11,35] (sum 25,00): 19.2, 90, 90.8 -> 19, 90, 91 (leftover cent to .8).
    expect(
      priced.lines.map((l) => [
        l.promotionDiscount.minor,
        l.lineDiscount.minor,
        l.basketDiscountShare.minor,
        l.net.minor,
      ]),
    ).toEqual([
      [120, 0, 19, 221],
      [0, 125, 90, 1035],
      [0, 0, 91, 1044],
    ]);
    expect(priced.lines[0]?.promotions).toEqual([
      {
        lineId: cart.lines[0]?.lineId,
        promotionId: 'yaourt-3pour2',
        label: '3 pour 2 yaourts',
        amount: eur(120),
      },
    ]);
    expect(priced.totals).toEqual({
      gross: eur(2745),
      promotionDiscount: eur(120),
      lineDiscount: eur(125),
      basketDiscount: eur(200),
      totalDiscount: eur(445),
      total: eur(2300),
    });
    // 20 %: 1035 × 2000/12000 = 172.5 -> 173, net 862. 5.5 %: 221 + 1044 = 1265; × 550/10550 = 65.95 -> 66, net 1199.
    expect(priced.vat).toEqual({
      currency: 'EUR',
      rates: [
        { rateBps: 2000, gross: eur(1035), net: eur(862), vat: eur(173) },
        { rateBps: 550, gross: eur(1265), net: eur(1199), vat: eur(66) },
      ],
      total: { gross: eur(2300), net: eur(2061), vat: eur(239) },
    });
    expect(priced.awaitingApproval).toEqual([]);
  });

  it('prices an empty cart at zero with an empty VAT table', () => {
    const priced = priceCart(aCart().build());
    expect(priced.totals.total).toEqual(eur(0));
    expect(priced.vat.rates).toEqual([]);
  });
});

// --- property: VAT per rate adds up for carts with discounts and promotions ---

const RATES = FRENCH_VAT_RATES.map((r) => r.rateBps);

const arbItem = fc.record({
  product: fc.integer({ min: 0, max: 3 }),
  rate: fc.constantFrom(...RATES),
  price: fc.integer({ min: 0, max: 20_000 }),
  input: fc.oneof(
    fc.integer({ min: 1, max: 6 }).map((q) => ({ kind: 'pieces' as const, q })),
    fc.integer({ min: 1, max: 5000 }).map((g) => ({ kind: 'weight' as const, g })),
    fc.integer({ min: 0, max: 9_999 }).map((p) => ({ kind: 'label' as const, p })),
  ),
  lineDiscount: fc.option(
    fc.oneof(
      fc.integer({ min: 1, max: 10_000 }).map((bps) => ({ type: 'percentage' as const, bps })),
      fc.integer({ min: 1, max: 30_000 }).map((m) => ({ type: 'amount' as const, amount: eur(m) })),
    ),
    { nil: null },
  ),
});

const arbPromotions = fc.subarray<Promotion>([
  { ...YOGURTS_3_FOR_2, id: 'a', target: { type: 'category', category: 'c0' } },
  {
    kind: 'nth-item-off',
    id: 'b',
    label: '2e -30 %',
    target: { type: 'products', productIds: ['p1', 'p2'] },
    stackable: false,
    nth: 2,
    offBps: 3000,
  },
  {
    kind: 'quantity-price',
    id: 'c',
    label: '2 pour 10 €',
    target: { type: 'category', category: 'c1' },
    stackable: false,
    quantity: 2,
    price: eur(1000),
  },
  {
    kind: 'percent-off',
    id: 'd',
    label: '-15 %',
    target: { type: 'category', category: 'c2' },
    stackable: true,
    offBps: 1500,
  },
]);

const arbBasketDiscount = fc.option(
  fc.oneof(
    fc.integer({ min: 1, max: 10_000 }).map((bps) => ({ type: 'percentage' as const, bps })),
    fc.integer({ min: 1, max: 100_000 }).map((m) => ({ type: 'amount' as const, amount: eur(m) })),
  ),
  { nil: null },
);

describe('priceCart properties', () => {
  it('VAT per rate adds up to the total to the cent, whatever the discounts and promotions', () => {
    fc.assert(
      fc.property(
        fc.array(arbItem, { minLength: 1, maxLength: 10 }),
        arbPromotions,
        arbBasketDiscount,
        (items, promotions, basket) => {
          const priced = priceCart(cartFromSpec({ items, promotions, basketDiscount: basket }));
          const { totals, vat } = priced;
          expect(
            sumMoney(
              priced.lines.map((l) => l.net),
              'EUR',
            ),
          ).toEqual(totals.total);
          expect(
            sumMoney(
              vat.rates.map((r) => r.gross),
              'EUR',
            ),
          ).toEqual(totals.total);
          expect(vat.total.gross).toEqual(totals.total);
          expect(addMoney(vat.total.net, vat.total.vat)).toEqual(totals.total);
          for (const rate of vat.rates) {
            const ofRate = priced.lines.filter((l) => l.line.vatRateBps === rate.rateBps);
            expect(
              sumMoney(
                ofRate.map((l) => l.net),
                'EUR',
              ),
            ).toEqual(rate.gross);
            expect(addMoney(rate.net, rate.vat)).toEqual(rate.gross);
            expect(rate.vat).toEqual(vatOfGross(rate.gross, rate.rateBps));
          }
          expect(totals.totalDiscount).toEqual(
            sumMoney([totals.promotionDiscount, totals.lineDiscount, totals.basketDiscount], 'EUR'),
          );
          expect(addMoney(totals.total, totals.totalDiscount)).toEqual(totals.gross);
          for (const l of priced.lines) expect(l.net.minor).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
