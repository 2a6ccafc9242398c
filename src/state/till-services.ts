import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import type { PosBridge } from '../core/bridge/pos-bridge';
import type { Product } from '../core/catalog/product';
import type { RuntimeConfig } from '../core/runtime/runtime-config';
import { replicateCatalog } from '../data/catalog-replication';
import { checkServerHealth } from '../data/server-health';
import { createTillDatabase, type TillDatabase } from '../data/till-database';
import { connectBridge } from '../platform/connect-bridge';
import { createDeviceStatusStore, type DeviceStatusStore } from './device-status-store';
import { createSyncStatusStore, type SyncStatusStore } from './sync-status-store';

const HEALTH_INTERVAL_MS = 5_000;

export interface TillServices {
  readonly config: RuntimeConfig;
  readonly db: TillDatabase;
  readonly bridge: PosBridge | undefined;
  readonly syncStatus: SyncStatusStore;
  readonly deviceStatus: DeviceStatusStore;
  findProductByBarcode(barcode: string): Promise<Product | undefined>;
}

/** Opens the local database, starts replication and health checks, connects the hardware bridge. */
export async function startTillServices(config: RuntimeConfig): Promise<TillServices> {
  // z-schema rather than ajv: ajv compiles validators with eval, which the CSP forbids.
  const storage = wrappedValidateZSchemaStorage({ storage: getRxStorageDexie() });
  const db = await createTillDatabase(`till-${config.storeCode}-${config.tillCode}`.toLowerCase(), storage);
  const syncStatus = createSyncStatusStore();
  const deviceStatus = createDeviceStatusStore();

  const setCatalog = (patch: Partial<SyncStatus['catalog']>) =>
    syncStatus.setState((s) => ({ catalog: { ...s.catalog, ...patch } }));
  db.products.count().$.subscribe((productCount) => setCatalog({ productCount }));
  const replication = replicateCatalog(db.products, config.syncUrl);
  replication.active$.subscribe((active) => {
    if (active) setCatalog({ state: 'syncing' });
  });
  replication.error$.subscribe((error) => setCatalog({ state: 'error', error: error.message }));
  void replication.awaitInitialReplication().then(() => setCatalog({ state: 'in-sync', error: undefined }));

  const pollHealth = async () => {
    const health = await checkServerHealth(config.syncUrl);
    syncStatus.setState(
      health.reachable
        ? { server: 'online', lastContactAt: health.checkedAt, offlineReason: undefined }
        : { server: 'offline', offlineReason: health.reason },
    );
  };
  void pollHealth();
  setInterval(() => void pollHealth(), HEALTH_INTERVAL_MS);

  const bridge = connectBridge(config);
  if (bridge) {
    bridge.onHostConnection((hostConnected) => deviceStatus.setState({ hostConnected }));
    bridge.onDeviceStatus((status) =>
      deviceStatus.setState((s) => ({ devices: { ...s.devices, [status.deviceId]: status } })),
    );
  }

  return {
    config,
    db,
    bridge,
    syncStatus,
    deviceStatus,
    async findProductByBarcode(barcode) {
      const doc = await db.products.findOne({ selector: { barcode } }).exec();
      return doc ? doc.toMutableJSON() : undefined;
    },
  };
}

type SyncStatus = ReturnType<SyncStatusStore['getState']>;
