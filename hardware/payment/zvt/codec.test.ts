import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApduStreamParser, apdu, decodeApdu, encodeApdu } from './apdu';
import { decodeAmount, encodeAmount } from './bcd';
import { encodeBmp, encodePan, parseBmps, parseStatusInformation } from './bmp';
import { crc16Kermit } from './crc';
import { authorization, classify } from './messages';
import { decodeFrame, encodeFrame, FrameReader } from './serial-frame';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const bytes = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replaceAll(' ', ''), 'hex'));

describe('BCD amounts', () => {
  it('encodes 12,34 € as 00 00 00 00 12 34 and back', () => {
    const encoded = encodeAmount(1234);
    expect(encoded.ok && hex(encoded.value)).toBe('000000001234');
    expect(decodeAmount(bytes('000000001234'))).toEqual({ ok: true, value: 1234 });
    expect(decodeAmount(bytes('999999999999'))).toEqual({ ok: true, value: 999_999_999_999 });
  });
  it('refuses amounts over 6 bytes, negative or fractional', () => {
    for (const bad of [1_000_000_000_000, -1, 12.5, Number.NaN]) {
      const result = encodeAmount(bad);
      expect(result.ok ? 'ok' : result.error.code).toBe('amount-out-of-range');
    }
  });
  it('refuses non-BCD nibbles', () => {
    const result = decodeAmount(bytes('00000000123A'));
    expect(result.ok ? 'ok' : result.error.code).toBe('bad-bcd');
  });
});

describe('APDU', () => {
  it('encodes short and long LEN', () => {
    const short = encodeApdu(apdu(0x06, 0x01, bytes('04000000001234')));
    expect(short.ok && hex(short.value)).toBe('06010704000000001234');
    const long = encodeApdu(apdu(0x06, 0xd1, new Uint8Array(300)));
    expect(long.ok && hex(long.value.subarray(0, 5))).toBe('06d1ff2c01');
    expect(long.ok && decodeApdu(long.value)).toEqual({
      ok: true,
      value: apdu(0x06, 0xd1, new Uint8Array(300)),
    });
  });
  it('reports truncated and trailing bytes', () => {
    const cut = decodeApdu(bytes('060107040000'));
    expect(cut.ok ? 'ok' : cut.error.code).toBe('truncated');
    const extra = decodeApdu(bytes('80000000'));
    expect(extra.ok ? 'ok' : extra.error.code).toBe('bad-length');
  });
  it('splits a stream across arbitrary reads', () => {
    const stream = bytes('800000 04ff0100 060f00');
    const parser = new ApduStreamParser();
    const seen = [...stream].flatMap((byte) => parser.push(Uint8Array.of(byte)));
    expect(seen.map((m) => [m.cls, m.instr])).toEqual([
      [0x80, 0x00],
      [0x04, 0xff],
      [0x06, 0x0f],
    ]);
  });
  it('builds the authorization command', () => {
    const command = authorization(1234);
    expect(command.ok && encodeApdu(command.value)).toEqual({
      ok: true,
      value: bytes('06010704000000001234'),
    });
  });
});

describe('status information (04 0F)', () => {
  it('parses the BMPs into a typed record', () => {
    const data = Uint8Array.from([
      ...bytes('2700'),
      ...bytes('04000000001234'),
      ...bytes('0b000042'),
      ...bytes('870007'),
      ...encodeBmp(0x22, encodePan('4761********0010')),
      ...bytes('2912345678'),
      ...bytes('8a05'),
      ...bytes('490978'),
    ]);
    expect(parseStatusInformation(data)).toEqual({
      resultCode: 0,
      amountMinor: 1234,
      trace: 42,
      receiptNo: 7,
      maskedPan: '4761********0010',
      terminalId: '12345678',
      cardType: 5,
      unusedHex: ['49:0978'],
    });
  });
  it('encodes LLVAR lengths as F-nibbles', () => {
    expect(hex(encodeBmp(0x22, bytes('4761')))).toBe('22f0f24761');
  });
  it('reports unknown tags and cut fields', () => {
    const unknown = parseBmps(bytes('ff00'));
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('unknown-bmp');
    const cut = parseBmps(bytes('0400000000'));
    expect(cut.ok ? 'ok' : cut.error.code).toBe('truncated');
    const badLength = parseBmps(bytes('22a1'));
    expect(badLength.ok ? 'ok' : badLength.error.code).toBe('bad-length');
  });
});

describe('CRC-16/KERMIT and serial frames', () => {
  it('has the check value 0x2189', () => {
    expect(crc16Kermit(new TextEncoder().encode('123456789'))).toBe(0x2189);
  });
  it('doubles DLE in the APDU and round-trips', () => {
    const message = apdu(0x06, 0xd1, bytes('10ff'));
    const frame = encodeFrame(message);
    expect(frame.ok && hex(frame.value.subarray(0, 8))).toBe('100206d1021010ff');
    expect(frame.ok && decodeFrame(frame.value)).toEqual({ ok: true, value: message });
  });
  it('reads frames through garbage and split reads, flags bad CRC', () => {
    const good = encodeFrame(apdu(0x80, 0x00));
    if (!good.ok) throw new Error('encode failed');
    const corrupt = Uint8Array.from(good.value);
    corrupt[corrupt.length - 1] = (corrupt[corrupt.length - 1] ?? 0) ^ 0xff;
    const stream = Uint8Array.from([0x41, 0x42, ...corrupt, 0x00, ...good.value, 0x06, 0x15]);
    const reader = new FrameReader();
    const events = [...stream].flatMap((byte) => reader.push(Uint8Array.of(byte)));
    expect(events.map((e) => (e.kind === 'bad-frame' ? e.error.code : e.kind))).toEqual([
      'bad-crc',
      'frame',
      'ack',
      'nak',
    ]);
  });
});

describe('hostile input', () => {
  it('decoders never throw on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (input) => {
        decodeApdu(input);
        parseBmps(input);
        parseStatusInformation(input);
        decodeAmount(input);
        decodeFrame(input);
        new FrameReader().push(input);
        const parsed = new ApduStreamParser().push(input);
        for (const message of parsed) classify(message);
      }),
      { numRuns: 2000 },
    );
  });
  it('round-trips any APDU through a serial frame', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.uint8Array({ maxLength: 600 }),
        (cls, instr, data) => {
          const frame = encodeFrame(apdu(cls, instr, data));
          expect(frame.ok && decodeFrame(frame.value)).toEqual({ ok: true, value: apdu(cls, instr, data) });
        },
      ),
    );
  });
});
