import { describe, expect, it } from 'vitest';
import {
  defaultScanConfig,
  type RestrictedCirculationLayout,
  restrictedCirculationLayoutSchema,
  scanConfigSchema,
} from './scan-config';

const layout = {
  prefix: '21',
  articleDigits: 5,
  valueDigits: 5,
  valueDecimals: 2,
  measure: 'price',
  priceCheckDigit: false,
} satisfies RestrictedCirculationLayout;

describe('scan config schema', () => {
  it('accepts the French default, which is what settings start from', () => {
    expect(scanConfigSchema.safeParse(defaultScanConfig).success).toBe(true);
  });

  it('default maps 21-25 to prices in cents and 26-28 to weights in grams, all 2X AAAAA VVVVV C', () => {
    const byPrefix = new Map(defaultScanConfig.restrictedCirculation.map((l) => [l.prefix, l]));
    for (const prefix of ['21', '22', '23', '24', '25']) {
      expect(byPrefix.get(prefix)).toMatchObject({ measure: 'price', valueDecimals: 2, articleDigits: 5 });
    }
    for (const prefix of ['26', '27', '28']) {
      expect(byPrefix.get(prefix)).toMatchObject({ measure: 'weight', valueDecimals: 3, valueDigits: 5 });
    }
    expect(byPrefix.has('20')).toBe(false);
    expect(byPrefix.has('02')).toBe(false);
  });

  it('rejects a layout that does not add up to 13 digits', () => {
    expect(restrictedCirculationLayoutSchema.safeParse({ ...layout, articleDigits: 4 }).success).toBe(false);
    expect(restrictedCirculationLayoutSchema.safeParse({ ...layout, priceCheckDigit: true }).success).toBe(
      false,
    );
  });

  it('accepts a price check digit only in front of a 4- or 5-digit value', () => {
    const checked = { ...layout, priceCheckDigit: true, articleDigits: 4 };
    expect(restrictedCirculationLayoutSchema.safeParse(checked).success).toBe(true);
    const sixDigits = { ...layout, priceCheckDigit: true, articleDigits: 3, valueDigits: 6 };
    expect(restrictedCirculationLayoutSchema.safeParse(sixDigits).success).toBe(false);
  });

  it('rejects prefixes outside the restricted-circulation ranges 02 and 20-29', () => {
    for (const prefix of ['30', '2', '04', '2x', '2123']) {
      expect(restrictedCirculationLayoutSchema.safeParse({ ...layout, prefix }).success).toBe(false);
    }
  });

  it('rejects a price with sub-cent decimals', () => {
    expect(restrictedCirculationLayoutSchema.safeParse({ ...layout, valueDecimals: 3 }).success).toBe(false);
  });

  it('rejects the same prefix twice', () => {
    const config = { ...defaultScanConfig, restrictedCirculation: [layout, layout] };
    expect(scanConfigSchema.safeParse(config).success).toBe(false);
  });

  it('accepts separator aliases only outside the GS1 character set', () => {
    expect(
      scanConfigSchema.safeParse({ ...defaultScanConfig, gs1SeparatorAliases: ['~', '|'] }).success,
    ).toBe(true);
    for (const alias of ['A', '1', '-', '~~', '']) {
      expect(scanConfigSchema.safeParse({ ...defaultScanConfig, gs1SeparatorAliases: [alias] }).success).toBe(
        false,
      );
    }
  });
});
