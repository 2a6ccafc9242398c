import type { Product } from '../../../src/core/catalog/product';
import { ensureStore } from '../auth/till-registry';
import type { Database } from '../db/database';
import { refreshRegionLocationNames } from '../stock/location-names';
import { registerStockLocation, type StockLocation, setOwnStockLevels } from '../stock/stock-locations';
import { lockScope } from '../sync/document-store';
import { DEMO_STORE } from './seed-store';

// The demo company beyond the Paris store: a store in Lyon and a warehouse,
// each with some stock, all in one region, so the Paris tills (and the
// kiosk) can show "3 in Lyon, 20 at the warehouse" for a product.

export const DEMO_REGION = 'FR';
export const DEMO_OTHER_STORE = { code: 'LYO01', name: 'Halles de la Croix-Rousse – Lyon 4e' } as const;
export const DEMO_WAREHOUSE = { code: 'WH01', name: 'Entrepôt Rungis' } as const;

export const DEMO_STOCK_LOCATIONS: readonly StockLocation[] = [
  { code: DEMO_STORE.code, kind: 'store', name: DEMO_STORE.name, region: DEMO_REGION },
  { code: DEMO_OTHER_STORE.code, kind: 'store', name: DEMO_OTHER_STORE.name, region: DEMO_REGION },
  { code: DEMO_WAREHOUSE.code, kind: 'warehouse', name: DEMO_WAREHOUSE.name, region: DEMO_REGION },
];

/**
 * Registers the demo's stock locations (once) and gives Lyon and the
 * warehouse opening stock (once per location): Lyon carries two products in
 * three, the warehouse every other one, in bulk. The stock mirror then copies
 * every location's levels to the other stores.
 */
export async function seedDemoStockNetwork(db: Database, products: readonly Product[]): Promise<void> {
  await ensureStore(db, DEMO_OTHER_STORE.code, DEMO_OTHER_STORE.name);
  const known = await db.query<{ code: string }>('SELECT code FROM stock_locations');
  const registered = new Set(known.rows.map((row) => row.code));
  for (const location of DEMO_STOCK_LOCATIONS) {
    if (!registered.has(location.code)) await registerStockLocation(db, location);
  }
  // A demo database registered before the settings carried the names gets them now (no change, no write).
  await db.transaction((tx) => refreshRegionLocationNames(tx, DEMO_REGION));
  const now = new Date().toISOString();
  const opening = (keep: (index: number) => boolean, quantity: (product: Product, index: number) => number) =>
    products.flatMap((product, index) =>
      keep(index) ? [{ productId: product.id, quantity: quantity(product, index) }] : [],
    );
  const lyon = opening(
    (i) => i % 3 !== 0,
    (product, i) => (product.unit === 'kg' ? 2_000 + (i % 10) * 500 : i % 11 === 0 ? 0 : 1 + (i % 9)),
  );
  const warehouse = opening(
    (i) => i % 2 === 0,
    (product, i) => (product.unit === 'kg' ? 50_000 + (i % 7) * 10_000 : 20 + (i % 5) * 40),
  );
  for (const [location, levels] of [
    [DEMO_STOCK_LOCATIONS[1], lyon],
    [DEMO_STOCK_LOCATIONS[2], warehouse],
  ] as const) {
    if (!location) continue;
    await db.transaction(async (tx) => {
      await lockScope(tx, 'inventory', location.code);
      const existing = await tx.query(
        "SELECT 1 FROM sync_documents WHERE collection = 'inventory' AND scope = $1 LIMIT 1",
        [location.code],
      );
      if (existing.rows.length === 0) await setOwnStockLevels(tx, location, levels, now);
    });
  }
}
