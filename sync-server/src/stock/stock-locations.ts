import { type StockLevel, stockLevelId } from '../../../src/core/catalog/stock-level';
import type { Database, Queryable } from '../db/database';
import { lockScope, writeDocuments } from '../sync/document-store';
import { refreshRegionLocationNames } from './location-names';

// Where stock is kept (migration 005): stores, which have tills, and
// warehouses, which do not. A location's own levels live in the inventory
// scope named after it; the stock mirror copies them, read-only, to every
// other store of the same region.

export interface StockLocation {
  /** A store code, or a warehouse code spelt like one ("WH01"). */
  readonly code: string;
  readonly kind: 'store' | 'warehouse';
  readonly name: string;
  /** Stores see the stock of the locations of their region (the company's stores, in the demo). */
  readonly region: string;
}

/**
 * Adds or updates a location. Every location of the region is then copied
 * again from the start (levels that did not change are not rewritten), so a
 * new store receives the others' levels and the others receive its own;
 * the region's stores get the places' names in their settings.
 */
export async function registerStockLocation(db: Database, location: StockLocation): Promise<void> {
  await db.transaction(async (tx) => {
    // Two registrations of one new code (two instances seeding at once) would
    // each lock the existing rows and then wait on the other's insert: take
    // turns first. The advisory key is the table's name, fixed.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('stock_locations'))");
    // The mirror locks these rows in code order; so does this, so neither waits on the other in a cycle.
    await tx.query('SELECT code FROM stock_locations WHERE region = $1 ORDER BY code FOR UPDATE', [
      location.region,
    ]);
    await tx.query(
      `INSERT INTO stock_locations (code, kind, name, region) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, region = EXCLUDED.region`,
      [location.code, location.kind, location.name, location.region],
    );
    await tx.query('UPDATE stock_locations SET mirrored_seq = 0 WHERE region = $1', [location.region]);
    await refreshRegionLocationNames(tx, location.region);
  });
}

/**
 * Sets a location's own levels (a warehouse's stock feed, an opening count):
 * written in the location's scope under its lock, as every inventory writer
 * does; the mirror carries them to the region's stores.
 */
export async function setOwnStockLevels(
  tx: Queryable,
  location: Pick<StockLocation, 'code' | 'kind'>,
  levels: readonly { readonly productId: string; readonly quantity: number }[],
  updatedAt: string,
): Promise<void> {
  await lockScope(tx, 'inventory', location.code);
  const kind = location.kind === 'store' ? 'this-store' : 'warehouse';
  const writes = levels.map(({ productId, quantity }) => {
    const doc = {
      id: stockLevelId(location.code, location.code, productId),
      storeCode: location.code,
      productId,
      location: { kind, code: location.code },
      quantity,
      updatedAt,
    } satisfies StockLevel;
    return { id: doc.id, doc, deleted: false };
  });
  for (let start = 0; start < writes.length; start += 500) {
    await writeDocuments(tx, 'inventory', location.code, writes.slice(start, start + 500));
  }
}
