import { err, ok, type Result } from '../result';
import { type ClickCollectOrder, MAX_HANDOVERS } from './click-collect-order';
import { type ClickCollectStatus, nextClickCollectStatus } from './click-collect-status';
import { type OrderHandover, orderHandoverSchema } from './handover';
import { remainingQuantities, tallyHandovers } from './handover-tally';
import { compareCodeUnits } from './plain-equal';

// Records one handover at the pickup desk. Refuses, as values, everything the
// desk must not do: hand over goods of an order that is not ready, cancelled
// or closed, more pieces than remain, lines the order does not have, or to a
// customer identified by another order's code. On success the order's status
// follows from all records: every line in full -> handed-over, else
// partially-handed-over.

export interface ExcessLine {
  readonly lineId: string;
  readonly requested: number;
  readonly remaining: number;
}

export type HandoverError =
  | { readonly code: 'invalid-handover'; readonly message: string }
  | { readonly code: 'wrong-order'; readonly orderId: string; readonly handoverOrderId: string }
  | { readonly code: 'order-cancelled' }
  | { readonly code: 'order-not-ready'; readonly status: ClickCollectStatus }
  | { readonly code: 'order-closed'; readonly status: ClickCollectStatus }
  | { readonly code: 'duplicate-handover'; readonly handoverId: string }
  | { readonly code: 'too-many-handovers'; readonly max: number }
  | { readonly code: 'unknown-line'; readonly lineIds: readonly string[] }
  | { readonly code: 'exceeds-remaining'; readonly lines: readonly ExcessLine[] }
  /** The code scanned or the order number typed belongs to another order. */
  | { readonly code: 'identification-mismatch' };

export interface RecordedHandover {
  readonly order: ClickCollectOrder;
  readonly handover: OrderHandover;
}

function statusError(status: ClickCollectStatus): HandoverError {
  if (status === 'cancelled') return { code: 'order-cancelled' };
  if (status === 'received' || status === 'picking') return { code: 'order-not-ready', status };
  return { code: 'order-closed', status };
}

function identifies(order: ClickCollectOrder, handover: OrderHandover): boolean {
  const how = handover.identification;
  if (how.method === 'pickup-code-scanned') return how.pickupCode === order.pickupCode;
  if (how.method === 'order-number-typed') return how.webOrderId === order.webOrderId;
  return true;
}

export function recordHandover(
  order: ClickCollectOrder,
  handover: OrderHandover,
): Result<RecordedHandover, HandoverError> {
  const parsed = orderHandoverSchema.safeParse(handover);
  if (!parsed.success) {
    return err({ code: 'invalid-handover', message: parsed.error.issues.map((i) => i.message).join('; ') });
  }
  if (handover.orderId !== order.id) {
    return err({ code: 'wrong-order', orderId: order.id, handoverOrderId: handover.orderId });
  }
  if (nextClickCollectStatus(order.status, 'hand-over-part') === undefined)
    return err(statusError(order.status));
  if (!identifies(order, handover)) return err({ code: 'identification-mismatch' });
  if (order.handovers.some((h) => h.id === handover.id)) {
    return err({ code: 'duplicate-handover', handoverId: handover.id });
  }
  if (order.handovers.length >= MAX_HANDOVERS) return err({ code: 'too-many-handovers', max: MAX_HANDOVERS });

  const remaining = remainingQuantities(tallyHandovers(order.lines, order.handovers));
  const unknown = handover.lines.filter((line) => !remaining.has(line.lineId)).map((line) => line.lineId);
  if (unknown.length > 0) return err({ code: 'unknown-line', lineIds: unknown });
  const excess = handover.lines
    .map((line) => ({
      lineId: line.lineId,
      requested: line.quantity,
      remaining: remaining.get(line.lineId) ?? 0,
    }))
    .filter((line) => line.requested > line.remaining);
  if (excess.length > 0) return err({ code: 'exceeds-remaining', lines: excess });

  // Kept in id order (UUIDv7: roughly time order) so every till holds the same list.
  const handovers = [...order.handovers, parsed.data].sort((x, y) => compareCodeUnits(x.id, y.id));
  const complete = tallyHandovers(order.lines, handovers).complete;
  const status = nextClickCollectStatus(order.status, complete ? 'hand-over-rest' : 'hand-over-part');
  if (status === undefined) return err(statusError(order.status));
  return ok({ order: { ...order, handovers, status }, handover: parsed.data });
}
