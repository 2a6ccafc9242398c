import { z } from 'zod';
import { opaqueIdSchema, reasonSchema, staffIdSchema, uuidV7Schema } from './journal-values';
import { receiptNumberSchema } from './receipt-number';

// A manager's override, recorded as its own entry so that an approval can be
// audited even when the action it allowed was later abandoned.

export const approvalSubjectSchema = z.discriminatedUnion('type', [
  /** A discount beyond the cashier's limit; lineId null = the whole basket. */
  z.strictObject({ type: z.literal('discount'), saleId: uuidV7Schema, lineId: opaqueIdSchema.nullable() }),
  /** Voiding a line, or the whole sale in progress when lineId is null. */
  z.strictObject({ type: z.literal('void'), saleId: uuidV7Schema, lineId: opaqueIdSchema.nullable() }),
  /** A refund against the receipt of the original sale. */
  z.strictObject({ type: z.literal('refund'), receiptNumber: receiptNumberSchema }),
  /** Opening the drawer without a sale. */
  z.strictObject({ type: z.literal('no-sale') }),
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
