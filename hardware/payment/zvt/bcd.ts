import { err, ok, type Result } from '../../../src/core/result';
import { codecError, type ZvtCodecError } from './codec-error';

// ZVT amounts are 6 bytes of packed BCD cents: 12 digits, so the largest is
// 9 999 999 999,99. Integer digit arithmetic only, never floats.
export const AMOUNT_BYTES = 6;
const MAX_AMOUNT_MINOR = 999_999_999_999;

/** Packs a non-negative integer into `bytes` bytes of BCD (most significant first). */
export function encodeBcd(value: number, bytes: number): Result<Uint8Array, ZvtCodecError> {
  if (!Number.isSafeInteger(value) || value < 0) {
    return err(codecError('amount-out-of-range', `not a non-negative integer: ${String(value)}`));
  }
  const digits = value.toString();
  if (digits.length > bytes * 2) {
    return err(codecError('amount-out-of-range', `${digits} does not fit in ${bytes} BCD bytes`));
  }
  const padded = digits.padStart(bytes * 2, '0');
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    out[i] = (Number(padded[2 * i]) << 4) | Number(padded[2 * i + 1]);
  }
  return ok(out);
}

/** Reads packed BCD as a decimal string of digits; a nibble above 9 is an error. */
export function decodeBcdDigits(bytes: Uint8Array): Result<string, ZvtCodecError> {
  let digits = '';
  for (const byte of bytes) {
    const high = byte >> 4;
    const low = byte & 0x0f;
    if (high > 9 || low > 9) return err(codecError('bad-bcd', `not BCD: 0x${byte.toString(16)}`));
    digits += `${high}${low}`;
  }
  return ok(digits);
}

export function decodeBcd(bytes: Uint8Array): Result<number, ZvtCodecError> {
  const digits = decodeBcdDigits(bytes);
  if (!digits.ok) return digits;
  // At most 12 digits in an amount, 6 in a trace number: both safe integers.
  if (digits.value.length > 15) return err(codecError('bad-length', 'BCD number too long'));
  return ok(digits.value.length === 0 ? 0 : Number.parseInt(digits.value, 10));
}

/** Minor units (cents) to the 6-byte ZVT amount; refuses what does not fit. */
export function encodeAmount(minor: number): Result<Uint8Array, ZvtCodecError> {
  if (Number.isSafeInteger(minor) && minor > MAX_AMOUNT_MINOR) {
    return err(codecError('amount-out-of-range', `amount ${minor} exceeds 6 BCD bytes`));
  }
  return encodeBcd(minor, AMOUNT_BYTES);
}

export function decodeAmount(bytes: Uint8Array): Result<number, ZvtCodecError> {
  if (bytes.length !== AMOUNT_BYTES) return err(codecError('bad-length', `amount has ${bytes.length} bytes`));
  return decodeBcd(bytes);
}
