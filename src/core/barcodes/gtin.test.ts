import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, hasValidGtinCheckDigit, normaliseGtin, withGtinCheckDigit } from './gtin';

describe('GS1 check digit', () => {
  it.each([
    ['301762042200', '3017620422003'],
    ['03600029145', '036000291452'],
    ['9638507', '96385074'],
  ])('completes %s as %s', (data, full) => {
    expect(withGtinCheckDigit(data)).toBe(full);
    expect(hasValidGtinCheckDigit(full)).toBe(true);
  });

  it('rejects a wrong check digit and non-digits', () => {
    expect(hasValidGtinCheckDigit('3017620422004')).toBe(false);
    expect(hasValidGtinCheckDigit('30176204220a3')).toBe(false);
    expect(hasValidGtinCheckDigit('')).toBe(false);
    expect(() => gtinCheckDigit('12a')).toThrow(RangeError);
  });

  it('round-trips for any data digits, and any single changed digit is caught', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{7,17}$/),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (data, at, delta) => {
          const full = withGtinCheckDigit(data);
          expect(hasValidGtinCheckDigit(full)).toBe(true);
          const i = at % full.length;
          const changed = full.slice(0, i) + String((Number(full[i]) + delta) % 10) + full.slice(i + 1);
          expect(hasValidGtinCheckDigit(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('normaliseGtin', () => {
  it.each([
    ['3017620422003', '3017620422003'],
    ['036000291452', '0036000291452'],
    ['96385074', '96385074'],
    ['03017620422003', '3017620422003'],
    ['00036000291452', '0036000291452'],
    ['00000096385074', '96385074'],
    ['13017620422000', '13017620422000'],
  ])('maps %s to the lookup key %s', (code, key) => {
    expect(normaliseGtin(code)).toBe(key);
  });

  it.each(['', '1234567', '30176204220a3', '123456789', '123456789012345'])('has no key for %j', (code) => {
    expect(normaliseGtin(code)).toBeNull();
  });

  it('gives the same key for a UPC-A, its 13-digit form and its GTIN-14 form', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (data) => {
        const upcA = withGtinCheckDigit(data);
        const key = normaliseGtin(upcA);
        expect(key).toHaveLength(13);
        expect(normaliseGtin(`0${upcA}`)).toBe(key);
        expect(normaliseGtin(`00${upcA}`)).toBe(key);
      }),
    );
  });
});
