import { z } from 'zod';
import { err, ok, type Result } from '../result';

// Receipt numbers must be unique across the whole chain without any network:
// store code + till code + the till's own journal sequence.
// Format: "PAR01-03-000123" (store 2-8 upper alnum, till 1-4 upper alnum, seq >= 6 digits).

// The codes are the core's shared ones; re-exported here, where the sync wire format imports them.
export { storeCodeSchema, tillCodeSchema } from '../values/identifiers';

export interface ReceiptNumber {
  readonly storeCode: string;
  readonly tillCode: string;
  readonly sequence: number;
}

const RECEIPT_NUMBER = /^([A-Z0-9]{2,8})-([A-Z0-9]{1,4})-(\d{6,15})$/;

export const receiptNumberSchema = z.string().regex(RECEIPT_NUMBER, 'receipt number: STORE-TILL-000123');

export function formatReceiptNumber(n: ReceiptNumber): string {
  return `${n.storeCode}-${n.tillCode}-${String(n.sequence).padStart(6, '0')}`;
}

export type ReceiptNumberError = { readonly code: 'receipt-number-malformed'; readonly input: string };

export function parseReceiptNumber(input: string): Result<ReceiptNumber, ReceiptNumberError> {
  const match = RECEIPT_NUMBER.exec(input);
  const [, storeCode, tillCode, digits] = match ?? [];
  if (!storeCode || !tillCode || !digits) return err({ code: 'receipt-number-malformed', input });
  const sequence = Number(digits);
  if (!Number.isSafeInteger(sequence)) return err({ code: 'receipt-number-malformed', input });
  return ok({ storeCode, tillCode, sequence });
}
