import { describe, expect, it } from 'vitest';
import { parseScan } from './parse-scan';
import { defaultScanConfig, type ScanConfig } from './scan-config';

const config = defaultScanConfig;

describe('parseScan: EAN-13, EAN-8, UPC-A, UPC-E', () => {
  it('reads a plain EAN-13', () => {
    expect(parseScan('3017620422003', config)).toEqual({
      ok: true,
      value: {
        kind: 'gtin',
        raw: '3017620422003',
        aim: null,
        format: 'ean13',
        gtin: '3017620422003',
        restrictedCirculation: false,
      },
    });
  });

  it.each(['3017620422003\r\n', '3017620422003\n', '3017620422003\t', '\r3017620422003\r'])(
    'trims the CR/LF/TAB terminators scanners send: %j',
    (raw) => {
      expect(parseScan(raw, config)).toMatchObject({
        ok: true,
        value: { raw: '3017620422003', gtin: '3017620422003' },
      });
    },
  );

  it('reads a 12-digit UPC-A and keys it as GTIN-13 with a leading zero', () => {
    expect(parseScan('036000291452', config)).toMatchObject({
      ok: true,
      value: { kind: 'gtin', format: 'upca', gtin: '0036000291452' },
    });
  });

  it('reads an EAN-8 as GTIN-8', () => {
    expect(parseScan('96385074', config)).toMatchObject({
      ok: true,
      value: { kind: 'gtin', format: 'ean8', gtin: '96385074', restrictedCirculation: false },
    });
  });

  it('marks EAN-8 starting 0 or 2 as restricted circulation', () => {
    // 2000000: 3*2 = 6 -> check digit 4
    expect(parseScan('20000004', config)).toMatchObject({ ok: true, value: { restrictedCirculation: true } });
  });

  it('reads an 8-digit code as UPC-E when the AIM prefix says ]E0', () => {
    expect(parseScan(']E004252614', config)).toMatchObject({
      ok: true,
      value: { kind: 'gtin', format: 'upce', gtin: '0042100005264', aim: ']E0' },
    });
  });

  it('reads a bare 8-digit code as UPC-E when the store configured it so', () => {
    const upce: ScanConfig = { ...config, bareEightDigits: 'upce' };
    expect(parseScan('04252614', upce)).toMatchObject({
      ok: true,
      value: { format: 'upce', gtin: '0042100005264' },
    });
  });

  it('verifies the UPC-E check digit on the expanded UPC-A', () => {
    expect(parseScan(']E004252615', config)).toMatchObject({
      ok: false,
      error: { code: 'bad-check-digit', position: 10 },
    });
    expect(parseScan(']E024252614', config)).toMatchObject({
      ok: false,
      error: { code: 'bad-number-system', position: 3 },
    });
  });

  it('strips ]E0 from EAN-13 and UPC-A, and ]E4 from EAN-8', () => {
    expect(parseScan(']E03017620422003', config)).toMatchObject({
      ok: true,
      value: { format: 'ean13', aim: ']E0' },
    });
    expect(parseScan(']E0036000291452', config)).toMatchObject({ ok: true, value: { format: 'upca' } });
    expect(parseScan(']E496385074', config)).toMatchObject({
      ok: true,
      value: { format: 'ean8', gtin: '96385074' },
    });
  });

  it('keeps a 2- or 5-digit add-on sent with ]E3', () => {
    expect(parseScan(']E3977123456700312', config)).toMatchObject({
      ok: true,
      value: { kind: 'gtin', gtin: '9771234567003', addOn: '12' },
    });
    expect(parseScan(']E3978020137962451234', config)).toMatchObject({
      ok: true,
      value: { gtin: '9780201379624', addOn: '51234' },
    });
    expect(parseScan(']E303600029145212', config)).toMatchObject({
      ok: true,
      value: { format: 'upca', gtin: '0036000291452', addOn: '12' },
    });
  });

  it('refuses an add-on read alone', () => {
    expect(parseScan(']E112', config)).toMatchObject({
      ok: false,
      error: { code: 'unsupported-symbology', aim: ']E1' },
    });
    expect(parseScan(']E251234', config)).toMatchObject({
      ok: false,
      error: { code: 'unsupported-symbology' },
    });
  });

  it('reports a wrong check digit at the check digit, AIM prefix included', () => {
    expect(parseScan('3017620422004', config)).toMatchObject({
      ok: false,
      error: { code: 'bad-check-digit', position: 12 },
    });
    expect(parseScan(']E03017620422004', config)).toMatchObject({ ok: false, error: { position: 15 } });
    expect(parseScan('96385075', config)).toMatchObject({ ok: false, error: { code: 'bad-check-digit' } });
  });

  it('rejects ]E0/]E4 data of the wrong shape as unknown-format', () => {
    for (const raw of [']E0123', ']E0301762042200A', ']E43017620422003']) {
      expect(parseScan(raw, config)).toMatchObject({ ok: false, error: { code: 'unknown-format' } });
    }
  });

  it.each(['1234567', '12345678901', '12345678901234', '301762042200a', '3017 620422003'])(
    'does not guess at digit strings of other lengths or with non-digits: %j',
    (raw) => {
      expect(parseScan(raw, config)).toMatchObject({ ok: false, error: { code: 'unknown-format' } });
    },
  );
});
