import { z } from 'zod';
import { err, ok, type Result } from '../result';

// The code a click-and-collect customer shows at the pickup desk (printed as
// the QR "POS1:P:<code>"). 6-8 characters from 30 symbols: digits and capitals
// without the look-alikes 0/O, 1/I/L, and without U (Crockford's choice, it
// turns words obscene), the same alphabet as src/core/barcodes.
//
// The server mints codes from random bytes it supplies. A byte maps to
// ALPHABET[byte % 30] only when byte < 240 (8 × 30): the 16 bytes above would
// make the first 16 symbols more likely, so they are skipped (rejection
// sampling). Each kept byte is thus uniform over the 30 symbols.

export const PICKUP_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PICKUP_CODE_MIN_LENGTH = 6;
export const PICKUP_CODE_MAX_LENGTH = 8;
/** 30^8 ≈ 6.6 × 10^11 codes: guessing a live one at the desk is hopeless. */
export const DEFAULT_PICKUP_CODE_LENGTH = 8;

const ALPHABET_SIZE = PICKUP_CODE_ALPHABET.length;
/** Largest multiple of the alphabet size that fits in a byte: bytes from here on are skipped. */
const UNBIASED_BYTE_LIMIT = Math.floor(256 / ALPHABET_SIZE) * ALPHABET_SIZE;

export const pickupCodeSchema = z
  .string()
  .regex(/^[2-9A-HJKMNP-TV-Z]{6,8}$/, 'pickup code: 6-8 characters of 2-9 and A-Z without I, L, O, U');
export type PickupCode = z.infer<typeof pickupCodeSchema>;

export function isValidPickupCode(text: string): text is PickupCode {
  return pickupCodeSchema.safeParse(text).success;
}

/**
 * Bytes to pass to `pickupCodeFromBytes` so that running out is negligible:
 * each byte is kept with probability 240/256, so length + 10 bytes come up
 * short with probability below 10^-8 (then retry with fresh bytes).
 */
export function pickupCodeByteBudget(length: number = DEFAULT_PICKUP_CODE_LENGTH): number {
  return length + 10;
}

export type PickupCodeError =
  | { readonly code: 'invalid-length'; readonly length: number }
  | { readonly code: 'not-enough-random-bytes'; readonly needed: number; readonly usable: number };

/** A pickup code from cryptographically random `bytes` (caller's source), without modulo bias. */
export function pickupCodeFromBytes(
  bytes: Uint8Array,
  length: number = DEFAULT_PICKUP_CODE_LENGTH,
): Result<PickupCode, PickupCodeError> {
  if (!Number.isInteger(length) || length < PICKUP_CODE_MIN_LENGTH || length > PICKUP_CODE_MAX_LENGTH) {
    return err({ code: 'invalid-length', length });
  }
  let code = '';
  for (const byte of bytes) {
    if (code.length === length) break;
    if (byte < UNBIASED_BYTE_LIMIT) code += PICKUP_CODE_ALPHABET.charAt(byte % ALPHABET_SIZE);
  }
  if (code.length < length)
    return err({ code: 'not-enough-random-bytes', needed: length, usable: code.length });
  return ok(code);
}
