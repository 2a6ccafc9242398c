import { z } from 'zod';
import { pickupCodeFromBytes } from '../orders/pickup-code';
import { err, ok, type Result } from '../result';

// A gift voucher's code: printed on a pre-made voucher card (scanned when the
// card is sold) or minted by the till and printed on the receipt. Stored and
// compared in upper case, without spaces, whatever the scanner or the
// keyboard typed, so one voucher has one spelling.

export const giftVoucherCodeSchema = z
  .string()
  .regex(/^[A-Z0-9-]{6,32}$/, 'gift voucher code: 6-32 characters A-Z 0-9 -');
export type GiftVoucherCode = z.infer<typeof giftVoucherCodeSchema>;

/** Minted codes: "GV" and 8 symbols of the pickup alphabet (no 0/O, 1/I/L, U): 30⁸ ≈ 6.6 × 10¹¹ codes. */
export const MINTED_VOUCHER_PREFIX = 'GV';

/** What a person typed or scanned, as the till stores it; undefined when it cannot be a voucher code. */
export function normalizeVoucherCode(text: string): GiftVoucherCode | undefined {
  const code = text.replace(/\s+/g, '').toUpperCase();
  return giftVoucherCodeSchema.safeParse(code).success ? code : undefined;
}

/** A new code from 18 random bytes of the caller's source (retry on an error: probability below 10⁻⁸). */
export function mintVoucherCode(bytes: Uint8Array): Result<GiftVoucherCode, 'not-enough-random-bytes'> {
  const body = pickupCodeFromBytes(bytes, 8);
  return body.ok ? ok(`${MINTED_VOUCHER_PREFIX}${body.value}`) : err('not-enough-random-bytes');
}
export const VOUCHER_CODE_BYTE_BUDGET = 18;
