import type { ClickCollectOrder, WebOrderImport } from './click-collect-order';
import type { ClickCollectStatus } from './click-collect-status';
import { compareInstants } from './order-values';
import { plainEqual, sameRecordsByKey } from './plain-equal';

// The web shop may send the same order many times (retries, webhooks replayed,
// a nightly full export). The server keys orders by (source, webOrderId) and
// asks `mergeImportedOrder` what an incoming copy means for the stored order:
//
//   duplicate  same web content (webUpdatedAt aside): store nothing
//   stale      an older revision than the stored one: store nothing
//   update     a change the store can follow: store the returned order
//   conflict   a change the store cannot follow (lines edited after picking
//              started, cancelled after goods were handed over...): keep
//              the stored order, tell a person
//
// Validate the incoming payload with `webOrderImportSchema` first.

export type WebOrderChange = 'lines' | 'customer' | 'web-cancelled';

export type ImportConflictReason =
  | { readonly code: 'different-web-order' }
  | { readonly code: 'same-revision-different-content' }
  | { readonly code: 'immutable-field-changed'; readonly field: 'storeCode' | 'currency' | 'placedAt' }
  /** Lines may change only while the order is `received`: after that someone is picking them. */
  | { readonly code: 'lines-changed'; readonly status: ClickCollectStatus }
  | { readonly code: 'customer-changed-after-close'; readonly status: ClickCollectStatus }
  | { readonly code: 'cancelled-after-handover'; readonly status: ClickCollectStatus }
  | { readonly code: 'reopened-after-cancel' };

export type ImportMerge =
  | { readonly outcome: 'duplicate' }
  | { readonly outcome: 'stale' }
  | {
      readonly outcome: 'update';
      readonly order: ClickCollectOrder;
      readonly changes: readonly WebOrderChange[];
    }
  | { readonly outcome: 'conflict'; readonly reasons: readonly ImportConflictReason[] };

type WebCopy = Pick<
  WebOrderImport,
  | 'source'
  | 'webOrderId'
  | 'webStatus'
  | 'storeCode'
  | 'currency'
  | 'lines'
  | 'customer'
  | 'placedAt'
  | 'payments'
>;

const IMMUTABLE_FIELDS = ['storeCode', 'currency', 'placedAt'] as const;
const CLOSED: readonly ClickCollectStatus[] = ['handed-over', 'returned', 'cancelled'];
const HANDED: readonly ClickCollectStatus[] = ['partially-handed-over', 'handed-over'];
const CANCELLABLE: readonly ClickCollectStatus[] = ['received', 'picking', 'ready-for-pickup'];

const sameKey = (a: WebCopy, b: WebCopy): boolean => a.source === b.source && a.webOrderId === b.webOrderId;
/** Lines and the payments for them go together: what was bought and how it was paid. */
const sameLines = (a: WebCopy, b: WebCopy): boolean =>
  sameRecordsByKey(a.lines, b.lines, (l) => l.lineId) &&
  sameRecordsByKey(a.payments ?? [], b.payments ?? [], (p) => p.paymentId);

/**
 * True when `b` is a duplicate of `a`: the same web order (source and web
 * order id) with the same web content. webUpdatedAt is ignored, because a
 * shop may bump it for fields we do not import. Either side may be a stored
 * order or an incoming copy.
 */
export function isSameImportedOrder(a: WebCopy, b: WebCopy): boolean {
  return (
    sameKey(a, b) &&
    sameLines(a, b) &&
    plainEqual(a.customer, b.customer) &&
    a.webStatus === b.webStatus &&
    IMMUTABLE_FIELDS.every((field) => a[field] === b[field])
  );
}

export function mergeImportedOrder(existing: ClickCollectOrder, incoming: WebOrderImport): ImportMerge {
  if (!sameKey(existing, incoming))
    return { outcome: 'conflict', reasons: [{ code: 'different-web-order' }] };
  if (isSameImportedOrder(existing, incoming)) return { outcome: 'duplicate' };
  const age = compareInstants(incoming.webUpdatedAt, existing.webUpdatedAt);
  if (age < 0) return { outcome: 'stale' };
  if (age === 0) return { outcome: 'conflict', reasons: [{ code: 'same-revision-different-content' }] };

  const { status } = existing;
  const reasons: ImportConflictReason[] = [];
  const changes: WebOrderChange[] = [];
  for (const field of IMMUTABLE_FIELDS) {
    if (existing[field] !== incoming[field]) reasons.push({ code: 'immutable-field-changed', field });
  }
  if (!sameLines(existing, incoming)) {
    if (status === 'received') changes.push('lines');
    else reasons.push({ code: 'lines-changed', status });
  }
  if (!plainEqual(existing.customer, incoming.customer)) {
    if (CLOSED.includes(status)) reasons.push({ code: 'customer-changed-after-close', status });
    else changes.push('customer');
  }
  if (existing.webStatus === 'cancelled' && incoming.webStatus === 'open') {
    reasons.push({ code: 'reopened-after-cancel' });
  }
  if (existing.webStatus === 'open' && incoming.webStatus === 'cancelled') {
    if (HANDED.includes(status)) reasons.push({ code: 'cancelled-after-handover', status });
    else changes.push('web-cancelled');
  }
  if (reasons.length > 0) return { outcome: 'conflict', reasons };

  // The web content changed, so the server must sign the order again.
  const { signedToken: _stale, payments: _payments, ...unsigned } = existing;
  const order: ClickCollectOrder = {
    ...unsigned,
    ...(incoming.payments === undefined ? {} : { payments: incoming.payments }),
    webUpdatedAt: incoming.webUpdatedAt,
    webStatus: incoming.webStatus,
    lines: incoming.lines,
    customer: incoming.customer,
    status: changes.includes('web-cancelled') && CANCELLABLE.includes(status) ? 'cancelled' : status,
  };
  return { outcome: 'update', order, changes };
}
