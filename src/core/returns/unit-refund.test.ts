import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eur } from '../cart/test-builders';
import { refundForUnits } from './unit-refund';

describe('refundForUnits', () => {
  it('prorates a line per unit without creating a cent: 24,97 € for 3 units is 8,33 + 8,32 + 8,32', () => {
    expect(refundForUnits(eur(2497), 3, 0, 1)).toEqual(eur(833));
    expect(refundForUnits(eur(2497), 3, 1, 1)).toEqual(eur(832));
    expect(refundForUnits(eur(2497), 3, 1, 2)).toEqual(eur(1664));
    expect(refundForUnits(eur(2497), 3, 0, 3)).toEqual(eur(2497));
  });

  it('refuses to return more units than the line had (a programmer bug)', () => {
    expect(() => refundForUnits(eur(100), 2, 1, 2)).toThrow(RangeError);
  });

  it('adds up to the same whether the units come back in one go or bit by bit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
        (netMinor, parts) => {
          const quantity = parts.reduce((a, b) => a + b, 0);
          let returned = 0;
          let refunded = 0;
          for (const part of parts) {
            refunded += refundForUnits(eur(netMinor), quantity, returned, part).minor;
            returned += part;
          }
          expect(refunded).toBe(netMinor);
          expect(refundForUnits(eur(netMinor), quantity, 0, quantity)).toEqual(eur(netMinor));
        },
      ),
    );
  });
});
