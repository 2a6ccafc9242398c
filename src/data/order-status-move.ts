import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import {
  type ClickCollectEvent,
  type ClickCollectTransitionError,
  transitionClickCollectOrder,
} from '../core/orders/transition-click-collect-order';
import { err, ok, type Result } from '../core/result';
import type { TillDatabase } from './till-database';

export type OrderStatusMoveError =
  | { readonly code: 'unknown-order'; readonly orderId: string }
  | { readonly code: 'not-click-and-collect'; readonly orderId: string }
  | { readonly code: 'refused-move'; readonly reason: ClickCollectTransitionError };

class MoveRefused extends Error {
  constructor(readonly reason: OrderStatusMoveError) {
    super(reason.code);
  }
}

/**
 * Moves a click-and-collect order on at the pickup desk (`start-picking`,
 * `mark-ready` with the desk's time as `readyAt`, `return` to stock) and marks it pending in the outbox, so replication pushes it.
 * The core refuses a move the order has already made (ready twice is an
 * `illegal-transition`), so a second press sends nothing: the server, and the
 * web shop through it, get one "ready" per order. The move applies to the
 * order as stored now (a pull may have landed meanwhile), never to a stale copy.
 */
export async function moveOrderStatus(
  db: TillDatabase,
  orderId: string,
  event: ClickCollectEvent,
  now: () => number = Date.now,
): Promise<Result<ClickCollectOrder, OrderStatusMoveError>> {
  const doc = await db.orders.findOne(orderId).exec();
  if (!doc) return err({ code: 'unknown-order', orderId });
  let moved: ClickCollectOrder;
  try {
    const saved = await doc.incrementalModify((current) => {
      if (current.kind !== 'click-and-collect')
        throw new MoveRefused({ code: 'not-click-and-collect', orderId });
      const next = transitionClickCollectOrder(current, { ...event, at: new Date(now()).toISOString() });
      if (!next.ok) throw new MoveRefused({ code: 'refused-move', reason: next.error });
      return next.value;
    });
    const json = saved.toMutableJSON();
    if (json.kind !== 'click-and-collect') return err({ code: 'not-click-and-collect', orderId });
    moved = json;
  } catch (error) {
    if (error instanceof MoveRefused) return err(error.reason);
    throw error;
  }
  await db.outbox.upsert({
    id: `orders:${orderId}`,
    sourceCollection: 'orders',
    documentId: orderId,
    state: 'pending',
    error: null,
    attempts: 0,
    updatedAt: now(),
  });
  return ok(moved);
}
