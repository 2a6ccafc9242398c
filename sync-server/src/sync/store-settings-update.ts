import {
  type StoreSettings,
  storeSettingsId,
  storeSettingsSchema,
} from '../../../src/core/settings/store-settings';
import type { Queryable } from '../db/database';
import { lockScope, readDocuments, writeDocuments } from './document-store';

/**
 * Changes some fields of a store's settings document, which every till of the store pulls, for the
 * server's own writers (device keys, stock location names). The scope lock is taken first and `change`
 * runs under it, so whatever it reads (the store's devices, its region's places) is what another writer
 * committed before: two writers never each write a list missing the other's row. `change` answers the
 * fields to write, or undefined when nothing changes (then nothing is written). A store with no settings
 * yet gets nothing; settings another writer left invalid are not repaired here.
 */
export async function updateStoreSettings(
  tx: Queryable,
  storeCode: string,
  change: (stored: Readonly<Record<string, unknown>>) => Promise<Partial<StoreSettings> | undefined>,
): Promise<void> {
  await lockScope(tx, 'settings', storeCode);
  const id = storeSettingsId(storeCode);
  const stored = (await readDocuments(tx, 'settings', [id])).get(id);
  if (!stored || stored.deleted) return;
  const patch = await change(stored.doc);
  if (patch === undefined) return;
  const next = storeSettingsSchema.safeParse({ ...stored.doc, ...patch });
  if (!next.success) return;
  await writeDocuments(tx, 'settings', storeCode, [{ id, doc: { ...next.data }, deleted: false }]);
}
