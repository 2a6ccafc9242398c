import { type StockLevel, stockLevelId, stockLevelSchema } from '../../../src/core/catalog/stock-level';
import type { Queryable } from '../db/database';
import { lockScope, readDocuments, writeDocuments } from '../sync/document-store';

// The bounds of StockLevel.quantity: a level past them would be a document
// the tills refuse, so it stops there (stock_movements still holds every change).
const LIMIT = 1_000_000_000;

/**
 * Adds `deltas` (by product id) to the store's own stock levels in the
 * replicated inventory collection. Each changed level gets a new seq, so
 * every till of the store pulls it; a product with no level yet (or a
 * tombstoned one) starts from 0.
 */
export async function adjustStockLevels(
  tx: Queryable,
  storeCode: string,
  deltas: ReadonlyMap<string, number>,
  updatedAt: string,
): Promise<void> {
  if (deltas.size === 0) return;
  await lockScope(tx, 'inventory', storeCode);
  const idOf = (productId: string) => stockLevelId(storeCode, storeCode, productId);
  const stored = await readDocuments(tx, 'inventory', [...deltas.keys()].map(idOf));
  const writes = [...deltas].map(([productId, delta]) => {
    const id = idOf(productId);
    const current = stored.get(id);
    const level = current && !current.deleted ? stockLevelSchema.safeParse(current.doc) : undefined;
    const from = level?.success ? level.data.quantity : 0;
    const doc = {
      id,
      storeCode,
      productId,
      location: { kind: 'this-store', code: storeCode },
      quantity: Math.min(LIMIT, Math.max(-LIMIT, from + delta)),
      updatedAt,
    } satisfies StockLevel;
    return { id, doc, deleted: false };
  });
  await writeDocuments(tx, 'inventory', storeCode, writes);
}
