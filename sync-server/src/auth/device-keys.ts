import type { DeviceKey } from '../../../src/core/settings/device-keys';
import type { Database, Queryable } from '../db/database';
import { sameDocument } from '../sync/same-document';
import { updateStoreSettings } from '../sync/store-settings-update';
import type { TillPrincipal } from './access-token';

/**
 * Stores the public key a device registered (its till token says who it
 * is; a new key replaces the old one, for a device whose storage was wiped)
 * and puts the store's key list in its settings, which every till pulls.
 */
export async function registerDeviceKey(db: Database, till: TillPrincipal, x: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO device_keys (till_id, x) VALUES ($1, $2)
       ON CONFLICT (till_id) DO UPDATE SET x = EXCLUDED.x, registered_at = now()`,
      [till.tillId, x],
    );
    await refreshStoreDeviceKeys(tx, till.storeCode);
  });
}

/**
 * Writes the keys of the store's devices that are not revoked into its
 * settings document (docs/kiosk-tickets.md). A store with no settings yet
 * gets them with its first settings written after a registration or a
 * revocation. No change, no write.
 */
export async function refreshStoreDeviceKeys(tx: Queryable, storeCode: string): Promise<void> {
  await updateStoreSettings(tx, storeCode, async (stored) => {
    const rows = await tx.query<{ till_id: string; till_code: string; x: string }>(
      `SELECT t.id AS till_id, t.till_code, k.x FROM device_keys k JOIN tills t ON t.id = k.till_id
       WHERE t.store_code = $1 AND t.revoked_at IS NULL ORDER BY t.till_code, t.id`,
      [storeCode],
    );
    const deviceKeys: DeviceKey[] = rows.rows.map((row) => ({
      tillId: row.till_id,
      tillCode: row.till_code,
      kty: 'OKP',
      crv: 'Ed25519',
      x: row.x,
    }));
    return sameDocument(stored.deviceKeys ?? [], deviceKeys) ? undefined : { deviceKeys };
  });
}

export async function refreshDeviceKeysOfTill(db: Database, tillId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const till = await tx.query<{ store_code: string }>('SELECT store_code FROM tills WHERE id = $1', [
      tillId,
    ]);
    const store = till.rows[0]?.store_code;
    if (store) await refreshStoreDeviceKeys(tx, store);
  });
}
