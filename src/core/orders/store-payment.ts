import { z } from 'zod';
import { uuidV7Schema } from '../ids/uuid-v7';
import { receiptNumberSchema } from '../journal/receipt-number';
import { instantSchema, opaqueIdSchema } from './order-values';

// A click-and-collect order paid in the store at pickup: the till sale the
// server took as its payment (the first to arrive), written on the order as
// `payment` (docs/pickup.md, "Paid at pickup"). Store-owned, not signed.

export const storePaymentSchema = z.strictObject({
  /** The till sale that paid the order. */
  saleId: uuidV7Schema,
  tillId: opaqueIdSchema,
  receiptNumber: receiptNumberSchema,
  paidAt: instantSchema,
  /** The sale's total (the order's, unless an incident says otherwise). */
  totalMinor: z.number().int().min(0),
});
export type StorePayment = z.infer<typeof storePaymentSchema>;
