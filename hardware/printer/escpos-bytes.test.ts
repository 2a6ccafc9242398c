import { describe, expect, it } from 'vitest';
import {
  align,
  bold,
  code128,
  cut,
  drawerKick,
  ean13,
  feedLines,
  hriBelow,
  init,
  qrCode,
  selectCodePage,
  statusQuery,
  textSize,
} from './escpos-bytes';
import { encodeWpc1252 } from './wpc1252';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').replace(/(..)/g, '$1 ').trim();

describe('ESC/POS encoders', () => {
  it('encodes the simple commands', () => {
    expect(hex(init())).toBe('1b 40');
    expect(hex(selectCodePage())).toBe('1b 74 10');
    expect(hex(selectCodePage(19))).toBe('1b 74 13');
    expect(hex(align('left'))).toBe('1b 61 00');
    expect(hex(align('center'))).toBe('1b 61 01');
    expect(hex(align('right'))).toBe('1b 61 02');
    expect(hex(bold(true))).toBe('1b 45 01');
    expect(hex(bold(false))).toBe('1b 45 00');
    expect(hex(feedLines(3))).toBe('1b 64 03');
    expect(hex(hriBelow())).toBe('1d 48 02');
  });

  it('puts the width in the high nibble of GS !', () => {
    expect(hex(textSize(1, 1))).toBe('1d 21 00');
    expect(hex(textSize(2, 1))).toBe('1d 21 10');
    expect(hex(textSize(1, 2))).toBe('1d 21 01');
    expect(hex(textSize(2, 2))).toBe('1d 21 11');
    expect(() => textSize(9, 1)).toThrow(RangeError);
  });

  it('cuts without resetting the printer afterwards', () => {
    expect(hex(cut())).toBe('1d 56 42 00');
    expect(hex(cut(false))).toBe('1d 56 41 00');
  });

  it('kicks the drawer with the timing bytes', () => {
    expect(hex(drawerKick())).toBe('1b 70 00 19 fa');
  });

  it('queries real-time status', () => {
    expect(hex(statusQuery(1))).toBe('10 04 01');
    expect(hex(statusQuery(4))).toBe('10 04 04');
  });

  it('encodes a QR code: model 2, size, error level, store, print', () => {
    expect(hex(qrCode('AB', { moduleSize: 4, errorLevel: 'Q' }))).toBe(
      [
        '1d 28 6b 04 00 31 41 32 00',
        '1d 28 6b 03 00 31 43 04',
        '1d 28 6b 03 00 31 45 32',
        '1d 28 6b 05 00 31 50 30 41 42',
        '1d 28 6b 03 00 31 51 30',
      ].join(' '),
    );
    expect(() => qrCode('é')).toThrow(RangeError);
  });

  it('encodes EAN-13 from 12 digits, checking a given check digit', () => {
    expect(hex(ean13('3017620422003'))).toBe('1d 6b 43 0c 33 30 31 37 36 32 30 34 32 32 30 30');
    expect(() => ean13('3017620422004')).toThrow(RangeError);
  });

  it('encodes Code 128 set B, doubling braces', () => {
    expect(hex(code128('A{'))).toBe('1d 6b 49 05 7b 42 41 7b 7b');
  });

  it('encodes French text in WPC1252', () => {
    expect(hex(encodeWpc1252('é€œŒ à ç ù'))).toBe('e9 80 9c 8c 20 e0 20 e7 20 f9');
    expect(hex(encodeWpc1252('a\u00a0b'))).toBe('61 a0 62');
    expect(hex(encodeWpc1252('ș\n'))).toBe('3f 3f');
  });
});
