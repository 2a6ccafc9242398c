import {
  type ClickCollectOrder,
  clickCollectOrderSchema,
  type WebOrderImport,
} from '../../../src/core/orders/click-collect-order';
import { createClickCollectOrder } from '../../../src/core/orders/create-click-collect-order';
import {
  type ImportConflictReason,
  mergeImportedOrder,
  type WebOrderChange,
} from '../../../src/core/orders/import-web-order';
import type { ServerKeys } from '../auth/server-keys';
import type { Database, Queryable } from '../db/database';
import { lockScope, readDocuments, writeDocuments } from '../sync/document-store';
import { newOrderId, newPickupCode } from './order-identity';
import { signOrder } from './order-token';
import { claimWebOrder, findWebOrder, pickupCodeTaken, type WebOrderLink } from './web-order-index';

// One import of a web order (docs/web-shop.md), in one transaction under the
// lock of the order's scope (orders, pickup store): every write to that
// order (imports, tills' handovers) runs one after the other, and what we
// compare is what we replace.

export type ImportConflict = ImportConflictReason | { readonly code: 'order-deleted' };

export type ImportOutcome =
  | { readonly result: 'created'; readonly order: ClickCollectOrder }
  | { readonly result: 'duplicate' | 'stale'; readonly order: ClickCollectOrder }
  | {
      readonly result: 'updated';
      readonly order: ClickCollectOrder;
      readonly changes: readonly WebOrderChange[];
    }
  | {
      readonly result: 'conflict';
      readonly order: ClickCollectOrder;
      readonly reasons: readonly ImportConflict[];
    };

/** Another import of the same web order created it while we were not looking: start over. */
const RACED = Symbol('raced');
const MAX_ATTEMPTS = 3;

/** `incoming` must have passed `webOrderImportSchema`. */
export async function importWebOrder(
  db: Database,
  keys: ServerKeys,
  incoming: WebOrderImport,
): Promise<ImportOutcome> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const outcome = await db.transaction(async (tx) => {
      const link = await findWebOrder(tx, incoming.source, incoming.webOrderId);
      // The link's store, not the incoming one: a copy naming another store
      // must reach the stored order, where it is a conflict.
      await lockScope(tx, 'orders', link?.storeCode ?? incoming.storeCode);
      return link ? mergeInto(tx, keys, link, incoming) : create(tx, keys, incoming);
    });
    if (outcome !== RACED) return outcome;
  }
  // A web order once linked stays linked, so the second attempt finds it.
  throw new Error(`import of web order ${incoming.webOrderId} kept racing`);
}

async function create(
  tx: Queryable,
  keys: ServerKeys,
  incoming: WebOrderImport,
): Promise<ImportOutcome | typeof RACED> {
  // Every creation for this store holds its scope lock, so check-then-insert is safe here.
  let pickupCode = newPickupCode();
  while (await pickupCodeTaken(tx, incoming.storeCode, pickupCode)) pickupCode = newPickupCode();
  const created = createClickCollectOrder({ id: newOrderId(), pickupCode, webOrder: incoming });
  if (!created.ok) throw new Error(`validated web order refused: ${JSON.stringify(created.error)}`);
  const order = await signOrder(keys, created.value);
  const claimed = await claimWebOrder(tx, {
    source: order.source,
    webOrderId: order.webOrderId,
    orderId: order.id,
    storeCode: order.storeCode,
    pickupCode,
  });
  if (!claimed) return RACED;
  await writeDocuments(tx, 'orders', order.storeCode, [{ id: order.id, doc: order, deleted: false }]);
  return { result: 'created', order };
}

async function mergeInto(
  tx: Queryable,
  keys: ServerKeys,
  link: WebOrderLink,
  incoming: WebOrderImport,
): Promise<ImportOutcome> {
  const stored = (await readDocuments(tx, 'orders', [link.orderId])).get(link.orderId);
  const parsed = clickCollectOrderSchema.safeParse(stored?.doc);
  if (!stored || !parsed.success)
    throw new Error(`web order ${incoming.webOrderId}: stored order unreadable`);
  const existing = parsed.data;
  if (stored.deleted) return { result: 'conflict', order: existing, reasons: [{ code: 'order-deleted' }] };

  const merge = mergeImportedOrder(existing, incoming);
  switch (merge.outcome) {
    case 'duplicate':
    case 'stale':
      return { result: merge.outcome, order: existing };
    case 'conflict':
      return { result: 'conflict', order: existing, reasons: merge.reasons };
    case 'update': {
      // The merge dropped the old token: the signed content changed.
      const order = await signOrder(keys, merge.order);
      await writeDocuments(tx, 'orders', link.storeCode, [{ id: order.id, doc: order, deleted: false }]);
      return { result: 'updated', order, changes: merge.changes };
    }
  }
}
