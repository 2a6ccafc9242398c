import type { StockLocationName } from '../../../src/core/settings/stock-location-names';
import type { Queryable } from '../db/database';
import { sameDocument } from '../sync/same-document';
import { updateStoreSettings } from '../sync/store-settings-update';

/**
 * Writes the names of a region's stock locations into the settings of each
 * of its stores, which every till pulls: the kiosk names the places it shows
 * stock for. Like the device keys (auth/device-keys.ts): a store with no
 * settings yet gets nothing; no change, no write; settings another writer
 * left invalid are not repaired here.
 */
export async function refreshRegionLocationNames(tx: Queryable, region: string): Promise<void> {
  const places = await tx.query<{ code: string; kind: 'store' | 'warehouse'; name: string }>(
    'SELECT code, kind, name FROM stock_locations WHERE region = $1 ORDER BY code',
    [region],
  );
  const names: StockLocationName[] = places.rows.map(({ code, kind, name }) => ({
    code,
    kind,
    // The table takes any text; the settings keep names to one short line.
    name: name.replace(/\s+/g, ' ').trim().slice(0, 80) || code,
  }));
  for (const store of places.rows.filter((place) => place.kind === 'store')) {
    await updateStoreSettings(tx, store.code, async (stored) =>
      sameDocument(stored.stockLocations ?? [], names) ? undefined : { stockLocations: names },
    );
  }
}
