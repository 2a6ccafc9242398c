import {
  defaultConflictHandler,
  type RxConflictHandler,
  type RxReplicationConflict,
  type WithDeleted,
} from 'rxdb';
import type { Observable, Subscription } from 'rxjs';
import type { ClickCollectOrder } from '../../core/orders/click-collect-order';
import { type HandoverMergeError, mergeHandovers } from '../../core/orders/merge-handovers';
import type { Order } from '../../core/sync/collections';
import type { OutboxCollection } from '../collections/outbox';
import { markOutbox } from './outbox-marks';

/** What a push conflict on an order comes to once both copies are looked at. */
export type OrderConflictOutcome =
  /** The union holds handovers the server lacks: push it. */
  | { readonly kind: 'merged'; readonly order: ClickCollectOrder }
  /** The server's copy already holds everything this till recorded. */
  | { readonly kind: 'already-on-server' }
  /** Not two copies of one order, or copies the merge refuses: the server's stays. */
  | {
      readonly kind: 'unmergeable';
      readonly reason: HandoverMergeError | { readonly code: 'not-a-handover' };
    };

export function orderConflictOutcome(
  master: WithDeleted<Order>,
  local: WithDeleted<Order>,
): OrderConflictOutcome {
  if (
    master._deleted ||
    local._deleted ||
    master.kind !== 'click-and-collect' ||
    local.kind !== 'click-and-collect'
  )
    return { kind: 'unmergeable', reason: { code: 'not-a-handover' } };
  const merged = mergeHandovers(withoutDeletedFlag(master), withoutDeletedFlag(local));
  if (!merged.ok) return { kind: 'unmergeable', reason: merged.error };
  return defaultConflictHandler.isEqual({ ...merged.value, _deleted: false }, master, 'order-outcome')
    ? { kind: 'already-on-server' }
    : { kind: 'merged', order: merged.value };
}

/**
 * Two tills handed over the same click-and-collect order offline: the server
 * keeps whichever push came first and answers the second with its state. The
 * second till merges both copies (union of handovers by id, over-delivery
 * flagged in `handoverConflict`) and pushes the merge, which the server
 * accepts because it only adds handovers. The merge is commutative and
 * idempotent, so every till ends with the same order whatever the order of
 * arrival.
 *
 * When the copies cannot be merged (the lines were replaced meanwhile, a
 * handover id with two contents: corruption, not an offline race) the
 * server's state wins; the handover stays in this till's journal, the record
 * of what left the store, and `watchOrderConflicts` marks it failed.
 */
export const ordersConflictHandler: RxConflictHandler<Order> = {
  // Field by field, key order ignored: the server's jsonb does not keep it.
  isEqual: (a, b, context) => defaultConflictHandler.isEqual(a, b, context),
  resolve: async ({ realMasterState, newDocumentState }) => {
    const outcome = orderConflictOutcome(realMasterState, newDocumentState);
    return outcome.kind === 'merged'
      ? ({ ...outcome.order, _deleted: false } satisfies WithDeleted<Order>)
      : realMasterState;
  },
};

/**
 * Keeps the outbox truthful after order conflicts: a merge stays pending
 * (RxDB pushes it next), a handover the server already holds is synced, one
 * that could not be merged is failed with the reason, so the status bar
 * never shows a handover waiting forever.
 */
export function watchOrderConflicts(
  conflict$: Observable<RxReplicationConflict<Order>>,
  outbox: OutboxCollection,
): Subscription {
  return conflict$.subscribe(({ input }) => {
    const outcome = orderConflictOutcome(input.realMasterState, input.newDocumentState);
    const id = [input.newDocumentState.id];
    if (outcome.kind === 'already-on-server') void markOutbox(outbox, 'orders', id, 'synced', null);
    if (outcome.kind === 'unmergeable') {
      const reason = `the server's copy of this order could not take this handover (${outcome.reason.code}); it stays in the journal`;
      void markOutbox(outbox, 'orders', id, 'failed', reason);
    }
  });
}

function withoutDeletedFlag<T extends { _deleted: boolean }>(doc: T): Omit<T, '_deleted'> {
  const { _deleted: _ignored, ...rest } = doc;
  return rest;
}
