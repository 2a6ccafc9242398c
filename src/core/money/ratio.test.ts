import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money, sumMoney } from './money';
import { allocateMoney, multiplyRatio, percentageOf } from './ratio';

describe('multiplyRatio', () => {
  it('prices a weight line: 1 234 g at 12,99 €/kg', () => {
    // 1299 × 1234 / 1000 = 1 602 966 / 1000 = 1602.966 -> 1603 (16,03 €)
    expect(multiplyRatio(money(1299), 1234, 1000, 'half-up')).toEqual(money(1603));
    expect(multiplyRatio(money(1299), 1234, 1000, 'floor')).toEqual(money(1602));
  });

  it('settles an exact half by the rounding mode', () => {
    // 125 × 1 / 2 = 62.5
    expect(multiplyRatio(money(125), 1, 2, 'half-up')).toEqual(money(63));
    expect(multiplyRatio(money(125), 1, 2, 'half-even')).toEqual(money(62));
    expect(multiplyRatio(money(-125), 1, 2, 'half-up')).toEqual(money(-63));
    expect(multiplyRatio(money(-125), 1, 2, 'floor')).toEqual(money(-63));
    expect(multiplyRatio(money(-125), 1, 2, 'ceil')).toEqual(money(-62));
  });

  it('keeps intermediate products beyond 2^53 exact', () => {
    // 9 007 199 254 740 991 × 3 / 3 would lose digits through a float product.
    expect(multiplyRatio(money(Number.MAX_SAFE_INTEGER), 3, 3, 'floor')).toEqual(
      money(Number.MAX_SAFE_INTEGER),
    );
  });

  it('refuses non-integer factors, a zero denominator and an unsafe result', () => {
    expect(() => multiplyRatio(money(100), 0.5, 1, 'floor')).toThrow(RangeError);
    expect(() => multiplyRatio(money(100), 1, 0, 'floor')).toThrow(RangeError);
    expect(() => multiplyRatio(money(Number.MAX_SAFE_INTEGER), 2, 1, 'floor')).toThrow(RangeError);
  });
});

describe('percentageOf', () => {
  it('takes basis points of an amount', () => {
    // 15 % of 19,99 €: 1999 × 1500 / 10000 = 299.85 -> 300
    expect(percentageOf(money(1999), 1500)).toEqual(money(300));
    // 5 % of 0,10 €: 10 × 500 / 10000 = 0.5 -> 1 (half-up), 0 (half-even)
    expect(percentageOf(money(10), 500)).toEqual(money(1));
    expect(percentageOf(money(10), 500, 'half-even')).toEqual(money(0));
  });
});

describe('allocateMoney', () => {
  it('splits 100 cents three ways without losing one', () => {
    // 100/3 = 33.33 each; the single leftover cent goes to the first (ties by index).
    expect(allocateMoney(money(100), [1, 1, 1])).toEqual([money(34), money(33), money(33)]);
  });

  it('gives leftover cents to the largest remainders', () => {
    // 1000 × [1, 2, 7] / 10 = [100, 200, 700] exact; 1001 -> remainders [1, 2, 7]/10 -> third gets it
    expect(allocateMoney(money(1001), [1, 2, 7])).toEqual([money(100), money(200), money(701)]);
    // 5 × [3, 7] / 10 = [1.5, 3.5]: tie, first wins -> [2, 3]
    expect(allocateMoney(money(5), [3, 7])).toEqual([money(2), money(3)]);
  });

  it('mirrors a negative amount', () => {
    expect(allocateMoney(money(-100), [1, 1, 1])).toEqual([money(-34), money(-33), money(-33)]);
  });

  it('refuses empty, all-zero, negative or fractional weights', () => {
    expect(() => allocateMoney(money(100), [])).toThrow(RangeError);
    expect(() => allocateMoney(money(100), [0, 0])).toThrow(RangeError);
    expect(() => allocateMoney(money(100), [1, -1])).toThrow(RangeError);
    expect(() => allocateMoney(money(100), [0.5, 1])).toThrow(RangeError);
  });

  it('never creates or loses a cent and stays within one cent of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc
          .array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 30 })
          .filter((w) => w.some((x) => x > 0)),
        (minor, weights) => {
          const shares = allocateMoney(money(minor), weights);
          expect(shares).toHaveLength(weights.length);
          expect(sumMoney(shares)).toEqual(money(minor));
          const totalWeight = BigInt(weights.reduce((a, b) => a + b, 0));
          shares.forEach((share, i) => {
            const w = BigInt(weights[i] ?? 0);
            // |share × W − minor × w| < W  <=>  share is floor or ceil of the exact share
            const gap = BigInt(share.minor) * totalWeight - BigInt(minor) * w;
            expect(gap < totalWeight && gap > -totalWeight).toBe(true);
            if (w === 0n) expect(share.minor).toBe(0);
          });
          expect(allocateMoney(money(-minor), weights)).toEqual(shares.map((s) => money(-s.minor)));
        },
      ),
    );
  });
});
