import { describe, expect, it } from 'vitest';
import { parseScan } from './parse-scan';
import {
  defaultScanConfig,
  type RestrictedCirculationLayout,
  restrictedCirculationLayoutSchema,
} from './scan-config';
import { encodeVariableMeasure } from './variable-measure';

// A scale label's value digits carry `valueDecimals` implied decimals. Every
// other price test uses 2 decimals, where the printed integer happens to be
// the cents; a reader that took it as cents whatever the layout says charged
// a tenth (1 decimal) or a hundredth (0 decimals) of the price. Each allowed
// number of decimals is tested both ways: a label as a scale prints it read
// into cents or grams, and a value written into a label then read back.

const layout = (measure: 'price' | 'weight', valueDecimals: number): RestrictedCirculationLayout =>
  restrictedCirculationLayoutSchema.parse({
    prefix: '22',
    articleDigits: 5,
    valueDigits: 5,
    valueDecimals,
    measure,
    priceCheckDigit: false,
  });

const read = (label: string, used: RestrictedCirculationLayout) =>
  parseScan(label, { ...defaultScanConfig, restrictedCirculation: [used] });

/** The GS1 mod-10 check digit, written out here so the test does not grade gtin.ts with itself. */
function withCheck(data: string): string {
  let sum = 0;
  [...data].reverse().forEach((d, i) => {
    sum += Number(d) * (i % 2 === 0 ? 3 : 1);
  });
  return `${data}${(10 - (sum % 10)) % 10}`;
}

describe('price labels with 0, 1 or 2 decimals', () => {
  // The same printed digits 01234 mean 1 234 €, 123,4 € or 12,34 €.
  it.each([
    [0, 123_400],
    [1, 12_340],
    [2, 1_234],
  ])('reads the printed value 01234 with %i decimals as %i cents', (decimals, cents) => {
    const label = withCheck('220004201234');
    expect(read(label, layout('price', decimals))).toMatchObject({
      ok: true,
      value: { kind: 'variable-measure', article: '00042', measure: { type: 'price', minor: cents } },
    });
  });

  it.each([
    // [decimals, price in cents, the integer the scale prints for it]
    [0, 4_500, 45],
    [1, 4_550, 455],
    [2, 4_559, 4_559],
  ])('writes a %i-decimal label and reads %i cents back from it', (decimals, cents, printed) => {
    const used = layout('price', decimals);
    const encoded = encodeVariableMeasure(used, '00042', printed);
    if (!encoded.ok) throw new Error(encoded.error);
    expect(encoded.value.slice(7, 12)).toBe(String(printed).padStart(5, '0'));
    expect(read(encoded.value, used)).toMatchObject({
      ok: true,
      value: { measure: { type: 'price', minor: cents } },
    });
  });

  it('refuses a price layout with more decimals than cents', () => {
    expect(
      restrictedCirculationLayoutSchema.safeParse({ ...layout('price', 2), valueDecimals: 3 }).success,
    ).toBe(false);
  });
});

describe('weight labels with 0 to 3 decimals', () => {
  it.each([
    [0, 1_234_000],
    [1, 123_400],
    [2, 12_340],
    [3, 1_234],
  ])('reads the printed value 01234 with %i decimals as %i grams', (decimals, grams) => {
    const label = withCheck('220004201234');
    expect(read(label, layout('weight', decimals))).toMatchObject({
      ok: true,
      value: { measure: { type: 'weight', grams } },
    });
  });

  it.each([
    [0, 2_000, 2],
    [1, 2_500, 25],
    [2, 2_540, 254],
    [3, 2_543, 2_543],
  ])('writes a %i-decimal label and reads %i g back from it', (decimals, grams, printed) => {
    const used = layout('weight', decimals);
    const encoded = encodeVariableMeasure(used, '00042', printed);
    if (!encoded.ok) throw new Error(encoded.error);
    expect(read(encoded.value, used)).toMatchObject({
      ok: true,
      value: { measure: { type: 'weight', grams } },
    });
  });
});
