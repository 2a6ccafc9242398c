import { z } from 'zod';
import { sha256HexSchema, staffIdSchema, uuidV7Schema } from './journal-values';
import { receiptNumberSchema } from './receipt-number';

// A copy of a receipt printed after the original (NF525: every duplicate is
// counted and recorded). The entry names the receipt and the journal entry
// it reprints (whose hash the copy prints), and which copy this is: the count
// is the number of reprint entries for that receipt, this one included, so
// the first copy is 1. It is its own entry so the count survives the till.

export const receiptReprintedPayloadSchema = z.strictObject({
  receiptNumber: receiptNumberSchema,
  /** The id and hash of the sale or return entry whose receipt was reprinted. */
  entryId: uuidV7Schema,
  entryHash: sha256HexSchema,
  /** 1 for the first copy after the original, then 2, 3, … */
  reprintCount: z.number().int().min(1).max(9_999),
  staffId: staffIdSchema,
});
export type ReceiptReprintedPayload = z.infer<typeof receiptReprintedPayloadSchema>;
