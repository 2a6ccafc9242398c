import { z } from 'zod';
import { uuidV7Schema } from '../ids/uuid-v7';
import { emailSchema } from './contact';

// A kiosk order's receipt, or a click-and-collect order's handover slip, sent by e-mail: the kiosk words and lays it out in
// the customer's language (it has the translations and the receipt), the
// server keeps it once per order and hands it to the store's mail relay
// (sync-server/src/mail). The server sends it only to the e-mail the order
// itself carries, and only once the order has reached it.

export const MAX_RECEIPT_MAIL_CHARS = 20_000;

export const receiptMailRequestSchema = z.strictObject({
  orderId: uuidV7Schema,
  to: emailSchema,
  subject: z
    .string()
    .min(1)
    .max(200)
    .refine((subject) => !/[\r\n]/.test(subject), 'subject: one line'),
  text: z.string().min(1).max(MAX_RECEIPT_MAIL_CHARS),
  /**
   * A click-and-collect order's handover slip (docs/pickup.md): the handover
   * it is for. Absent: a kiosk order's receipt. Kept once per order and handover.
   */
  handoverId: uuidV7Schema.optional(),
});
export type ReceiptMailRequest = z.infer<typeof receiptMailRequestSchema>;

/** The server's answer: `repeated` when this order's receipt was already asked for (kept as first asked). */
export interface ReceiptMailAnswer {
  readonly queued: true;
  readonly repeated: boolean;
}
