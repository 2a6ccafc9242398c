import { describe, expect, it } from 'vitest';
import { isCurrencyCode, minorDigits } from './currency';

describe('minorDigits', () => {
  it.each([
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['XPF', 0],
    ['BHD', 3],
  ])('%s has %i digits from the table', (code, digits) => {
    expect(minorDigits(code)).toBe(digits);
  });

  it('falls back to Intl for codes outside the table', () => {
    // Vietnamese dong (0 digits) and Australian dollar (2) are not in the table.
    expect(minorDigits('VND')).toBe(0);
    expect(minorDigits('AUD')).toBe(2);
  });

  it('refuses malformed codes', () => {
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('EURO')).toBe(false);
    expect(() => minorDigits('€')).toThrow(RangeError);
  });

  // Regression: the table was a plain object, so these found Object.prototype's members.
  it.each(['toString', '__proto__', 'constructor'])(
    'refuses %s rather than answer from the prototype',
    (code) => {
      expect(() => minorDigits(code)).toThrow(RangeError);
    },
  );
});
