import { err, ok, type Result } from '../../../src/core/result';
import { decodeAmount, decodeBcd, decodeBcdDigits } from './bcd';
import { codecError, type ZvtCodecError } from './codec-error';

// BMPs (bitmaps) are tagged fields: one tag byte, then a fixed length, an
// LL-var / LLL-var length written as 0xF? digits, or (BMP 06 only) a BER-TLV
// length. The table is the specification's BMP summary (PA00P015, "Summary of
// utilised BMPs"), checked against public implementations: wirelane/ecrterm
// ecrterm/packets/bitmaps.py and Portalum/Portalum.Zvt Parsers/BmpParser.cs.
// A tag missing from the table cannot be skipped, because its length is not
// on the wire: reading stops there and the rest is kept raw (see scanBmps).
export type Shape = number | 'LL' | 'LLL' | 'TLV';
const LL_TEXT_LINES = [
  0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
];
export const BMP_SHAPES: ReadonlyMap<number, Shape> = new Map<number, Shape>([
  [0x01, 1], // timeout
  [0x02, 1], // max. status infos
  [0x03, 1], // service byte
  [0x04, 6], // amount, BCD cents
  [0x05, 1], // pump number
  [0x06, 'TLV'], // TLV container: BER length, not LLL-var
  [0x0b, 3], // trace number, BCD
  [0x0c, 3], // time HHMMSS
  [0x0d, 2], // date MMDD
  [0x0e, 2], // expiry date YYMM
  [0x17, 2], // card sequence number
  [0x19, 1], // payment type / status byte
  [0x22, 'LL'], // PAN / EF_ID, BCD, E = masked digit, F = pad
  [0x23, 'LL'], // track 2
  [0x24, 'LLL'], // track 3
  [0x27, 1], // result code
  [0x29, 4], // terminal id, BCD
  [0x2a, 15], // VU number, ASCII
  [0x2d, 'LL'], // track 1
  [0x2e, 'LLL'], // synchronous chip data (LLL-var in the specification, not LL)
  [0x37, 3], // trace number of the original transaction
  [0x3a, 2], // CVV/CVC
  [0x3b, 8], // AID authorisation attribute
  [0x3c, 'LLL'], // additional data / additional text
  [0x3d, 3], // password
  [0x49, 2], // currency code
  [0x4c, 'LL'], // blocked goods groups
  [0x60, 'LLL'], // individual totals
  [0x70, 4], // display image request id
  [0x71, 4], // display image size
  [0x72, 1], // image MIME type
  [0x73, 1], // image encoding
  [0x74, 1], // image chunk count
  [0x75, 1], // image chunk index
  [0x87, 2], // receipt number, BCD
  [0x88, 3], // turnover record number
  [0x8a, 1], // ZVT card type
  [0x8b, 'LL'], // card name, ASCII (often NUL-terminated)
  [0x8c, 1], // card type id of the network operator
  [0x92, 'LLL'], // additional data ec-Cash with chip offline
  [0x9a, 'LLL'], // Geldkarte records
  [0xa0, 1], // result code AS
  [0xa7, 'LL'], // chip data EF_ID
  [0xaa, 3], // date YYMMDD
  [0xaf, 'LLL'], // EF_Info
  [0xba, 5], // AID parameter
  [0xd0, 1], // algorithm key
  [0xd1, 'LL'], // card offset / PIN data
  [0xd2, 1], // direction
  [0xd3, 1], // key position
  [0xe0, 1], // min. input length
  [0xe9, 1], // max. input length
  [0xea, 1], // echo input
  [0xeb, 8], // MAC over text 1 and 2
  [0xf0, 1], // display duration
  [0xf9, 1], // beep tones
  [0xfa, 1], // card reader activation / status
  [0xfb, 1], // confirmation with OK required
  [0xfc, 1], // dialog control
  [0xfd, 1], // display device
  ...LL_TEXT_LINES.map((tag): [number, Shape] => [tag, 'LL']),
]);

export type Bmp = { readonly tag: number; readonly value: Uint8Array };

function readVarLength(bytes: Uint8Array, at: number, digits: number): Result<number, ZvtCodecError> {
  let length = 0;
  for (let i = 0; i < digits; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) return err(codecError('truncated', 'BMP length cut short'));
    if (byte >> 4 !== 0x0f || (byte & 0x0f) > 9)
      return err(codecError('bad-length', 'BMP length not 0xF0-0xF9'));
    length = length * 10 + (byte & 0x0f);
  }
  return ok(length);
}

/** BER-TLV length (as in BMP 06): < 0x80 is the length; 0x81 nn; 0x82 nn nn. */
export function readTlvLength(
  bytes: Uint8Array,
  at: number,
): Result<{ length: number; size: number }, ZvtCodecError> {
  const first = bytes[at];
  if (first === undefined) return err(codecError('truncated', 'TLV length cut short'));
  if (first < 0x80) return ok({ length: first, size: 1 });
  const count = first & 0x7f;
  if (count === 0 || count > 2)
    return err(codecError('bad-length', `TLV length form 0x${first.toString(16)}`));
  let length = 0;
  for (let i = 1; i <= count; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) return err(codecError('truncated', 'TLV length cut short'));
    length = (length << 8) | byte;
  }
  return ok({ length, size: 1 + count });
}

function tlvLengthPrefix(length: number): number[] {
  if (length < 0x80) return [length];
  if (length <= 0xff) return [0x81, length];
  return [0x82, length >> 8, length & 0xff];
}

/** Reads the BMP at `at`: its value and where the next one starts. */
function readBmp(bytes: Uint8Array, at: number): Result<{ bmp: Bmp; next: number }, ZvtCodecError> {
  const tag = bytes[at] ?? 0;
  const shape = BMP_SHAPES.get(tag);
  if (shape === undefined) return err(codecError('unknown-bmp', `unknown BMP 0x${tag.toString(16)}`));
  let start = at + 1;
  let length: number;
  if (typeof shape === 'number') {
    length = shape;
  } else if (shape === 'TLV') {
    const read = readTlvLength(bytes, start);
    if (!read.ok) return read;
    length = read.value.length;
    start += read.value.size;
  } else {
    const digits = shape === 'LL' ? 2 : 3;
    const read = readVarLength(bytes, start, digits);
    if (!read.ok) return read;
    length = read.value;
    start += digits;
  }
  if (start + length > bytes.length)
    return err(codecError('truncated', `BMP 0x${tag.toString(16)} cut short`));
  return ok({ bmp: { tag, value: bytes.slice(start, start + length) }, next: start + length });
}

/** Strict: every BMP must be known and well formed (used for commands the simulator receives). */
export function parseBmps(bytes: Uint8Array): Result<Bmp[], ZvtCodecError> {
  const out: Bmp[] = [];
  let at = 0;
  while (at < bytes.length) {
    const read = readBmp(bytes, at);
    if (!read.ok) return read;
    out.push(read.value.bmp);
    at = read.value.next;
  }
  return ok(out);
}

/** What a tolerant read found: the BMPs before any problem, and the bytes from the problem on. */
export type BmpScan = {
  readonly bmps: readonly Bmp[];
  readonly unread?: { readonly bytes: Uint8Array; readonly reason: string };
};

/**
 * Tolerant: reads BMPs until the end or until one cannot be delimited (an
 * unknown tag, a broken length); from there the bytes are kept as they are.
 * It never fails, so a terminal message stays readable whatever it carries.
 */
export function scanBmps(bytes: Uint8Array): BmpScan {
  const bmps: Bmp[] = [];
  let at = 0;
  while (at < bytes.length) {
    const read = readBmp(bytes, at);
    if (!read.ok) return { bmps, unread: { bytes: bytes.slice(at), reason: read.error.message } };
    bmps.push(read.value.bmp);
    at = read.value.next;
  }
  return { bmps };
}

/** Encodes a BMP with its length prefix (used by the simulator and commands). */
export function encodeBmp(tag: number, value: Uint8Array): Uint8Array {
  const shape = BMP_SHAPES.get(tag);
  const prefix: number[] = [tag];
  if (shape === 'LL' || shape === 'LLL') {
    const digits = value.length.toString().padStart(shape === 'LL' ? 2 : 3, '0');
    for (const digit of digits) prefix.push(0xf0 | Number(digit));
  } else if (shape === 'TLV') {
    prefix.push(...tlvLengthPrefix(value.length));
  }
  const out = new Uint8Array(prefix.length + value.length);
  out.set(prefix, 0);
  out.set(value, prefix.length);
  return out;
}

/** The fields of a status information (04 0F) the till uses, plus everything else kept raw. */
export type StatusInformation = {
  readonly resultCode?: number;
  readonly amountMinor?: number;
  readonly trace?: number;
  readonly receiptNo?: number;
  readonly maskedPan?: string;
  readonly terminalId?: string;
  readonly cardType?: number;
  /** BMP 8B, the card's name as the terminal prints it ("Debit Mastercard"). */
  readonly cardName?: string;
  /** BMPs the till does not read, or could not decode, as hex "tag:value" (for the journal). */
  readonly unusedHex?: readonly string[];
  /** Bytes after a BMP that could not be delimited, in hex, with why. */
  readonly unreadHex?: string;
  readonly unreadReason?: string;
};

const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

// PAN digits are BCD; the specification marks a masked digit with E and pads
// with F, but terminals also send other nibbles A-D (a track-2 separator 'D',
// other masking characters): every non-digit shows as '*', F padding is dropped.
function decodePan(value: Uint8Array): string {
  let pan = '';
  for (const byte of value) {
    for (const nibble of [byte >> 4, byte & 0x0f]) {
      if (nibble <= 9) pan += String(nibble);
      else if (nibble !== 0x0f) pan += '*';
    }
  }
  return pan;
}

export function encodePan(pan: string): Uint8Array {
  const nibbles = [...pan].map((c) => (c === '*' ? 0x0e : Number(c)));
  if (nibbles.length % 2 === 1) nibbles.push(0x0f);
  const out = new Uint8Array(nibbles.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = ((nibbles[2 * i] ?? 0) << 4) | (nibbles[2 * i + 1] ?? 0);
  return out;
}

function cardNameOf(value: Uint8Array): string | undefined {
  const end = value.indexOf(0);
  const text = Buffer.from(end === -1 ? value : value.subarray(0, end))
    .toString('latin1')
    .trim();
  return /^[\x20-\x7e\xa0-\xff]{1,40}$/.test(text) ? text : undefined;
}

/**
 * Reads a status information. Never fails: what the outcome needs (result
 * code, amount, trace and receipt numbers) is read when it is there and well
 * formed; every other field, known or not, decodable or not, is kept raw.
 */
export function parseStatusInformation(data: Uint8Array): StatusInformation {
  const scan = scanBmps(data);
  const info: { -readonly [K in keyof StatusInformation]: StatusInformation[K] } = {};
  const unused: string[] = [];
  const keep = (bmp: Bmp) => unused.push(`${bmp.tag.toString(16).padStart(2, '0')}:${toHex(bmp.value)}`);
  for (const bmp of scan.bmps) {
    const { tag, value } = bmp;
    switch (tag) {
      case 0x27:
        info.resultCode = value[0] ?? 0;
        break;
      case 0x04: {
        const amount = decodeAmount(value);
        if (amount.ok) info.amountMinor = amount.value;
        else keep(bmp);
        break;
      }
      case 0x0b:
      case 0x87: {
        const number = decodeBcd(value);
        if (!number.ok) keep(bmp);
        else if (tag === 0x0b) info.trace = number.value;
        else info.receiptNo = number.value;
        break;
      }
      case 0x22:
        info.maskedPan = decodePan(value);
        break;
      case 0x29: {
        const id = decodeBcdDigits(value);
        if (id.ok) info.terminalId = id.value;
        else keep(bmp);
        break;
      }
      case 0x8a:
        info.cardType = value[0] ?? 0;
        break;
      case 0x8b: {
        const name = cardNameOf(value);
        if (name) info.cardName = name;
        else keep(bmp);
        break;
      }
      default:
        keep(bmp);
        break;
    }
  }
  if (unused.length > 0) info.unusedHex = unused;
  if (scan.unread) {
    info.unreadHex = toHex(scan.unread.bytes);
    info.unreadReason = scan.unread.reason;
  }
  return info;
}
