import { describe, expect, it } from 'vitest';
import { defaultScanConfig, parseScan } from '../../src/core/barcodes';
import { scanEventSchema } from '../../src/core/bridge/bridge-methods';
import { type RecordedCode, reportBuffers } from '../simulators/hid-scanner/recorded-hid-reports';
import { splitAimPrefix } from './aim-prefix';
import { HidPosAssembler } from './hid/hid-pos-report';
import { ScanLineSplitter } from './serial/scan-line-splitter';

// What the drivers emit is what the renderer parses: recorded HID reports
// and serial lines, once turned into scan events, read as the products they are.

function hidEvent(code: RecordedCode) {
  const assembler = new HidPosAssembler();
  const results = reportBuffers(code).map((report) => assembler.push(report));
  const last = results.at(-1);
  if (last?.kind !== 'code') throw new Error(`${code} did not assemble`);
  return scanEventSchema.parse({
    deviceId: 'hid',
    source: 'hid',
    data: last.data,
    symbology: last.symbology,
  });
}

function serialEvents(bytes: string) {
  return new ScanLineSplitter('CR')
    .push(Buffer.from(bytes, 'latin1'))
    .map((line) => scanEventSchema.parse({ deviceId: 'serial', source: 'serial', ...splitAimPrefix(line) }));
}

const parseEvent = (event: { data: string; symbology?: string | undefined }) =>
  parseScan(`${event.symbology ?? ''}${event.data}`, defaultScanConfig);

describe('scan events parse with parseScan', () => {
  it('EAN-13 from HID POS, with and without AIM id', () => {
    for (const code of ['ean13', 'ean13WithoutAim'] as const) {
      expect(parseEvent(hidEvent(code))).toMatchObject({
        ok: true,
        value: { kind: 'gtin', gtin: '3017620422003' },
      });
    }
    expect(parseEvent(hidEvent('ean13'))).toMatchObject({ value: { aim: ']E0', format: 'ean13' } });
  });

  it('EAN-8 from HID POS', () => {
    expect(parseEvent(hidEvent('ean8'))).toMatchObject({
      ok: true,
      value: { kind: 'gtin', format: 'ean8', gtin: '96385074' },
    });
  });

  it('a GS1 DataMatrix spanning three HID reports', () => {
    const event = hidEvent('gs1DataMatrix');
    const expected = {
      kind: 'gs1',
      gtin: '3760123456784',
      batch: 'LOT-2026-11-23-A0042',
      expiry: '2026-12-31',
      serial: 'SN7Q4Z0000123456789X',
      netWeightGrams: 750,
      priceMinor: 549,
    };
    expect(parseEvent(event)).toMatchObject({ ok: true, value: { ...expected, aim: ']d2' } });
    // The data alone (no AIM hint) still reads as GS1: it starts with AI 01.
    expect(parseScan(event.data, defaultScanConfig)).toMatchObject({ ok: true, value: expected });
  });

  it('a till receipt QR code from HID POS', () => {
    expect(parseEvent(hidEvent('receiptQr'))).toMatchObject({
      ok: true,
      value: { kind: 'receipt', receiptNumber: 'PAR01-03-000123' },
    });
  });

  it('serial lines, with and without AIM prefix, GS kept', () => {
    const events = serialEvents(`3017620422003\r]C101037601234567841726123110LOT7\x1d21SN1\r`);
    expect(events.map((event) => event.symbology)).toEqual([undefined, ']C1']);
    expect(parseEvent(events[0] as (typeof events)[0])).toMatchObject({
      ok: true,
      value: { gtin: '3017620422003' },
    });
    expect(parseEvent(events[1] as (typeof events)[0])).toMatchObject({
      ok: true,
      value: { kind: 'gs1', gtin: '3760123456784', batch: 'LOT7', serial: 'SN1' },
    });
  });
});
