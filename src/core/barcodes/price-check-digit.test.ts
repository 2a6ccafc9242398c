import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiveDigitPriceCheckDigit, fourDigitPriceCheckDigit, priceCheckDigit } from './price-check-digit';

describe('4-digit price check digit (GS1 7.9.3)', () => {
  it('matches the GS1 example: 2875 -> 9', () => {
    expect(fourDigitPriceCheckDigit('2875')).toBe(9);
  });

  it('matches hand-worked sums of the 2-, 2-, 3, 5- tables', () => {
    // 0450: 0 + 8 + 5*3=15->5 + 0 -> 13 * 3 = 39 -> 9
    expect(fourDigitPriceCheckDigit('0450')).toBe(9);
    // 9999: 7 + 7 + 7 + 1 = 22 * 3 = 66 -> 6
    expect(fourDigitPriceCheckDigit('9999')).toBe(6);
    expect(fourDigitPriceCheckDigit('0000')).toBe(0);
  });

  it('is null for anything but 4 digits', () => {
    for (const bad of ['', '287', '28750', '28a5', '２８７５'])
      expect(fourDigitPriceCheckDigit(bad)).toBeNull();
  });
});

describe('5-digit price check digit (GS1 7.9.4)', () => {
  it('matches the GS1 example: 14685 -> 6', () => {
    expect(fiveDigitPriceCheckDigit('14685')).toBe(6);
  });

  it('matches hand-worked sums of the 5+, 2-, 5-, 5+, 2- tables', () => {
    // 00450: 0 + 0 + 8 + 7 + 0 = 15 -> 20 - 15 = 5 -> "5-" digit 1
    expect(fiveDigitPriceCheckDigit('00450')).toBe(1);
    // 99999: 9 + 7 + 1 + 9 + 7 = 33 -> 7 -> "5-" digit 6
    expect(fiveDigitPriceCheckDigit('99999')).toBe(6);
    // 10000: 5 -> 10 - 5 = 5 -> "5-" digit 1
    expect(fiveDigitPriceCheckDigit('10000')).toBe(1);
  });

  it('is null for anything but 5 digits', () => {
    for (const bad of ['', '1468', '146855', '1468x']) expect(fiveDigitPriceCheckDigit(bad)).toBeNull();
  });
});

describe('priceCheckDigit', () => {
  it('picks the algorithm by length', () => {
    expect(priceCheckDigit('2875')).toBe(9);
    expect(priceCheckDigit('14685')).toBe(6);
    expect(priceCheckDigit('123')).toBeNull();
  });

  it('always gives a digit for 4 or 5 digits, and catches every single-digit change', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{4,5}$/),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (value, at, delta) => {
          const check = priceCheckDigit(value);
          expect(check).not.toBeNull();
          expect(Number.isInteger(check) && (check ?? -1) >= 0 && (check ?? 10) <= 9).toBe(true);
          const i = at % value.length;
          const changed = value.slice(0, i) + String((Number(value[i]) + delta) % 10) + value.slice(i + 1);
          expect(priceCheckDigit(changed)).not.toBe(check);
        },
      ),
    );
  });
});
