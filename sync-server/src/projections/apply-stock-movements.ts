import type { Queryable } from '../db/database';
import { insertRows } from './insert-rows';
import { STOCK_MOVEMENTS, type StockMovementRow } from './projection-tables';
import { adjustStockLevels } from './stock-levels';

/**
 * Records stock movements and moves the inventory levels by exactly the
 * movements that were recorded now: one already stored (the same entry
 * projected again) is skipped by its key and moves nothing.
 */
export async function applyStockMovements(
  tx: Queryable,
  movements: readonly StockMovementRow[],
  now: Date = new Date(),
): Promise<void> {
  const recorded = await insertRows(tx, STOCK_MOVEMENTS, movements, ['store_code', 'product_id', 'delta']);
  const byStore = new Map<string, Map<string, number>>();
  for (const movement of recorded) {
    const deltas = byStore.get(movement.store_code) ?? new Map<string, number>();
    deltas.set(movement.product_id, (deltas.get(movement.product_id) ?? 0) + movement.delta);
    byStore.set(movement.store_code, deltas);
  }
  // One store after the other in a fixed order, so two pushes never wait on each other's locks in a cycle.
  for (const storeCode of [...byStore.keys()].sort()) {
    await adjustStockLevels(tx, storeCode, byStore.get(storeCode) ?? new Map(), now.toISOString());
  }
}
