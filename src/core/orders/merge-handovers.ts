import { err, ok, type Result } from '../result';
import type { ClickCollectOrder, HandoverConflict } from './click-collect-order';
import type { ClickCollectStatus } from './click-collect-status';
import type { OrderHandover } from './handover';
import { tallyHandovers } from './handover-tally';
import { compareInstants } from './order-values';
import { compareCodeUnits, plainEqual, sameRecordsByKey } from './plain-equal';

// Two tills recorded handovers for the same order while offline; sync hands
// us both copies. The merge is a pure function of the two copies,
// commutative and idempotent, so every till and the server converge on the
// same order whatever the order of arrival:
//
// - handovers: the union of the records, by id, sorted by id. A record is
//   never dropped. One id with two different contents is corruption, refused.
// - web fields (customer, web status, lines, signature): from the copy with
//   the later webUpdatedAt (the server's newer import).
// - status: cancelled if either copy is cancelled, else returned if either
//   is returned; else from the handovers (all lines in full -> handed-over,
//   some -> partially-handed-over); else the furthest of received, picking,
//   ready-for-pickup.
// - payment (paid at pickup, the server's): whichever copy has it.
// - handoverConflict: set when the union hands over more than ordered on a
//   line, or holds handovers the till that cancelled or returned the order
//   did not know about. Flags carried by either copy are kept; clearing one
//   is a person's decision, not the merge's.
// - readyAt: the earlier of the two (two desks marked it ready offline: it
//   has waited since the first).

export type HandoverMergeError =
  | { readonly code: 'different-orders' }
  /** Fields that never change after import differ: not two copies of one order. */
  | { readonly code: 'copies-disagree'; readonly fields: readonly string[] }
  /** Same web revision, different web content: the server issued two versions under one stamp. */
  | { readonly code: 'web-copies-differ' }
  /** The lines changed while a till handed goods over against the old ones. */
  | { readonly code: 'lines-differ' }
  | { readonly code: 'handover-id-collision'; readonly handoverIds: readonly string[] };

const PROGRESS: readonly ClickCollectStatus[] = ['received', 'picking', 'ready-for-pickup'];
const FIXED_FIELDS = ['webOrderId', 'source', 'storeCode', 'currency', 'pickupCode'] as const;

const lineKey = (line: { readonly lineId: string }): string => line.lineId;

function webContentEqual(a: ClickCollectOrder, b: ClickCollectOrder): boolean {
  return (
    sameRecordsByKey(a.lines, b.lines, lineKey) &&
    plainEqual(a.payments ?? [], b.payments ?? []) &&
    plainEqual(a.customer, b.customer) &&
    a.webStatus === b.webStatus &&
    a.placedAt === b.placedAt
  );
}

function unionOfHandovers(
  a: readonly OrderHandover[],
  b: readonly OrderHandover[],
): Result<OrderHandover[], HandoverMergeError> {
  const byId = new Map(a.map((h) => [h.id, h]));
  const collisions: string[] = [];
  for (const handover of b) {
    const known = byId.get(handover.id);
    if (known === undefined) byId.set(handover.id, handover);
    else if (!plainEqual(known, handover)) collisions.push(handover.id);
  }
  if (collisions.length > 0) return err({ code: 'handover-id-collision', handoverIds: collisions });
  return ok([...byId.values()].sort((x, y) => compareCodeUnits(x.id, y.id)));
}

function closureOf(a: ClickCollectOrder, b: ClickCollectOrder): 'cancelled' | 'returned' | undefined {
  if (a.status === 'cancelled' || b.status === 'cancelled') return 'cancelled';
  if (a.status === 'returned' || b.status === 'returned') return 'returned';
  return undefined;
}

function furthest(a: ClickCollectStatus, b: ClickCollectStatus): ClickCollectStatus {
  return PROGRESS.indexOf(a) >= PROGRESS.indexOf(b) ? a : b;
}

function earliestReadyAt(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const order = compareInstants(a, b);
  // Two spellings of one instant: the smaller text, so the pick ignores argument order.
  if (order === 0) return compareCodeUnits(a, b) <= 0 ? a : b;
  return order < 0 ? a : b;
}

/**
 * The store's payment at pickup is the server's to write (the first till sale
 * that paid the order): a copy that has it wins over one that does not yet;
 * two different ones (never written by the server) keep the smaller sale id.
 */
function paymentOf(a: ClickCollectOrder, b: ClickCollectOrder): ClickCollectOrder['payment'] {
  if (a.payment === undefined) return b.payment;
  if (b.payment === undefined) return a.payment;
  return compareCodeUnits(a.payment.saleId, b.payment.saleId) <= 0 ? a.payment : b.payment;
}

export function mergeHandovers(
  a: ClickCollectOrder,
  b: ClickCollectOrder,
): Result<ClickCollectOrder, HandoverMergeError> {
  if (a.id !== b.id) return err({ code: 'different-orders' });
  const fixed = FIXED_FIELDS.filter((field) => a[field] !== b[field]);
  if (fixed.length > 0) return err({ code: 'copies-disagree', fields: fixed });
  const age = compareInstants(a.webUpdatedAt, b.webUpdatedAt);
  if (age === 0 && !webContentEqual(a, b)) return err({ code: 'web-copies-differ' });
  const newer = age >= 0 ? a : b;

  const union = unionOfHandovers(a.handovers, b.handovers);
  if (!union.ok) return union;
  const handovers = union.value;
  if (handovers.length > 0 && !sameRecordsByKey(a.lines, b.lines, lineKey))
    return err({ code: 'lines-differ' });
  const tally = tallyHandovers(newer.lines, handovers);

  const closure = closureOf(a, b);
  let status: ClickCollectStatus;
  const afterClosure = new Set([
    ...(a.handoverConflict?.handoversAfterClosure ?? []),
    ...(b.handoverConflict?.handoversAfterClosure ?? []),
  ]);
  if (closure !== undefined) {
    status = closure;
    const known = new Set(
      [a, b].filter((o) => o.status === closure).flatMap((o) => o.handovers.map((h) => h.id)),
    );
    for (const h of handovers) if (!known.has(h.id)) afterClosure.add(h.id);
  } else if (handovers.length > 0) {
    status = tally.complete ? 'handed-over' : 'partially-handed-over';
  } else {
    status = furthest(a.status, b.status);
  }

  const conflict: HandoverConflict = {
    overHandedLines: tally.overHanded,
    handoversAfterClosure: [...afterClosure].sort(compareCodeUnits),
  };
  const flagged = conflict.overHandedLines.length > 0 || conflict.handoversAfterClosure.length > 0;
  // Equal revisions sign equal content; the smaller token makes the pick independent of argument order.
  const tokens = (age === 0 ? [a.signedToken, b.signedToken] : [newer.signedToken]).filter(
    (t): t is string => t !== undefined,
  );
  const signedToken = tokens.sort(compareCodeUnits)[0];
  const readyAt = earliestReadyAt(a.readyAt, b.readyAt);
  const payment = paymentOf(a, b);
  const { signedToken: _dropped, readyAt: _ready, payment: _paid, ...rest } = newer;
  return ok({
    ...rest,
    status,
    handovers,
    handoverConflict: flagged ? conflict : null,
    ...(readyAt === undefined ? {} : { readyAt }),
    ...(payment === undefined ? {} : { payment }),
    ...(signedToken === undefined ? {} : { signedToken }),
  });
}
