import { describe, expect, it } from 'vitest';
import { decodeApdu } from './apdu';
import { encodeBmp, parseBmps, parseStatusInformation, scanBmps } from './bmp';
import { REAL_MESSAGES, REAL_STATUS_INFORMATION, SPEC_EXAMPLES } from './fixtures/real-terminal-traces';
import { classify } from './messages';
import { decodeFrame } from './serial-frame';

// The codec against bytes real terminals sent (see the fixture file's header
// for the public repositories they come from) and against the specification's
// formats, not only against our own simulator.

const statusOf = (bytes: Uint8Array) => {
  const message = decodeApdu(bytes);
  if (!message.ok) throw new Error(message.error.message);
  const said = classify(message.value);
  if (!said.ok || said.value.kind !== 'status-information') throw new Error('not a status information');
  return said.value.info;
};

describe('status information recorded from real terminals', () => {
  it('reads every recorded status information completely, nothing left unread', () => {
    for (const trace of Object.values(REAL_STATUS_INFORMATION)) {
      const message = decodeApdu(trace.apdu);
      expect(message.ok, trace.name).toBe(true);
      if (!message.ok) continue;
      expect(parseBmps(message.value.data).ok, `${trace.name} (${trace.source})`).toBe(true);
      expect(statusOf(trace.apdu).unreadHex, trace.name).toBeUndefined();
    }
  });

  it('a TLV container (BMP 06) no longer makes an approval unreadable', () => {
    expect(statusOf(REAL_STATUS_INFORMATION.visaWithTlv.apdu)).toMatchObject({
      resultCode: 0,
      amountMinor: 1000,
      trace: 733,
      receiptNo: 2,
      terminalId: '42003036',
      cardType: 0x0a,
      cardName: 'VISA',
      maskedPan: '474843******7743',
    });
    const info = statusOf(REAL_STATUS_INFORMATION.tlvMastercard.apdu);
    expect(info).toMatchObject({ resultCode: 0, amountMinor: 2040, receiptNo: 5, cardType: 6 });
    // The container is kept raw for the journal.
    expect(info.unusedHex?.some((field) => field.startsWith('06:2f08'))).toBe(true);
  });

  it('a masked PAN with hex nibbles A-F (here a D) is read, not refused', () => {
    expect(statusOf(REAL_STATUS_INFORMATION.panWithHexNibble.apdu)).toMatchObject({
      resultCode: 0,
      amountMinor: 4000,
      trace: 613995,
      receiptNo: 175,
      maskedPan: '5966666666*20021220100',
      cardType: 2,
    });
  });

  it('reads the Maestro approval and the abort by key', () => {
    expect(statusOf(REAL_STATUS_INFORMATION.approvedMaestro.apdu)).toMatchObject({
      resultCode: 0,
      amountMinor: 2040,
      trace: 470,
      receiptNo: 470,
      terminalId: '28004869',
      cardType: 0x2e,
      cardName: 'Debit Mastercard',
      maskedPan: '************4771',
    });
    expect(statusOf(REAL_STATUS_INFORMATION.abortByKey.apdu)).toMatchObject({
      resultCode: 0x6c,
      terminalId: '28004869',
    });
  });
});

describe('the BMP table of the specification', () => {
  it('BMP 2E (synchronous chip data) is LLL-var', () => {
    expect(parseBmps(SPEC_EXAMPLES.syncChipDataThenResult)).toEqual({
      ok: true,
      value: [
        { tag: 0x2e, value: Uint8Array.of(0xaa, 0xbb, 0xcc) },
        { tag: 0x27, value: Uint8Array.of(0) },
      ],
    });
    expect([...encodeBmp(0x2e, Uint8Array.of(1))]).toEqual([0x2e, 0xf0, 0xf0, 0xf1, 1]);
  });

  it('BMP 06 takes a BER length, also the two-byte form', () => {
    const bmps = parseBmps(SPEC_EXAMPLES.longTlvThenResult);
    expect(bmps.ok && bmps.value.map((b) => [b.tag, b.value.length])).toEqual([
      [0x06, 128],
      [0x27, 1],
    ]);
    expect([...encodeBmp(0x06, new Uint8Array(0))]).toEqual([0x06, 0x00]);
    expect([...encodeBmp(0x06, new Uint8Array(200)).subarray(0, 3)]).toEqual([0x06, 0x81, 200]);
  });

  it('knows the tags named in the specification summary', () => {
    const samples: [number, Uint8Array][] = [
      [0x92, Uint8Array.of(0xf0, 0xf0, 0xf1, 0x01)],
      [0x3d, Uint8Array.of(0, 0, 0)],
      [0xd0, Uint8Array.of(1)],
      [0xd1, Uint8Array.of(0xf0, 0xf1, 9)],
      [0xd2, Uint8Array.of(1)],
      [0xd3, Uint8Array.of(1)],
      [0xe0, Uint8Array.of(1)],
      [0xe1, Uint8Array.of(0xf0, 0xf1, 0x41)],
      [0xeb, new Uint8Array(8)],
      [0xf0, Uint8Array.of(1)],
      [0xf1, Uint8Array.of(0xf0, 0xf1, 0x41)],
      [0xfc, Uint8Array.of(1)],
    ];
    for (const [tag, rest] of samples) {
      const parsed = parseBmps(Uint8Array.of(tag, ...rest, 0x27, 0x00));
      expect(parsed.ok ? parsed.value.map((b) => b.tag) : parsed.error.message, tag.toString(16)).toEqual([
        tag,
        0x27,
      ]);
    }
  });

  it('masked PAN: LL-var BCD, E for a masked digit, F padding dropped', () => {
    const info = parseStatusInformation(SPEC_EXAMPLES.maskedPanOddLength);
    expect(info.maskedPan).toBe('476173******001');
  });

  it('an unknown tag stops the reading but keeps what came before, and the rest raw', () => {
    const data = Uint8Array.from([
      0x27, 0x00, 0x04, 0, 0, 0, 0, 0x12, 0x34, 0x0b, 0, 0, 0x42, 0xff, 0x01, 0x02,
    ]);
    const info = parseStatusInformation(data);
    expect(info).toMatchObject({ resultCode: 0, amountMinor: 1234, trace: 42, unreadHex: 'ff0102' });
    expect(scanBmps(data).unread?.reason).toMatch(/unknown BMP 0xff/);
  });

  it('a malformed optional field is kept raw; the result code after it is still read', () => {
    // Terminal id with a non-BCD nibble, then card name, then the result code.
    const data = Uint8Array.from([0x29, 0x12, 0x3a, 0x56, 0x78, 0x8a, 0x05, 0x27, 0x00, 0x87, 0x00, 0x07]);
    const info = parseStatusInformation(data);
    expect(info).toMatchObject({ resultCode: 0, receiptNo: 7, cardType: 5, unusedHex: ['29:123a5678'] });
    expect(info.terminalId).toBeUndefined();
  });
});

describe('other recorded messages', () => {
  it('the status-enquiry completion frame has a good CRC and carries no transaction data', () => {
    const message = decodeFrame(REAL_MESSAGES.statusEnquiryCompletionFrame);
    expect(message.ok && [message.value.cls, message.value.instr]).toEqual([0x06, 0x0f]);
    const said = message.ok ? classify(message.value) : undefined;
    expect(said?.ok && said.value.kind).toBe('completion');
  });

  it('decodes the long status-enquiry completion and the ECR commands', () => {
    for (const bytes of [
      REAL_MESSAGES.statusEnquiryCompletion,
      REAL_MESSAGES.authorizationWithOptions,
      REAL_MESSAGES.registrationWithTlv,
      SPEC_EXAMPLES.authorizationWithCurrencyAndEmptyTlv,
    ]) {
      expect(decodeApdu(bytes).ok).toBe(true);
    }
    const auth = decodeApdu(REAL_MESSAGES.authorizationWithOptions);
    expect(auth.ok && parseBmps(auth.value.data).ok).toBe(true);
    const withTlv = decodeApdu(SPEC_EXAMPLES.authorizationWithCurrencyAndEmptyTlv);
    expect(withTlv.ok && parseBmps(withTlv.value.data)).toEqual({
      ok: true,
      value: [
        { tag: 0x04, value: Uint8Array.of(0, 0, 0, 0, 0x13, 0x08) },
        { tag: 0x49, value: Uint8Array.of(0x09, 0x78) },
        { tag: 0x06, value: new Uint8Array(0) },
      ],
    });
  });
});
