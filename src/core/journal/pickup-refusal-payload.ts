import { z } from 'zod';
import { textSchema } from '../values/text';
import { staffIdSchema, uuidV7Schema } from './journal-values';

// A code the pickup desk refused (forged or altered QR, a code no order has,
// another order's code, an order whose signature fails): journaled so the
// refusal survives the desk's restart and reaches the office through the
// journal's push, for whoever looks into a fraud attempt. GDPR data
// minimisation: what was scanned or typed is kept, cut to
// MAX_REFUSED_INPUT characters and made one line (`refusedInputText`), and
// nothing else about the customer: no name, no order content.

export const MAX_REFUSED_INPUT = 40;

export const PICKUP_REFUSAL_REASONS = [
  'malformed-code',
  'unknown-code',
  'code-of-another-order',
  // the order's signature, checked offline (src/data/order-token-verifier.ts)
  'unsigned',
  'malformed',
  'other-key',
  'bad-signature',
  'unsupported',
  'malformed-claims',
  'other-order',
  'content-changed',
] as const;
export const pickupRefusalReasonSchema = z.enum(PICKUP_REFUSAL_REASONS);
export type PickupRefusalReason = z.infer<typeof pickupRefusalReasonSchema>;

export const pickupCodeRefusedPayloadSchema = z.strictObject({
  /** What was scanned or typed, one line, at most MAX_REFUSED_INPUT characters (may be empty). */
  input: textSchema('one-line', { max: MAX_REFUSED_INPUT }),
  reason: pickupRefusalReasonSchema,
  /** The order the code was checked against, when there was one. */
  orderId: uuidV7Schema.nullable(),
  /** Who was signed in at the desk (null: nobody, as when a scan arrives while signing out). */
  staffId: staffIdSchema.nullable(),
});
export type PickupCodeRefusedPayload = z.infer<typeof pickupCodeRefusedPayloadSchema>;

/** The refused text as the payload keeps it: control characters and separators as spaces, cut to the bound. */
export function refusedInputText(raw: string): string {
  const oneLine = raw.replace(/[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/gu, ' ').trim();
  // Cut between code points, so a pair is never split into a lone surrogate.
  let cut = '';
  for (const point of oneLine) {
    if (cut.length + point.length > MAX_REFUSED_INPUT) break;
    cut += point;
  }
  return cut.trim();
}
