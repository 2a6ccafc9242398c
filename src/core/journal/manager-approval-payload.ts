import { z } from 'zod';
import { opaqueIdSchema, reasonSchema, staffIdSchema, uuidV7Schema } from './journal-values';
import { receiptNumberSchema } from './receipt-number';

// A supervisor's or manager's approval, recorded as its own entry so that an
// approval can be audited even when the action it allowed was later
// abandoned. The subjects of the first release (discount, void, refund,
// no-sale) keep their shapes: entries already sealed stay valid.

export const approvalSubjectSchema = z.discriminatedUnion('type', [
  /** A discount beyond the cashier's limit; lineId null = the whole basket. */
  z.strictObject({ type: z.literal('discount'), saleId: uuidV7Schema, lineId: opaqueIdSchema.nullable() }),
  /** Voiding a line, or the whole sale in progress when lineId is null. */
  z.strictObject({ type: z.literal('void'), saleId: uuidV7Schema, lineId: opaqueIdSchema.nullable() }),
  /** A refund against the receipt of the original sale. */
  z.strictObject({ type: z.literal('refund'), receiptNumber: receiptNumberSchema }),
  /** Opening the drawer without a sale. */
  z.strictObject({ type: z.literal('no-sale') }),
  /** A line sold at another price than the catalog's. */
  z.strictObject({ type: z.literal('price-override'), saleId: uuidV7Schema, lineId: opaqueIdSchema }),
  /** Voiding a line, or the whole sale when lineId is null, once money was taken on it. */
  z.strictObject({
    type: z.literal('void-after-payment'),
    saleId: uuidV7Schema,
    lineId: opaqueIdSchema.nullable(),
  }),
  /** A return refunded with no receipt to show. */
  z.strictObject({ type: z.literal('refund-without-receipt'), returnId: uuidV7Schema }),
  /** A return refunding more than the requester may. */
  z.strictObject({ type: z.literal('refund-over-limit'), returnId: uuidV7Schema }),
  /** A cash count that differs from what the drawer should hold, at a shift's close. */
  z.strictObject({ type: z.literal('cash-difference'), shiftId: uuidV7Schema }),
  /** A card payment the terminal cannot tell about, settled by hand (payment.resolve). */
  z.strictObject({
    type: z.literal('card-resolution'),
    paymentId: opaqueIdSchema,
    resolution: z.enum(['charged', 'not-charged']),
  }),
]);
export type ApprovalSubject = z.infer<typeof approvalSubjectSchema>;

export const managerApprovalPayloadSchema = z.strictObject({
  approverStaffId: staffIdSchema,
  /** The cashier who asked; may equal the approver when a manager runs the till. */
  requestedByStaffId: staffIdSchema,
  subject: approvalSubjectSchema,
  reason: reasonSchema,
});
export type ManagerApprovalPayload = z.infer<typeof managerApprovalPayloadSchema>;
