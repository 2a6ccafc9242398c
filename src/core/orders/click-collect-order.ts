import { z } from 'zod';
import { uuidV7Schema } from '../ids/uuid-v7';
import { currencyCodeSchema } from '../money/currency';
import { type ClickCollectStatus, clickCollectStatusSchema } from './click-collect-status';
import { contactSchema } from './contact';
import { orderHandoverSchema } from './handover';
import { type HandoverTally, tallyHandovers } from './handover-tally';
import { checkOrderLines, MAX_LINE_QUANTITY, orderLineSchema } from './order-line';
import { checkOrderPayments, orderPaymentsSchema } from './order-payment';
import { instantSchema, lineIdSchema, storeCodeSchema, webOrderIdSchema } from './order-values';
import { pickupCodeSchema } from './pickup-code';
import { storePaymentSchema } from './store-payment';

// A click-and-collect order: placed on the web shop, imported by the server,
// replicated to the tills, collected at the pickup desk.
//
// The fields of `webOrderImportSchema` belong to the web shop: the server
// copies them in on import and on later updates (see import-web-order.ts).
// The rest belongs to the store: our id, the pickup code, the store's status,
// the handovers, and the server's Ed25519 signature that lets a till trust an
// order offline (carried here, checked elsewhere).

const webOrderShape = {
  source: z.literal('web'),
  webOrderId: webOrderIdSchema,
  /** The web shop's last-modified time of this copy; orders the copies of one web order. */
  webUpdatedAt: instantSchema,
  /** What the web shop says: the customer (or the shop) may cancel online. */
  webStatus: z.enum(['open', 'cancelled']),
  /** Store where the customer collects. */
  storeCode: storeCodeSchema,
  currency: currencyCodeSchema,
  lines: z.array(orderLineSchema).readonly(),
  customer: contactSchema,
  placedAt: instantSchema,
  /** How the customer paid (signed with the rest, so a till refunds offline); absent on older orders. */
  payments: orderPaymentsSchema.optional(),
};

export const webOrderImportSchema = z.strictObject(webOrderShape).superRefine((order, ctx) => {
  checkOrderLines(order, ctx);
  checkOrderPayments(order, ctx);
});
export type WebOrderImport = z.infer<typeof webOrderImportSchema>;

export const overHandedLineSchema = z.strictObject({
  lineId: lineIdSchema,
  ordered: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  /** Sum over all handover records; more than `ordered`. */
  handedOver: z.number().int().min(1),
});
export type OverHandedLine = z.infer<typeof overHandedLineSchema>;

/**
 * Set by `mergeHandovers` when tills that worked offline disagree: the store
 * must look (count the stock, call the customer). All records are kept.
 */
export const handoverConflictSchema = z.strictObject({
  /** Lines whose handovers, all tills together, exceed what was ordered. */
  overHandedLines: z.array(overHandedLineSchema).readonly(),
  /** Handovers recorded by a till that did not know the order was already cancelled or returned. */
  handoversAfterClosure: z.array(uuidV7Schema).readonly(),
});
export type HandoverConflict = z.infer<typeof handoverConflictSchema>;

export const MAX_HANDOVERS = 500;

const HANDOVER_STATUSES: readonly ClickCollectStatus[] = ['partially-handed-over', 'handed-over'];
const BEFORE_HANDOVER: readonly ClickCollectStatus[] = ['received', 'picking', 'ready-for-pickup'];

function checkHandovers(
  order: {
    readonly id: string;
    readonly status: ClickCollectStatus;
    readonly handovers: readonly { readonly id: string; readonly orderId: string }[];
    readonly handoverConflict: HandoverConflict | null;
  },
  tally: HandoverTally,
  ctx: z.RefinementCtx,
): void {
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const ids = new Set(order.handovers.map((h) => h.id));
  if (ids.size !== order.handovers.length) problem('handovers', 'handovers: duplicate id');
  if (order.handovers.some((h) => h.orderId !== order.id))
    problem('handovers', 'handovers: for another order');
  if (tally.unknownLineIds.length > 0) problem('handovers', 'handovers: unknown order line');
  const any = order.handovers.length > 0;
  if (HANDOVER_STATUSES.includes(order.status) && !any)
    problem('status', `status: ${order.status} needs handovers`);
  if (BEFORE_HANDOVER.includes(order.status) && any)
    problem('status', `status: ${order.status} has handovers`);
  if (order.status === 'handed-over' && !tally.complete)
    problem('status', 'status: handed-over but lines remain');
  if (order.status === 'partially-handed-over' && tally.complete) {
    problem('status', 'status: partially-handed-over but every line is handed over');
  }
  const flagged = order.handoverConflict !== null;
  if (tally.overHanded.length > 0 && !flagged)
    problem('handoverConflict', 'handoverConflict: over-handover unflagged');
  if (order.status === 'cancelled' && any && !flagged) {
    problem('handoverConflict', 'handoverConflict: handovers on a cancelled order unflagged');
  }
}

export const clickCollectOrderSchema = z
  .strictObject({
    kind: z.literal('click-and-collect'),
    /** Our id (UUIDv7), minted by the server on first import. */
    id: uuidV7Schema,
    ...webOrderShape,
    pickupCode: pickupCodeSchema,
    status: clickCollectStatusSchema,
    handovers: z.array(orderHandoverSchema).max(MAX_HANDOVERS).readonly(),
    handoverConflict: handoverConflictSchema.nullable(),
    /**
     * When the order was first marked ready for pickup (the desk's clock); the
     * "not collected" delay counts from it. Absent on orders marked ready before
     * it existed, and on those never ready. Store-owned: not signed.
     */
    readyAt: instantSchema.optional(),
    /**
     * Paid in the store at pickup (an order without web `payments`): the till sale
     * the server took as the payment, first come (docs/pickup.md). Not signed.
     */
    payment: storePaymentSchema.optional(),
    /** Server's Ed25519 signature over the order (compact token); absent until signed or after a change. */
    signedToken: z
      .string()
      .max(8192)
      .regex(/^[A-Za-z0-9._~+/=-]+$/, 'signed token: base64/base64url text')
      .optional(),
  })
  .superRefine((order, ctx) => {
    checkOrderLines(order, ctx);
    checkOrderPayments(order, ctx);
    checkHandovers(order, tallyHandovers(order.lines, order.handovers), ctx);
  });
export type ClickCollectOrder = z.infer<typeof clickCollectOrderSchema>;
