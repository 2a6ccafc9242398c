import { describe, expect, it } from 'vitest';
import { grossOfMeasure, type LineMeasure } from './cart-line';
import { priceCart } from './cart-pricing';
import { type Promotion, promotionListSchema, promotionSchema } from './promotion';
import { applyPromotions, type PromotableLine } from './promotion-engine';
import { aCart, aKgProduct, aProduct, eur } from './test-builders';

const line = (
  lineId: string,
  productId: string,
  priceMinor: number,
  measure: LineMeasure,
  category = 'dairy',
): PromotableLine => ({
  lineId,
  productId,
  category,
  unitPrice: eur(priceMinor),
  measure,
  gross: grossOfMeasure(eur(priceMinor), measure),
});
const pieces = (quantity: number): LineMeasure => ({ kind: 'pieces', quantity });

const threeForTwo = (productIds: string[], id = 'p-3for2'): Promotion => ({
  kind: 'buy-n-pay-m',
  id,
  label: '3 pour 2',
  target: { type: 'products', productIds },
  stackable: false,
  buy: 3,
  pay: 2,
});
const secondHalfPrice = (productIds: string[], id = 'p-2nd-half'): Promotion => ({
  kind: 'nth-item-off',
  id,
  label: '2e à −50 %',
  target: { type: 'products', productIds },
  stackable: false,
  nth: 2,
  offBps: 5000,
});
const twoForFive = (productIds: string[]): Promotion => ({
  kind: 'quantity-price',
  id: 'p-2-for-5',
  label: '2 pour 5,00 €',
  target: { type: 'products', productIds },
  stackable: false,
  quantity: 2,
  price: eur(500),
});
const categoryOff = (category: string, offBps: number, stackable = false, id = 'p-cat'): Promotion => ({
  kind: 'percent-off',
  id,
  label: `−${offBps / 100} % ${category}`,
  target: { type: 'category', category },
  stackable,
  offBps,
});

const summary = (result: ReturnType<typeof applyPromotions>) =>
  result.map((d) => `${d.lineId} ${d.promotionId} ${d.amount.minor}`);

describe('"3 for 2" (buy-n-pay-m)', () => {
  it('frees one unit in every full group of three, across lines: 4 + 3 yogurts at 1,20 €', () => {
    // 7 units, 2 full groups [L1 L1 L1] [L1 L2 L2]: the last unit of each is free; the 7th is paid.
    const lines = [line('L1', 'yaourt', 120, pieces(4)), line('L2', 'yaourt', 120, pieces(3))];
    expect(summary(applyPromotions(lines, [threeForTwo(['yaourt'])]))).toEqual([
      'L1 p-3for2 120',
      'L2 p-3for2 120',
    ]);
  });

  it('frees the cheapest of each group over a set of products, dearest grouped first', () => {
    // one each of 2,00 / 1,50 / 1,00 -> the 1,00 € item is free
    const one = [
      line('A', 'a', 200, pieces(1)),
      line('B', 'b', 150, pieces(1)),
      line('C', 'c', 100, pieces(1)),
    ];
    expect(summary(applyPromotions(one, [threeForTwo(['a', 'b', 'c'])]))).toEqual(['C p-3for2 100']);
    // two each: A A B | B C C -> one B (1,50) and one C (1,00) free
    const two = [
      line('A', 'a', 200, pieces(2)),
      line('B', 'b', 150, pieces(2)),
      line('C', 'c', 100, pieces(2)),
    ];
    expect(summary(applyPromotions(two, [threeForTwo(['a', 'b', 'c'])]))).toEqual([
      'B p-3for2 150',
      'C p-3for2 100',
    ]);
  });

  it('does nothing short of a full group, and ignores products out of its target', () => {
    expect(applyPromotions([line('L1', 'yaourt', 120, pieces(2))], [threeForTwo(['yaourt'])])).toEqual([]);
    expect(applyPromotions([line('L1', 'lait', 99, pieces(3))], [threeForTwo(['yaourt'])])).toEqual([]);
  });
});

describe('"second at −50 %" (nth-item-off)', () => {
  it('takes 50 % off one unit per pair: 3 × 2,99 € -> 1,50 € off (149.5 rounded half-up)', () => {
    const result = applyPromotions([line('L1', 'cafe', 299, pieces(3))], [secondHalfPrice(['cafe'])]);
    expect(summary(result)).toEqual(['L1 p-2nd-half 150']);
    expect(result[0]?.label).toBe('2e à −50 %');
  });
});

describe('"2 for 5,00 €" (quantity-price)', () => {
  it('prices each pair at 5,00 €: 5 × 2,79 € -> 2 × 0,58 € off, the fifth at full price', () => {
    const result = applyPromotions([line('L1', 'jus', 279, pieces(5))], [twoForFive(['jus'])]);
    expect(summary(result)).toEqual(['L1 p-2-for-5 116']);
  });

  it('splits a group discount by unit price so each VAT rate gets its share', () => {
    // 3,00 + 2,80 = 5,80 -> 0,80 off; 80 × 300/580 = 41.38, 80 × 280/580 = 38.62 -> 41 + 39
    const lines = [line('A', 'a', 300, pieces(1)), line('B', 'b', 280, pieces(1))];
    expect(summary(applyPromotions(lines, [twoForFive(['a', 'b'])]))).toEqual([
      'A p-2-for-5 41',
      'B p-2-for-5 39',
    ]);
  });

  it('never raises a price: two items at 2,00 € stay at 4,00 €', () => {
    expect(applyPromotions([line('L1', 'jus', 200, pieces(2))], [twoForFive(['jus'])])).toEqual([]);
  });
});

describe('"−20 % on a category" (percent-off)', () => {
  it('applies to every line of the category, weighed lines included', () => {
    // 456 g at 24,90 €/kg = 1135.44 -> 11,35 €; 20 % = 2,27 €. 3,99 € × 20 % = 79.8 -> 0,80 €.
    const lines = [
      line('W', 'comte', 2490, { kind: 'weight', grams: 456 }, 'cheese'),
      line('P', 'chevre', 399, pieces(1), 'cheese'),
      line('X', 'pain', 120, pieces(1), 'bakery'),
    ];
    expect(summary(applyPromotions(lines, [categoryOff('cheese', 2000)]))).toEqual([
      'W p-cat 227',
      'P p-cat 80',
    ]);
  });
});

describe('overlapping promotions', () => {
  it('gives each unit to one non-stackable promotion, the best total first', () => {
    // 3 yogurts: "3 for 2" = 1,20 €, "2nd at −50 %" = 0,60 €: 3 for 2 wins and takes all three.
    const lines = [line('L1', 'yaourt', 120, pieces(3))];
    const result = applyPromotions(lines, [secondHalfPrice(['yaourt']), threeForTwo(['yaourt'])]);
    expect(summary(result)).toEqual(['L1 p-3for2 120']);
  });

  it('breaks a tie on the smaller promotion id', () => {
    // 4 units at 1,00 €: 3 for 2 = 1,00 € (3 units), 2nd at −50 % = 2 × 0,50 € (4 units)
    const lines = [line('L1', 'yaourt', 100, pieces(4))];
    const a = threeForTwo(['yaourt'], 'a-3for2');
    const b = secondHalfPrice(['yaourt'], 'b-half');
    expect(summary(applyPromotions(lines, [b, a]))).toEqual(['L1 a-3for2 100']);
    expect(summary(applyPromotions(lines, [{ ...a, id: 'z-3for2' }, b]))).toEqual(['L1 b-half 100']);
  });

  it('lets a losing promotion still take the units the winner left', () => {
    // 3 for 2 on yogurts (1,20 €) beats −10 % dairy (0,46 €); the milk then gets its 10 %.
    const lines = [line('Y', 'yaourt', 120, pieces(3)), line('M', 'lait', 100, pieces(1))];
    const result = applyPromotions(lines, [categoryOff('dairy', 1000), threeForTwo(['yaourt'])]);
    expect(summary(result)).toEqual(['Y p-3for2 120', 'M p-cat 10']);
  });

  it('stacks a promotion flagged stackable on what is left of each line', () => {
    // yogurts: 3,60 − 1,20 = 2,40, then 10 % = 0,24; milk 10 % = 0,10
    const lines = [line('Y', 'yaourt', 120, pieces(3)), line('M', 'lait', 100, pieces(1))];
    const result = applyPromotions(lines, [categoryOff('dairy', 1000, true), threeForTwo(['yaourt'])]);
    expect(summary(result)).toEqual(['Y p-3for2 120', 'Y p-cat 24', 'M p-cat 10']);
  });

  it('does not count weighed lines for count-based promotions', () => {
    const lines = [line('W', 'comte', 2490, { kind: 'weight', grams: 500 }, 'cheese')];
    const promo: Promotion = {
      kind: 'buy-n-pay-m',
      id: 'p-2for1',
      label: '2 pour 1',
      target: { type: 'products', productIds: ['comte'] },
      stackable: false,
      buy: 2,
      pay: 1,
    };
    expect(applyPromotions(lines, [promo])).toEqual([]);
  });

  it('leaves voided lines out when pricing a cart', () => {
    const cart = aCart()
      .withPromotions(threeForTwo(['yaourt-nature']))
      .with(aProduct(), 2)
      .with(aProduct(), 1)
      .andThen((c) => ({ ...c, lines: c.lines.map((l, i) => (i === 1 ? { ...l, voided: VOID } : l)) }))
      .build();
    expect(priceCart(cart).totals.promotionDiscount).toEqual(eur(0));
  });
});

const VOID = { byStaffId: 'cashier-7', at: '2025-10-09T10:15:00+02:00', reason: 'scanned twice' };

describe('promotion schemas', () => {
  it('accepts every example above and refuses nonsense', () => {
    for (const p of [
      threeForTwo(['a']),
      secondHalfPrice(['a']),
      twoForFive(['a']),
      categoryOff('dairy', 2000),
    ]) {
      expect(promotionSchema.parse(p)).toEqual(p);
    }
    expect(promotionSchema.safeParse({ ...threeForTwo(['a']), pay: 3 }).success).toBe(false);
    expect(promotionSchema.safeParse({ ...categoryOff('dairy', 0) }).success).toBe(false);
    expect(promotionListSchema.safeParse([threeForTwo(['a']), threeForTwo(['b'])]).success).toBe(false);
  });
});

describe('a weighed line and a price-labelled line priced in a cart with promotions', () => {
  it('keeps them in the category promotion', () => {
    const cart = aCart()
      .withPromotions(categoryOff('cheese', 1000))
      .with(aKgProduct(), { weightGrams: 200 })
      .with(aKgProduct(), { embeddedPrice: eur(512) })
      .build();
    // 200 g × 24,90 = 4,98 -> 10 % = 0,50 (49.8); label 5,12 -> 0,51 (51.2)
    const priced = priceCart(cart);
    expect(priced.lines.map((l) => l.promotionDiscount)).toEqual([eur(50), eur(51)]);
    expect(priced.totals.total).toEqual(eur(498 + 512 - 50 - 51));
  });
});
