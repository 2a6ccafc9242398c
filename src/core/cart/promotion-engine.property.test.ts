import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumMoney } from '../money';
import { grossOfMeasure, type LineMeasure } from './cart-line';
import type { Promotion } from './promotion';
import { applyPromotions, type PromotableLine } from './promotion-engine';
import { eur } from './test-builders';

// Properties of the promotion engine over random lines and promotion sets.

const pieces = (quantity: number): LineMeasure => ({ kind: 'pieces', quantity });
const line = (
  lineId: string,
  productId: string,
  priceMinor: number,
  measure: LineMeasure,
  category: string,
): PromotableLine => ({
  lineId,
  productId,
  category,
  unitPrice: eur(priceMinor),
  measure,
  gross: grossOfMeasure(eur(priceMinor), measure),
});

const PRODUCTS = [
  { id: 'a', category: 'x' },
  { id: 'b', category: 'x' },
  { id: 'c', category: 'y' },
  { id: 'd', category: 'y' },
];

const arbLines = fc
  .array(
    fc.record({
      product: fc.constantFrom(...PRODUCTS),
      price: fc.integer({ min: 0, max: 3000 }),
      measure: fc.oneof(
        fc.integer({ min: 1, max: 7 }).map(pieces),
        fc.integer({ min: 1, max: 3000 }).map((grams): LineMeasure => ({ kind: 'weight', grams })),
        fc.constant<LineMeasure>({ kind: 'embedded-price' }),
      ),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((items) =>
    items.map((it, i) => line(`L${i}`, it.product.id, it.price, it.measure, it.product.category)),
  );

const arbTarget = fc.oneof(
  fc
    .subarray(['a', 'b', 'c', 'd'], { minLength: 1 })
    .map((productIds) => ({ type: 'products' as const, productIds })),
  fc.constantFrom('x', 'y').map((category) => ({ type: 'category' as const, category })),
);

const arbPromotion = (id: string) =>
  fc.oneof(
    fc
      .record({ target: arbTarget, stackable: fc.boolean(), buy: fc.integer({ min: 2, max: 4 }) })
      .chain((p) =>
        fc
          .integer({ min: 1, max: p.buy - 1 })
          .map((pay): Promotion => ({ kind: 'buy-n-pay-m', id, label: id, ...p, pay })),
      ),
    fc
      .record({
        target: arbTarget,
        stackable: fc.boolean(),
        nth: fc.integer({ min: 2, max: 4 }),
        offBps: fc.integer({ min: 1, max: 10_000 }),
      })
      .map((p): Promotion => ({ kind: 'nth-item-off', id, label: id, ...p })),
    fc
      .record({
        target: arbTarget,
        stackable: fc.boolean(),
        quantity: fc.integer({ min: 2, max: 4 }),
        price: fc.integer({ min: 1, max: 5000 }),
      })
      .map((p): Promotion => ({ kind: 'quantity-price', id, label: id, ...p, price: eur(p.price) })),
    fc
      .record({ target: arbTarget, stackable: fc.boolean(), offBps: fc.integer({ min: 1, max: 10_000 }) })
      .map((p): Promotion => ({ kind: 'percent-off', id, label: id, ...p })),
  );

const arbPromotions = fc
  .integer({ min: 0, max: 5 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbPromotion(`promo-${i}`))));

describe('promotion engine properties', () => {
  it('never discounts a line below zero, and reports only positive amounts', () => {
    fc.assert(
      fc.property(arbLines, arbPromotions, (lines, promotions) => {
        const result = applyPromotions(lines, promotions);
        for (const d of result) expect(d.amount.minor).toBeGreaterThan(0);
        for (const l of lines) {
          const total = sumMoney(
            result.filter((d) => d.lineId === l.lineId).map((d) => d.amount),
            'EUR',
          );
          expect(total.minor).toBeLessThanOrEqual(l.gross.minor);
        }
      }),
    );
  });

  it('does not depend on the order the promotions are listed in', () => {
    fc.assert(
      fc.property(
        arbLines,
        arbPromotions.chain((ps) =>
          fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length })),
        ),
        (lines, [promotions, shuffled]) => {
          expect(applyPromotions(lines, shuffled)).toEqual(applyPromotions(lines, promotions));
        },
      ),
    );
  });

  it('gives at least as much as the best single non-stackable promotion would alone', () => {
    fc.assert(
      fc.property(arbLines, arbPromotions, (lines, promotions) => {
        const competing = promotions.filter((p) => !p.stackable);
        const total = (ps: readonly Promotion[]) =>
          sumMoney(
            applyPromotions(lines, ps).map((d) => d.amount),
            'EUR',
          ).minor;
        const together = total(competing);
        for (const p of competing) expect(together).toBeGreaterThanOrEqual(total([p]));
      }),
    );
  });

  it('applies a count-based promotion only to pieces', () => {
    fc.assert(
      fc.property(arbLines, arbPromotions, (lines, promotions) => {
        const countBased = new Set(promotions.filter((p) => p.kind !== 'percent-off').map((p) => p.id));
        const result = applyPromotions(lines, promotions);
        for (const d of result.filter((r) => countBased.has(r.promotionId))) {
          expect(lines.find((l) => l.lineId === d.lineId)?.measure.kind).toBe('pieces');
        }
      }),
    );
  });
});
