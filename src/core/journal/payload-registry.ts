import { z } from 'zod';
import { cashMovementPayloadSchema } from './cash-movement-payload';
import { managerApprovalPayloadSchema } from './manager-approval-payload';
import { shiftClosedPayloadSchema, shiftOpenedPayloadSchema } from './shift-payloads';

// Which payload each kind of journal entry carries. The envelope schema, the
// append step and the verifier all read this one map.

export const JOURNAL_KINDS = [
  'sale.completed',
  'return.completed',
  'cash.movement',
  'shift.opened',
  'shift.closed',
  'order.handover',
  'manager.approval',
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

/**
 * PLACEHOLDER SLOT, NOT A REAL SCHEMA: accepts any JSON object. The sale,
 * return and order-handover payloads belong to the engineers writing those
 * flows; each replaces its slot below with its own zod schema (strict objects,
 * no transforms or defaults, so the parsed value is the hashed value).
 * Entries journaled under the placeholder stay valid as long as the real
 * schema accepts what was written.
 */
export const placeholderPayloadSchema = z.record(z.string(), z.unknown());

export const journalPayloadSchemas = {
  'sale.completed': placeholderPayloadSchema, // placeholder: replace with the sale schema
  'return.completed': placeholderPayloadSchema, // placeholder: replace with the return schema
  'order.handover': placeholderPayloadSchema, // placeholder: replace with the handover schema
  'cash.movement': cashMovementPayloadSchema,
  'shift.opened': shiftOpenedPayloadSchema,
  'shift.closed': shiftClosedPayloadSchema,
  'manager.approval': managerApprovalPayloadSchema,
} as const satisfies { readonly [K in JournalKind]: z.ZodType };

export type JournalPayload<K extends JournalKind> = z.infer<(typeof journalPayloadSchemas)[K]>;

/** Kinds whose entries are printed receipts and so get a receipt number. */
export const RECEIPTED_KINDS = [
  'sale.completed',
  'return.completed',
] as const satisfies readonly JournalKind[];
