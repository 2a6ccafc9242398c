import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatReceiptNumber } from '../journal/receipt-number';
import { parseScan } from './parse-scan';
import {
  encodeKioskOrderCode,
  encodePickupCode,
  encodeReceiptCode,
  PICKUP_CODE_ALPHABET,
  parseProjectCode,
} from './project-codes';
import { defaultScanConfig } from './scan-config';

const ORDER_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('till code encoders', () => {
  it('print the documented formats, upper case for QR alphanumeric mode', () => {
    expect(encodeReceiptCode('PAR01-03-000123')).toEqual({ ok: true, value: 'POS1:R:PAR01-03-000123' });
    expect(encodeKioskOrderCode(ORDER_ID)).toEqual({ ok: true, value: `POS1:K:${ORDER_ID.toUpperCase()}` });
    expect(encodePickupCode('7KQ4M2')).toEqual({ ok: true, value: 'POS1:P:7KQ4M2' });
  });

  it('print only characters of the QR alphanumeric set', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.stringMatching(/^[2-9A-HJKMNP-TV-Z]{6,8}$/), (uuid, pickup) => {
        for (const encoded of [encodeKioskOrderCode(uuid), encodePickupCode(pickup)]) {
          expect(encoded.ok && /^[0-9A-Z $%*+\-./:]+$/.test(encoded.value)).toBe(true);
        }
      }),
    );
  });

  it('canonicalise the receipt sequence to its 6-digit padding', () => {
    expect(encodeReceiptCode('PAR01-03-0000123')).toEqual({ ok: true, value: 'POS1:R:PAR01-03-000123' });
  });

  it.each([
    ['receipt', () => encodeReceiptCode('par01-03-000123')],
    ['receipt', () => encodeReceiptCode('PAR01-03-123')],
    ['kiosk order', () => encodeKioskOrderCode('not-a-uuid')],
    ['pickup', () => encodePickupCode('ABCDE')],
    ['pickup', () => encodePickupCode('ABCDE1')],
    ['pickup', () => encodePickupCode('ABCDEFGHJ')],
    ['pickup', () => encodePickupCode('abcdef')],
  ])('refuse an invalid %s', (_kind, encode) => {
    expect(encode()).toMatchObject({ ok: false, error: { code: 'invalid-project-code' } });
  });
});

describe('till codes through parseScan', () => {
  it('reads a receipt code from a QR scan', () => {
    expect(parseScan(']Q1POS1:R:PAR01-03-000123', defaultScanConfig)).toEqual({
      ok: true,
      value: {
        kind: 'receipt',
        receiptNumber: 'PAR01-03-000123',
        raw: ']Q1POS1:R:PAR01-03-000123',
        aim: ']Q1',
      },
    });
  });

  it('reads a kiosk order code from a Code 128 scan and gives the order id in lower case', () => {
    expect(parseScan(`]C0POS1:K:${ORDER_ID.toUpperCase()}`, defaultScanConfig)).toMatchObject({
      ok: true,
      value: { kind: 'kiosk-order', orderId: ORDER_ID },
    });
  });

  it('reads a pickup code without AIM prefix', () => {
    expect(parseScan('POS1:P:7KQ4M2\r', defaultScanConfig)).toMatchObject({
      ok: true,
      value: { kind: 'pickup', pickupCode: '7KQ4M2' },
    });
  });

  it('ignores case, since Caps Lock inverts what a keyboard-wedge scanner types', () => {
    expect(parseScan('pos1:p:7kq4m2', defaultScanConfig)).toMatchObject({
      ok: true,
      value: { pickupCode: '7KQ4M2' },
    });
    expect(parseScan('pos1:r:par01-03-000123', defaultScanConfig)).toMatchObject({
      ok: true,
      value: { receiptNumber: 'PAR01-03-000123' },
    });
  });

  it('round-trips every code the encoders can print', () => {
    const receipt = fc.record({
      storeCode: fc.stringMatching(/^[A-Z0-9]{2,8}$/),
      tillCode: fc.stringMatching(/^[A-Z0-9]{1,4}$/),
      sequence: fc.integer({ min: 0, max: 999_999_999 }),
    });
    fc.assert(
      fc.property(receipt, fc.uuid(), fc.stringMatching(/^[2-9A-HJKMNP-TV-Z]{6,8}$/), (r, uuid, pickup) => {
        const receiptNumber = formatReceiptNumber(r);
        const cases = [
          [encodeReceiptCode(receiptNumber), { kind: 'receipt', receiptNumber }],
          [encodeKioskOrderCode(uuid), { kind: 'kiosk-order', orderId: uuid.toLowerCase() }],
          [encodePickupCode(pickup), { kind: 'pickup', pickupCode: pickup }],
        ] as const;
        for (const [encoded, expected] of cases) {
          expect(encoded.ok).toBe(true);
          expect(parseScan(encoded.ok ? encoded.value : '', defaultScanConfig)).toMatchObject({
            ok: true,
            value: expected,
          });
        }
      }),
    );
  });

  it.each([
    ['POS1:R:nope', 7],
    ['POS1:K:1234', 7],
    ['POS1:P:IL0O1U', 7],
    ['POS1:X:whatever', 5],
    ['POS1:R', 5],
    ['POS2:R:PAR01-03-000123', 0],
  ])('reports a malformed till code %j at %i', (raw, position) => {
    expect(parseScan(raw, defaultScanConfig)).toMatchObject({
      ok: false,
      error: { code: 'invalid-project-code', position },
    });
  });

  it('shifts till code error positions past the AIM prefix', () => {
    expect(parseScan(']Q1POS1:R:nope', defaultScanConfig)).toMatchObject({
      ok: false,
      error: { position: 10 },
    });
  });

  it('does not read other QR/Code 128 text', () => {
    expect(parseScan(']Q1https://example.com', defaultScanConfig)).toMatchObject({
      ok: false,
      error: { code: 'unknown-format' },
    });
  });

  it('uses a pickup alphabet without look-alike characters', () => {
    expect(PICKUP_CODE_ALPHABET).toHaveLength(30);
    expect(PICKUP_CODE_ALPHABET).not.toMatch(/[01ILOU]/);
    expect(parseProjectCode(`POS1:P:${PICKUP_CODE_ALPHABET.slice(0, 8)}`).ok).toBe(true);
  });
});
