import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidGtinCheckDigit } from './gtin';
import { parseScan } from './parse-scan';
import { defaultScanConfig, type RestrictedCirculationLayout, type ScanConfig } from './scan-config';
import { encodeVariableMeasure, findRestrictedLayout } from './variable-measure';

const priceLayout: RestrictedCirculationLayout = {
  prefix: '21',
  articleDigits: 5,
  valueDigits: 5,
  valueDecimals: 2,
  measure: 'price',
  priceCheckDigit: false,
};

/** A price check digit costs a digit: 2X AAAAA P VVVV C, or 2X AAAA P VVVVV C. */
const checkedFourDigitPrice: RestrictedCirculationLayout = {
  prefix: '23',
  articleDigits: 5,
  valueDigits: 4,
  valueDecimals: 2,
  measure: 'price',
  priceCheckDigit: true,
};
const checkedFiveDigitPrice: RestrictedCirculationLayout = {
  prefix: '24',
  articleDigits: 4,
  valueDigits: 5,
  valueDecimals: 2,
  measure: 'price',
  priceCheckDigit: true,
};
const checkedConfig: ScanConfig = {
  ...defaultScanConfig,
  restrictedCirculation: [checkedFourDigitPrice, checkedFiveDigitPrice],
};

describe('price-embedded labels, French layout 2X AAAAA VVVVV C', () => {
  it('reads 2123456004502 as article 23456 at 4,50 EUR, looked up with the value zeroed', () => {
    expect(parseScan('2123456004502', defaultScanConfig)).toEqual({
      ok: true,
      value: {
        kind: 'variable-measure',
        raw: '2123456004502',
        aim: null,
        gtin: '2123456004502',
        prefix: '21',
        article: '23456',
        // 212345600000 + check digit 9 (3*(1+3+5+0+0+0) + (2+2+4+6+0+0) = 41 -> 9)
        articleKey: '2123456000009',
        measure: { type: 'price', minor: 450 },
      },
    });
  });

  it('gives every price of the same article the same lookup key', () => {
    const a = parseScan('2123456004502', defaultScanConfig);
    const b = parseScan('2123456123456', defaultScanConfig);
    expect(a.ok && a.value.kind === 'variable-measure' && a.value.articleKey).toBe('2123456000009');
    expect(b.ok && b.value.kind === 'variable-measure' && b.value.articleKey).toBe('2123456000009');
    expect(b.ok && b.value.kind === 'variable-measure' && b.value.measure).toEqual({
      type: 'price',
      minor: 12345,
    });
  });

  it('still checks the EAN-13 check digit first', () => {
    expect(parseScan('2123456004503', defaultScanConfig)).toMatchObject({
      ok: false,
      error: { code: 'bad-check-digit', position: 12 },
    });
  });
});

describe('weight-embedded labels', () => {
  it('reads 2612345012349 (default 26 layout) as article 12345 weighing 1,234 kg', () => {
    // Check digit: 3*(4+2+0+4+2+6) + (3+1+5+3+1+2) = 54 + 15 = 69 -> 1
    const scan = parseScan('2612345012341', defaultScanConfig);
    expect(scan).toMatchObject({
      ok: true,
      value: { kind: 'variable-measure', article: '12345', measure: { type: 'weight', grams: 1234 } },
    });
  });

  it('converts a kilogram value with 2 decimals to grams', () => {
    const config: ScanConfig = {
      ...defaultScanConfig,
      restrictedCirculation: [{ ...priceLayout, prefix: '28', measure: 'weight', valueDecimals: 2 }],
    };
    // 2800042 00150 C: 1,50 kg
    const encoded = encodeVariableMeasure(config.restrictedCirculation[0] ?? priceLayout, '00042', 150);
    expect(encoded.ok).toBe(true);
    const scan = parseScan(encoded.ok ? encoded.value : '', config);
    expect(scan).toMatchObject({ ok: true, value: { measure: { type: 'weight', grams: 1500 } } });
  });

  it('reads a UPC-A number system 2 label through prefix 02', () => {
    const config: ScanConfig = {
      ...defaultScanConfig,
      restrictedCirculation: [{ ...priceLayout, prefix: '02' }],
    };
    // UPC-A 2 12345 00450 C, C = 0 by the GS1 rule; it is the EAN-13 0212345004500.
    const scan = parseScan('212345004500', config);
    expect(scan).toMatchObject({
      ok: true,
      value: { kind: 'variable-measure', gtin: '0212345004500', article: '12345', measure: { minor: 450 } },
    });
  });
});

describe('price check digit inside the label (GS1 7.9.3, 7.9.4)', () => {
  it('accepts a 4-digit price 28,75 with its check digit 9', () => {
    // 23 00042 9 2875 C
    const encoded = encodeVariableMeasure(checkedFourDigitPrice, '00042', 2875);
    expect(encoded).toEqual({ ok: true, value: expect.stringMatching(/^230004292875\d$/) });
    const scan = parseScan(encoded.ok ? encoded.value : '', checkedConfig);
    expect(scan).toMatchObject({
      ok: true,
      value: {
        article: '00042',
        articleKey: expect.stringMatching(/^230004200000\d$/),
        measure: { minor: 2875 },
      },
    });
  });

  it('accepts a 5-digit price 146,85 with its check digit 6', () => {
    const encoded = encodeVariableMeasure(checkedFiveDigitPrice, '0042', 14685);
    expect(encoded).toEqual({ ok: true, value: expect.stringMatching(/^240042614685\d$/) });
    expect(parseScan(encoded.ok ? encoded.value : '', checkedConfig)).toMatchObject({
      ok: true,
      value: { measure: { type: 'price', minor: 14685 } },
    });
  });

  it('rejects a label whose price check digit does not match, even with a valid EAN-13 check digit', () => {
    // 23 00042 8 2875 + a recomputed EAN-13 check digit: only the price check can catch it.
    const wrong = '230004282875';
    const full = wrong + String(eanCheck(wrong));
    expect(hasValidGtinCheckDigit(full)).toBe(true);
    expect(parseScan(full, checkedConfig)).toMatchObject({
      ok: false,
      error: { code: 'bad-price-check-digit', position: 7 },
    });
  });

  it('round-trips any article and value through every layout', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(priceLayout, checkedFourDigitPrice, checkedFiveDigitPrice),
        fc.nat(),
        fc.nat(),
        (layout, articleSeed, valueSeed) => {
          const article = String(articleSeed % 10 ** layout.articleDigits).padStart(
            layout.articleDigits,
            '0',
          );
          const value = valueSeed % 10 ** layout.valueDigits;
          const encoded = encodeVariableMeasure(layout, article, value);
          const config = { ...defaultScanConfig, restrictedCirculation: [layout] };
          const scan = parseScan(encoded.ok ? encoded.value : 'not encoded', config);
          expect(scan).toMatchObject({
            ok: true,
            value: { article, measure: { type: 'price', minor: value } },
          });
        },
      ),
    );
  });
});

describe('layout choice', () => {
  it('uses the longest configured prefix', () => {
    const long = { ...priceLayout, prefix: '215', articleDigits: 4 };
    expect(findRestrictedLayout('2151234004505', [priceLayout, long])).toBe(long);
    expect(findRestrictedLayout('2141234004505', [priceLayout, long])).toBe(priceLayout);
  });

  it('leaves an unconfigured in-store prefix as a plain restricted-circulation GTIN', () => {
    // Prefix 20 is not in the default layouts.
    const code = `200001234567${eanCheck('200001234567')}`;
    expect(parseScan(code, defaultScanConfig)).toMatchObject({
      ok: true,
      value: { kind: 'gtin', format: 'ean13', restrictedCirculation: true },
    });
  });

  it('refuses to encode values that do not fit', () => {
    expect(encodeVariableMeasure(priceLayout, '123', 1).ok).toBe(false);
    expect(encodeVariableMeasure(priceLayout, '12345', 100000).ok).toBe(false);
    expect(encodeVariableMeasure(priceLayout, '12345', -1).ok).toBe(false);
    expect(encodeVariableMeasure(priceLayout, '12345', 1.5).ok).toBe(false);
  });
});

/** Independent re-implementation of the GS1 mod-10 rule, so the tests do not grade gtin.ts with itself. */
function eanCheck(data: string): number {
  let sum = 0;
  [...data].reverse().forEach((d, i) => {
    sum += Number(d) * (i % 2 === 0 ? 3 : 1);
  });
  return (10 - (sum % 10)) % 10;
}
