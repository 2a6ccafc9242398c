import { describe, expect, it } from 'vitest';
import { parseScan } from './parse-scan';
import { defaultScanConfig, type ScanConfig } from './scan-config';

const GS = '\u001d';
const GTIN = '0103017620422003';
const config = defaultScanConfig;

describe('parseScan: GS1-128 / GS1 DataMatrix / GS1 QR / DataBar', () => {
  it('reads a ]C1 GS1-128 with separators into its fields', () => {
    expect(parseScan(`]C1${GTIN}10LOT42${GS}17251231${GS}21SN0001`, config)).toEqual({
      ok: true,
      value: {
        kind: 'gs1',
        raw: `]C1${GTIN}10LOT42${GS}17251231${GS}21SN0001`,
        aim: ']C1',
        gtin: '3017620422003',
        batch: 'LOT42',
        expiry: '2025-12-31',
        serial: 'SN0001',
        elements: [
          { ai: '01', value: '03017620422003' },
          { ai: '10', value: 'LOT42' },
          { ai: '17', value: '251231' },
          { ai: '21', value: 'SN0001' },
        ],
      },
    });
  });

  it.each([']C1', ']d2', ']Q3', ']e0'])('treats %s as a GS1 element string', (aim) => {
    expect(parseScan(`${aim}${GTIN}17251231`, config)).toMatchObject({
      ok: true,
      value: { kind: 'gs1', aim, gtin: '3017620422003', expiry: '2025-12-31' },
    });
  });

  it('reads the same label in several AI orders, with and without AIM prefix', () => {
    const orders = [
      `${GTIN}17251231${'10LOT42'}`,
      `]C117251231${GTIN}10LOT42`,
      `10LOT42${GS}17251231${GTIN}`,
      `]C117251231${'10LOT42'}${GS}${GTIN}`,
      `]d210LOT42${GS}${GTIN}17251231`,
    ];
    for (const raw of orders) {
      expect(parseScan(raw, config)).toMatchObject({
        ok: true,
        value: { kind: 'gs1', gtin: '3017620422003', batch: 'LOT42', expiry: '2025-12-31' },
      });
    }
  });

  it('reads a bare element string that starts with a GS (FNC1 sent as GS)', () => {
    expect(parseScan(`${GS}10LOT42${GS}${GTIN}`, config)).toMatchObject({ ok: true, value: { kind: 'gs1' } });
  });

  it('reads a configured separator alias as GS', () => {
    const tilde: ScanConfig = { ...config, gs1SeparatorAliases: ['~'] };
    expect(parseScan(`${GTIN}10LOT42~17251231`, tilde)).toMatchObject({
      ok: true,
      value: { batch: 'LOT42', expiry: '2025-12-31' },
    });
    expect(parseScan(`${GTIN}10LOT42~17251231`, config)).toMatchObject({
      ok: false,
      error: { code: 'invalid-element-value', ai: '10' },
    });
  });

  it('rejects a lost separator as ambiguous, pointing at the element that may hide others', () => {
    expect(parseScan(`]C1${GTIN}10LOT4217251231`, config)).toMatchObject({
      ok: false,
      error: { code: 'ambiguous-element-string', position: 19 },
    });
  });

  it('reads the day 00 of GS1 dates as the last day of the month', () => {
    const expiry = (yymmdd: string) => {
      const scan = parseScan(`${GTIN}17${yymmdd}`, config);
      return scan.ok && scan.value.kind === 'gs1' ? scan.value.expiry : scan;
    };
    expect(expiry('240200')).toBe('2024-02-29');
    expect(expiry('250200')).toBe('2025-02-28');
    expect(expiry('250400')).toBe('2025-04-30');
    expect(expiry('251200')).toBe('2025-12-31');
  });

  it('reads AI 15 as the best-before date', () => {
    expect(parseScan(`${GTIN}15260115`, config)).toMatchObject({
      ok: true,
      value: { bestBefore: '2026-01-15' },
    });
  });

  it.each([
    ['3103001234', 1234],
    ['3102000150', 1500],
    ['3100000002', 2000],
    ['3105123456', 1235],
  ])('reads net weight %s as %i g', (element, grams) => {
    expect(parseScan(`${GTIN}${element}`, config)).toMatchObject({
      ok: true,
      value: { netWeightGrams: grams },
    });
  });

  it.each([
    ['39220450', 450],
    ['392012', 1200],
    ['392304500', 450],
    ['39221234567', 1234567],
  ])('reads amount payable %s as %i cents', (element, minor) => {
    expect(parseScan(`${GTIN}${element}`, config)).toMatchObject({ ok: true, value: { priceMinor: minor } });
  });

  it('rejects an amount payable with sub-cent digits', () => {
    expect(parseScan(`${GTIN}392304505`, config)).toMatchObject({
      ok: false,
      error: { code: 'invalid-element-value', ai: '3923', position: 16 },
    });
  });

  it('keeps a GTIN-14 with a non-zero indicator (case of trade units) as 14 digits', () => {
    expect(parseScan('0113017620422000', config)).toMatchObject({
      ok: true,
      value: { gtin: '13017620422000' },
    });
  });

  it('keeps elements it has no field for in `elements`', () => {
    expect(parseScan(`]C100376123450000012347${GS}3712`, config)).toMatchObject({
      ok: true,
      value: {
        elements: [
          { ai: '00', value: '376123450000012347' },
          { ai: '37', value: '12' },
        ],
      },
    });
  });

  it('reports errors at their position in the raw input, AIM prefix included', () => {
    expect(parseScan(`]C1${GTIN}99X`, config)).toMatchObject({
      ok: false,
      error: { code: 'unknown-ai', position: 19 },
    });
    expect(parseScan(']C10103017620422004', config)).toMatchObject({
      ok: false,
      error: { code: 'bad-check-digit', position: 18 },
    });
    expect(parseScan(']C1010301762042', config)).toMatchObject({
      ok: false,
      error: { code: 'truncated-element', ai: '01', position: 3 },
    });
  });

  it('takes a bare string for GS1 only when it contains GS or starts with an SSCC or GTIN element', () => {
    expect(parseScan('1725123110LOT', config)).toMatchObject({
      ok: false,
      error: { code: 'unknown-format' },
    });
    expect(parseScan(`1725123110LOT${GS}`, config)).toMatchObject({ ok: true, value: { batch: 'LOT' } });
    expect(parseScan(']C11725123110LOT', config)).toMatchObject({ ok: true, value: { batch: 'LOT' } });
    expect(parseScan('0103017620422004', config)).toMatchObject({
      ok: false,
      error: { code: 'bad-check-digit' },
    });
  });
});
