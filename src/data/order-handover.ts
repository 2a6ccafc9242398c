import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import type { OrderHandover } from '../core/orders/handover';
import { type HandoverMergeError, mergeHandovers } from '../core/orders/merge-handovers';
import { type HandoverError, recordHandover } from '../core/orders/record-handover';
import { err, ok, type Result } from '../core/result';
import type { JournalWriteError, JournalWriter } from './journal-writer';
import type { TillDatabase } from './till-database';

export type OrderHandoverError =
  | { readonly code: 'unknown-order'; readonly orderId: string }
  | { readonly code: 'not-click-and-collect'; readonly orderId: string }
  /** The desk must not hand this over (not ready, more than remains, wrong code...). */
  | { readonly code: 'handover-refused'; readonly reason: HandoverError }
  | { readonly code: 'journal-refused'; readonly reason: JournalWriteError }
  /**
   * Journaled, but the order changed under it in a way that cannot be merged
   * (its lines were replaced meanwhile): the journal keeps the record, the
   * store must look at the order.
   */
  | { readonly code: 'order-changed'; readonly reason: HandoverMergeError };

/** The journal entry that records the handover: id minted and clock read by the caller. */
export interface HandoverEntryStamp {
  readonly id: string;
  readonly recordedAt: string;
}

class OrderChanged extends Error {
  constructor(readonly reason: HandoverMergeError) {
    super(reason.code);
  }
}

/**
 * Records a handover at this till's pickup desk. The core checks it against
 * the order as this till knows it; the handover is journaled first (the
 * legal record of goods leaving the store, kept even if the order copy is
 * later disputed); then the order is updated and marked pending in the
 * outbox, and replication pushes it. The update merges into the order's
 * current state rather than overwriting it, so a copy pulled in the
 * meantime (another till's handover) is never lost.
 */
export async function recordOrderHandover(
  db: TillDatabase,
  journal: JournalWriter,
  handover: OrderHandover,
  stamp: HandoverEntryStamp,
): Promise<Result<ClickCollectOrder, OrderHandoverError>> {
  const doc = await db.orders.findOne(handover.orderId).exec();
  if (!doc) return err({ code: 'unknown-order', orderId: handover.orderId });
  const order = doc.toMutableJSON();
  if (order.kind !== 'click-and-collect')
    return err({ code: 'not-click-and-collect', orderId: handover.orderId });
  const recorded = recordHandover(order, handover);
  if (!recorded.ok) return err({ code: 'handover-refused', reason: recorded.error });

  const journaled = await journal.append({
    kind: 'order.handover',
    payload: recorded.value.handover,
    id: stamp.id,
    recordedAt: stamp.recordedAt,
  });
  if (!journaled.ok) return err({ code: 'journal-refused', reason: journaled.error });

  let updated: ClickCollectOrder;
  try {
    const saved = await doc.incrementalModify((current) => {
      if (current.kind !== 'click-and-collect') throw new OrderChanged({ code: 'different-orders' });
      const merged = mergeHandovers(current, recorded.value.order);
      if (!merged.ok) throw new OrderChanged(merged.error);
      return merged.value;
    });
    const json = saved.toMutableJSON();
    if (json.kind !== 'click-and-collect') throw new OrderChanged({ code: 'different-orders' });
    updated = json;
  } catch (error) {
    if (error instanceof OrderChanged) return err({ code: 'order-changed', reason: error.reason });
    throw error;
  }
  await db.outbox.upsert({
    id: `orders:${order.id}`,
    sourceCollection: 'orders',
    documentId: order.id,
    state: 'pending',
    error: null,
    attempts: 0,
    updatedAt: Date.now(),
  });
  return ok(updated);
}
