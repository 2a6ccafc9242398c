import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { splitGross, vatOfGross } from './line-vat';

describe('vatOfGross / splitGross', () => {
  // vat = gross × rate / (10000 + rate), half away from zero; net = gross − vat.
  it.each([
    // 20 %: 1234 × 2000 / 12000 = 1234 / 6 = 205.67 -> 206; net 1028
    [1234, 2000, 206, 1028],
    // 20 %: 1200 / 6 = 200 exactly; net 1000
    [1200, 2000, 200, 1000],
    // 20 %, an exact half: 3 / 6 = 0.5 -> 1; net 2
    [3, 2000, 1, 2],
    // 10 %: 999 × 1000 / 11000 = 999 / 11 = 90.82 -> 91; net 908
    [999, 1000, 91, 908],
    // 10 %: 550 / 11 = 50 exactly; net 500
    [550, 1000, 50, 500],
    // 5.5 %: 399 × 550 / 10550 = 219450 / 10550 = 20.80 -> 21; net 378
    [399, 550, 21, 378],
    // 5.5 %: 211 × 550 / 10550 = 116050 / 10550 = 11 exactly; net 200
    [211, 550, 11, 200],
    // 2.1 %: 1000 × 210 / 10210 = 210000 / 10210 = 20.57 -> 21; net 979
    [1000, 210, 21, 979],
    // 2.1 %: 102 × 210 / 10210 = 21420 / 10210 = 2.10 -> 2; net 100
    [102, 210, 2, 100],
    // 0 % (exempt): no VAT
    [1000, 0, 0, 1000],
    // a return mirrors its sale: -1234 at 20 % -> vat -206, net -1028; -3 -> -1 (half away from zero)
    [-1234, 2000, -206, -1028],
    [-3, 2000, -1, -2],
  ])('%i at %i bps -> vat %i, net %i', (gross, rate, vat, net) => {
    expect(vatOfGross(money(gross), rate)).toEqual(money(vat));
    expect(splitGross(money(gross), rate)).toEqual({ gross: money(gross), net: money(net), vat: money(vat) });
  });

  it('refuses a rate outside 0..10000 or not an integer', () => {
    expect(() => vatOfGross(money(100), -1)).toThrow(RangeError);
    expect(() => vatOfGross(money(100), 10_001)).toThrow(RangeError);
    expect(() => vatOfGross(money(100), 5.5)).toThrow(RangeError);
  });

  it('is the nearest cent to the exact VAT and mirrors under negation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.integer({ min: 0, max: 10_000 }),
        (gross, rate) => {
          const { net, vat } = splitGross(money(gross), rate);
          expect(net.minor + vat.minor).toBe(gross);
          // |vat − gross × r / (10000 + r)| ≤ 1/2, in integers
          const d = BigInt(10_000 + rate);
          const gap = BigInt(vat.minor) * d - BigInt(gross) * BigInt(rate);
          expect(2n * (gap < 0n ? -gap : gap) <= d).toBe(true);
          expect(vatOfGross(money(-gross), rate)).toEqual(money(-vat.minor));
        },
      ),
    );
  });
});
