import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, type RoundingMode } from './rounding';

const modes: RoundingMode[] = ['half-up', 'half-even', 'floor', 'ceil'];

describe('divideRounded', () => {
  // [numerator, denominator, half-up, half-even, floor, ceil]
  it.each([
    [25n, 10n, 3n, 2n, 2n, 3n], // 2.5
    [-25n, 10n, -3n, -2n, -3n, -2n], // -2.5
    [35n, 10n, 4n, 4n, 3n, 4n], // 3.5: half-even goes up to the even 4
    [24n, 10n, 2n, 2n, 2n, 3n], // 2.4
    [26n, 10n, 3n, 3n, 2n, 3n], // 2.6
    [-26n, 10n, -3n, -3n, -3n, -2n], // -2.6
    [25n, -10n, -3n, -2n, -3n, -2n], // negative denominator: -2.5
    [30n, 10n, 3n, 3n, 3n, 3n], // exact
    [0n, 7n, 0n, 0n, 0n, 0n],
  ])('%i / %i', (n, d, halfUp, halfEven, floor, ceil) => {
    expect(divideRounded(n, d, 'half-up')).toBe(halfUp);
    expect(divideRounded(n, d, 'half-even')).toBe(halfEven);
    expect(divideRounded(n, d, 'floor')).toBe(floor);
    expect(divideRounded(n, d, 'ceil')).toBe(ceil);
  });

  it('refuses a zero denominator', () => {
    expect(() => divideRounded(1n, 0n, 'floor')).toThrow(RangeError);
  });

  it('lands on a neighbour of the exact quotient, on the side the mode asks for', () => {
    const big = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
    const nonZero = big.filter((d) => d !== 0n);
    fc.assert(
      fc.property(big, nonZero, fc.constantFrom(...modes), (n, rawD, mode) => {
        const r = divideRounded(n, rawD, mode);
        // Compare r with n/d through r*d - n with a positive d.
        const d = rawD < 0n ? -rawD : rawD;
        const num = rawD < 0n ? -n : n;
        const diff = r * d - num; // (r - exact) * d
        if (mode === 'floor') expect(diff <= 0n && diff > -d).toBe(true);
        if (mode === 'ceil') expect(diff >= 0n && diff < d).toBe(true);
        if (mode === 'half-up' || mode === 'half-even') {
          const twice = 2n * (diff < 0n ? -diff : diff);
          expect(twice <= d).toBe(true);
          if (twice === d && mode === 'half-up') expect(r < 0n === num < 0n && r !== 0n).toBe(true);
          if (twice === d && mode === 'half-even') expect(r % 2n).toBe(0n);
        }
      }),
    );
  });

  it('half-up is symmetric around zero', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        expect(divideRounded(-n, d, 'half-up')).toBe(-divideRounded(n, d, 'half-up'));
      }),
    );
  });
});
