import type { StockLocationName } from '../../../src/core/settings/stock-location-names';
import { storeSettingsId, storeSettingsSchema } from '../../../src/core/settings/store-settings';
import type { Queryable } from '../db/database';
import { lockScope, readDocuments, writeDocuments } from '../sync/document-store';
import { sameDocument } from '../sync/same-document';

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
    await lockScope(tx, 'settings', store.code);
    const id = storeSettingsId(store.code);
    const stored = (await readDocuments(tx, 'settings', [id])).get(id);
    if (!stored || stored.deleted) continue;
    if (sameDocument(stored.doc.stockLocations ?? [], names)) continue;
    const next = storeSettingsSchema.safeParse({ ...stored.doc, stockLocations: names });
    if (!next.success) continue;
    await writeDocuments(tx, 'settings', store.code, [{ id, doc: { ...next.data }, deleted: false }]);
  }
}
