import { z } from 'zod';
import { formatReceiptNumber, parseReceiptNumber } from '../journal/receipt-number';
import { err, ok, type Result } from '../result';

// Codes the till, kiosk and pickup counter print for themselves, as QR or
// Code 128: "POS1:<type>:<payload>".
//   POS1:R:PAR01-03-000123                        receipt (reprint, refund)
//   POS1:K:0F8FAD5B-D9CB-469F-A165-70867728950E   kiosk order to pay at the till
//   POS1:P:7KQ4M2                                 click-and-collect pickup
// Encoders print upper case only, so a QR code can use its compact
// alphanumeric mode (0-9 A-Z space $ % * + - . / :). Parsing ignores case
// because a keyboard-wedge scanner types inverted case when Caps Lock is on.
// "POS1" versions the format: a later POS2 can coexist on old paper.

export const PROJECT_CODE_PREFIX = 'POS1:';

/** Digits and capitals without 0/O, 1/I/L and U (Crockford), so a code read aloud or typed is unambiguous. */
export const PICKUP_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

export const pickupCodeSchema = z
  .string()
  .regex(/^[2-9A-HJKMNP-TV-Z]{6,8}$/, 'pickup code: 6-8 characters from 2-9 and A-Z without I, L, O, U');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type ProjectCode =
  | { readonly kind: 'receipt'; readonly receiptNumber: string }
  | { readonly kind: 'kiosk-order'; readonly orderId: string }
  | { readonly kind: 'pickup'; readonly pickupCode: string };

export interface ProjectCodeError {
  readonly code: 'invalid-project-code';
  readonly message: string;
  /** Index in the code text where the problem starts. */
  readonly position: number;
}

function invalid(message: string, position: number): Result<never, ProjectCodeError> {
  return err({ code: 'invalid-project-code', message, position });
}

const TYPE_AT = PROJECT_CODE_PREFIX.length;
const PAYLOAD_AT = TYPE_AT + 2;

/** True when `text` claims to be one of our codes (any version), so it must parse as one. */
export function looksLikeProjectCode(text: string): boolean {
  return /^POS\d+:/i.test(text);
}

export function parseProjectCode(text: string): Result<ProjectCode, ProjectCodeError> {
  if (text.slice(0, TYPE_AT).toUpperCase() !== PROJECT_CODE_PREFIX) {
    return invalid(`till code of an unsupported version; expected ${PROJECT_CODE_PREFIX}`, 0);
  }
  const type = text.charAt(TYPE_AT).toUpperCase();
  if (text.charAt(TYPE_AT + 1) !== ':') return invalid('till code needs a type letter and ":"', TYPE_AT);
  const payload = text.slice(PAYLOAD_AT);
  switch (type) {
    case 'R': {
      const parsed = parseReceiptNumber(payload.toUpperCase());
      if (!parsed.ok) return invalid('receipt code does not hold a receipt number', PAYLOAD_AT);
      return ok({ kind: 'receipt', receiptNumber: formatReceiptNumber(parsed.value) });
    }
    case 'K': {
      const orderId = payload.toLowerCase();
      if (!UUID.test(orderId)) return invalid('kiosk order code does not hold a UUID', PAYLOAD_AT);
      return ok({ kind: 'kiosk-order', orderId });
    }
    case 'P': {
      const pickupCode = payload.toUpperCase();
      if (!pickupCodeSchema.safeParse(pickupCode).success) {
        return invalid('pickup code must be 6-8 characters of 2-9 and A-Z without I, L, O, U', PAYLOAD_AT);
      }
      return ok({ kind: 'pickup', pickupCode });
    }
    default:
      return invalid(`unknown till code type "${type}"`, TYPE_AT);
  }
}

/** The text to print for a receipt number such as "PAR01-03-000123". */
export function encodeReceiptCode(receiptNumber: string): Result<string, ProjectCodeError> {
  const parsed = parseReceiptNumber(receiptNumber);
  if (!parsed.ok) return invalid(`not a receipt number: ${receiptNumber}`, 0);
  return ok(`${PROJECT_CODE_PREFIX}R:${formatReceiptNumber(parsed.value)}`);
}

/** The text to print for a kiosk order id (a UUID, any case). */
export function encodeKioskOrderCode(orderId: string): Result<string, ProjectCodeError> {
  if (!UUID.test(orderId.toLowerCase())) return invalid(`not a UUID: ${orderId}`, 0);
  return ok(`${PROJECT_CODE_PREFIX}K:${orderId.toUpperCase()}`);
}

/** The text to print for a pickup code (see `PICKUP_CODE_ALPHABET`). */
export function encodePickupCode(pickupCode: string): Result<string, ProjectCodeError> {
  if (!pickupCodeSchema.safeParse(pickupCode).success) return invalid(`not a pickup code: ${pickupCode}`, 0);
  return ok(`${PROJECT_CODE_PREFIX}P:${pickupCode}`);
}
