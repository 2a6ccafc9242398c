import { err, ok, type Result } from '../../../src/core/result';
import { decodeAmount, decodeBcd, decodeBcdDigits } from './bcd';
import { codecError, type ZvtCodecError } from './codec-error';

// BMPs (bitmaps) are tagged fields: one tag byte, then a fixed length or an
// LLVAR/LLLVAR length written as 0xF? nibbles. An unknown tag cannot be
// skipped (its length is not on the wire), so it is an error.
type Shape = number | 'LL' | 'LLL';
const SHAPES: ReadonlyMap<number, Shape> = new Map<number, Shape>([
  [0x01, 1],
  [0x02, 1],
  [0x03, 1],
  [0x04, 6],
  [0x05, 1],
  [0x0b, 3],
  [0x0c, 3],
  [0x0d, 2],
  [0x0e, 2],
  [0x17, 2],
  [0x19, 1],
  [0x22, 'LL'],
  [0x23, 'LL'],
  [0x24, 'LLL'],
  [0x27, 1],
  [0x29, 4],
  [0x2a, 15],
  [0x2d, 'LL'],
  [0x2e, 'LL'],
  [0x37, 3],
  [0x3a, 2],
  [0x3b, 8],
  [0x3c, 'LLL'],
  [0x49, 2],
  [0x60, 'LLL'],
  [0x87, 2],
  [0x88, 3],
  [0x8a, 1],
  [0x8b, 'LL'],
  [0x8c, 1],
  [0x9a, 'LLL'],
  [0xa0, 1],
  [0xa7, 'LL'],
  [0xaa, 3],
  [0xaf, 'LLL'],
  [0xba, 5],
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

export function parseBmps(bytes: Uint8Array): Result<Bmp[], ZvtCodecError> {
  const out: Bmp[] = [];
  let at = 0;
  while (at < bytes.length) {
    const tag = bytes[at] ?? 0;
    const shape = SHAPES.get(tag);
    if (shape === undefined) return err(codecError('unknown-bmp', `unknown BMP 0x${tag.toString(16)}`));
    at += 1;
    let length: number;
    if (typeof shape === 'number') {
      length = shape;
    } else {
      const digits = shape === 'LL' ? 2 : 3;
      const read = readVarLength(bytes, at, digits);
      if (!read.ok) return read;
      length = read.value;
      at += digits;
    }
    if (at + length > bytes.length)
      return err(codecError('truncated', `BMP 0x${tag.toString(16)} cut short`));
    out.push({ tag, value: bytes.slice(at, at + length) });
    at += length;
  }
  return ok(out);
}

/** Encodes a BMP with its length prefix (used by the simulator and commands). */
export function encodeBmp(tag: number, value: Uint8Array): Uint8Array {
  const shape = SHAPES.get(tag);
  const prefix: number[] = [tag];
  if (shape === 'LL' || shape === 'LLL') {
    const digits = value.length.toString().padStart(shape === 'LL' ? 2 : 3, '0');
    for (const digit of digits) prefix.push(0xf0 | Number(digit));
  }
  const out = new Uint8Array(prefix.length + value.length);
  out.set(prefix, 0);
  out.set(value, prefix.length);
  return out;
}

/** The fields of a status information (04 0F) the till cares about. */
export type StatusInformation = {
  readonly resultCode?: number;
  readonly amountMinor?: number;
  readonly trace?: number;
  readonly receiptNo?: number;
  readonly maskedPan?: string;
  readonly terminalId?: string;
  readonly cardType?: number;
};

// PAN digits are BCD; 0xE marks a masked digit and 0xF pads the last byte.
function decodePan(value: Uint8Array): Result<string, ZvtCodecError> {
  let pan = '';
  for (const byte of value) {
    for (const nibble of [byte >> 4, byte & 0x0f]) {
      if (nibble <= 9) pan += String(nibble);
      else if (nibble === 0x0e) pan += '*';
      else if (nibble === 0x0f) continue;
      else return err(codecError('bad-bcd', 'PAN nibble not a digit, E or F'));
    }
  }
  return ok(pan);
}

export function encodePan(pan: string): Uint8Array {
  const nibbles = [...pan].map((c) => (c === '*' ? 0x0e : Number(c)));
  if (nibbles.length % 2 === 1) nibbles.push(0x0f);
  const out = new Uint8Array(nibbles.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = ((nibbles[2 * i] ?? 0) << 4) | (nibbles[2 * i + 1] ?? 0);
  return out;
}

export function parseStatusInformation(data: Uint8Array): Result<StatusInformation, ZvtCodecError> {
  const bmps = parseBmps(data);
  if (!bmps.ok) return bmps;
  const info: {
    -readonly [K in keyof StatusInformation]: StatusInformation[K];
  } = {};
  for (const { tag, value } of bmps.value) {
    switch (tag) {
      case 0x27:
        info.resultCode = value[0] ?? 0;
        break;
      case 0x04: {
        const amount = decodeAmount(value);
        if (!amount.ok) return amount;
        info.amountMinor = amount.value;
        break;
      }
      case 0x0b:
      case 0x87: {
        const number = decodeBcd(value);
        if (!number.ok) return number;
        if (tag === 0x0b) info.trace = number.value;
        else info.receiptNo = number.value;
        break;
      }
      case 0x22: {
        const pan = decodePan(value);
        if (!pan.ok) return pan;
        info.maskedPan = pan.value;
        break;
      }
      case 0x29: {
        const id = decodeBcdDigits(value);
        if (!id.ok) return id;
        info.terminalId = id.value;
        break;
      }
      case 0x8a:
        info.cardType = value[0] ?? 0;
        break;
      default:
        // Other BMPs are well-formed but not needed by the till.
        break;
    }
  }
  return ok(info);
}
