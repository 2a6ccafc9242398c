import type { z } from 'zod';
import { orderHandoverSchema } from '../orders/handover';
import { completedReturnSchema } from '../returns/completed-return';
import { completedSaleSchema } from '../sale/completed-sale';
import { cashMovementPayloadSchema } from './cash-movement-payload';
import { drawerNoSalePayloadSchema } from './drawer-no-sale-payload';
import { kioskOrderPlacedPayloadSchema } from './kiosk-order-payload';
import { managerApprovalPayloadSchema } from './manager-approval-payload';
import { pickupCodeRefusedPayloadSchema } from './pickup-refusal-payload';
import { receiptReprintedPayloadSchema } from './receipt-reprint-payload';
import { shiftClosedPayloadSchema, shiftOpenedPayloadSchema } from './shift-payloads';
import { staffLockedOutPayloadSchema } from './staff-lockout-payload';

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
  'kiosk-order.placed',
  'receipt.reprinted',
  'staff.locked-out',
  'drawer.no-sale',
  'pickup.code-refused',
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

export const journalPayloadSchemas = {
  'sale.completed': completedSaleSchema,
  'return.completed': completedReturnSchema,
  'order.handover': orderHandoverSchema,
  'cash.movement': cashMovementPayloadSchema,
  'shift.opened': shiftOpenedPayloadSchema,
  'shift.closed': shiftClosedPayloadSchema,
  'manager.approval': managerApprovalPayloadSchema,
  'kiosk-order.placed': kioskOrderPlacedPayloadSchema,
  'receipt.reprinted': receiptReprintedPayloadSchema,
  'staff.locked-out': staffLockedOutPayloadSchema,
  'drawer.no-sale': drawerNoSalePayloadSchema,
  'pickup.code-refused': pickupCodeRefusedPayloadSchema,
} as const satisfies { readonly [K in JournalKind]: z.ZodType };

export type JournalPayload<K extends JournalKind> = z.infer<(typeof journalPayloadSchemas)[K]>;

/** Kinds whose entries are printed receipts and so get a receipt number. */
export const RECEIPTED_KINDS = [
  'sale.completed',
  'return.completed',
] as const satisfies readonly JournalKind[];
