import type { PosBridge } from '../core/bridge/pos-bridge';
import type { Product } from '../core/catalog/product';
import type { RuntimeConfig } from '../core/runtime/runtime-config';
import type { ScreenSet } from '../core/runtime/screen-sets';
import { forgetOldProducts } from '../data/catalog/forget-old-products';
import { createJournalWriter } from '../data/journal-writer';
import { retireJournalRows, watchOutbox } from '../data/outbox-state';
import { startProductSearch } from '../data/product-search';
import { checkServerHealth } from '../data/server-health';
import { type RunningSync, startSync } from '../data/sync/start-sync';
import { loadTillIdentity } from '../data/sync/till-session';
import { createTillDatabase, type TillDatabase } from '../data/till-database';
import { tillStorage } from '../data/till-storage';
import { connectBridge } from '../platform/connect-bridge';
import { createDeviceStatusStore, type DeviceStatusStore } from './device-status-store';
import type { StartupProgress } from './start-steps';
import { createSyncStatusStore, type SyncStatusStore } from './sync-status-store';

const HEALTH_INTERVAL_MS = 5_000;
const HOST_WAIT_MS = 3_000;

export interface TillServices {
  readonly config: RuntimeConfig;
  readonly db: TillDatabase;
  readonly sync: RunningSync;
  /** Appends sealed entries to this till's journal (pending until the upload passes them). */
  readonly journal: ReturnType<typeof createJournalWriter>;
  readonly bridge: PosBridge | undefined;
  readonly syncStatus: SyncStatusStore;
  readonly deviceStatus: DeviceStatusStore;
  findProductByBarcode(barcode: string): Promise<Product | undefined>;
  /** Search by name as typed (src/data/product-search.ts), best first. */
  searchProducts(typed: string, limit?: number): Promise<Product[]>;
  /** Resolves once the search index is built (searches answer before, with names that start as typed). */
  readonly searchReady: Promise<void>;
}

/**
 * Opens the local database, enrols if needed, starts replication and health
 * checks, connects the hardware bridge. On a first start (no catalog here
 * yet) it waits for the first catalog sync; a till that has its catalog
 * starts at once, online or not. `progress` tells the start screen each step.
 */
export async function startTillServices(
  config: RuntimeConfig,
  screenSet: ScreenSet,
  { progress = quietProgress }: { readonly progress?: StartupProgress } = {},
): Promise<TillServices> {
  progress.step('database');
  const storage = tillStorage();
  // Each screen set is a device of its own (its own till identity and journal).
  const db = await createTillDatabase(`till-${screenSet}`, storage);
  // The catalog left RxDB (issue 15): its old copy goes, without holding the start.
  void forgetOldProducts(`till-${screenSet}`).catch(() => undefined);
  const syncStatus = createSyncStatusStore();
  const deviceStatus = createDeviceStatusStore();

  // Rows an earlier version kept per journal entry: the pending ones go before the upload starts
  // (and before the outbox is counted), the synced ones once the till runs.
  await retireJournalRows(db, 'pending');
  progress.step('enrolment');
  if (await loadTillIdentity(db)) progress.skip('enrolment');
  const pairingCode = config.pairingCodes?.[screenSet];
  const sync = await startSync(db, {
    syncUrl: config.syncUrl,
    ...(pairingCode ? { enrolment: { pairingCode, deviceName: `${screenSet} ${config.storeCode}` } } : {}),
  });
  syncStatus.setState({ till: { storeCode: sync.identity.storeCode, tillCode: sync.identity.tillCode } });
  const journal = createJournalWriter(db, sync.identity);
  watchSync(db, sync, syncStatus);
  void retireJournalRows(db, 'synced').catch(() => undefined);
  // When the server answers again, retry at once rather than wait out the back-off.
  watchServerHealth(config.syncUrl, syncStatus, () => sync.retryNow());
  await firstCatalogSync(db, sync, syncStatus, progress);
  // Built in the background: until it is ready, searches go through the storage's name index.
  const search = startProductSearch(db.catalog);

  progress.step('devices');
  const bridge = connectBridge(config);
  if (bridge) {
    bridge.onHostConnection((hostConnected) => deviceStatus.setState({ hostConnected }));
    bridge.onDeviceStatus((status) =>
      deviceStatus.setState((s) => ({ devices: { ...s.devices, [status.deviceId]: status } })),
    );
    await hostAnswered(deviceStatus);
  }

  return {
    config,
    db,
    sync,
    journal,
    bridge,
    syncStatus,
    deviceStatus,
    findProductByBarcode: (barcode) => search.findProductByBarcode(barcode),
    searchProducts: (typed, limit) => search.searchProducts(typed, limit),
    searchReady: search.ready,
  };
}

const quietProgress: StartupProgress = { step() {}, skip() {}, catalog() {} };

/** A first start waits for the catalog (nothing can be sold without it), telling how far it is. */
async function firstCatalogSync(
  db: TillDatabase,
  sync: RunningSync,
  store: SyncStatusStore,
  progress: StartupProgress,
): Promise<void> {
  if ((await db.catalog.snapshot.meta()).complete) {
    progress.skip('catalog');
    return;
  }
  progress.step('catalog');
  const tell = (s: ReturnType<SyncStatusStore['getState']>) =>
    progress.catalog(
      s.productCount,
      s.catalogRemaining,
      s.replication.state === 'error' || s.server === 'offline',
    );
  tell(store.getState());
  const stop = store.subscribe(tell);
  try {
    await sync.awaitInitialSync();
  } finally {
    stop();
  }
}

/** Gives the hardware host a moment to answer, so the till opens with its devices' state known. */
function hostAnswered(store: DeviceStatusStore, waitMs = HOST_WAIT_MS): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, waitMs);
    const stop = store.subscribe((s) => {
      if (s.hostConnected !== undefined) done();
    });
    if (store.getState().hostConnected !== undefined) done();
    function done() {
      clearTimeout(timer);
      stop();
      resolve();
    }
  });
}

function watchSync(db: TillDatabase, sync: RunningSync, store: SyncStatusStore): void {
  const setReplication = (patch: Partial<ReturnType<SyncStatusStore['getState']>['replication']>) =>
    store.setState((s) => ({ replication: { ...s.replication, ...patch } }));
  let initialDone = false;
  sync.progress$.subscribe(({ active, error }) => {
    if (error) setReplication({ state: 'error', error });
    else if (active) setReplication({ state: 'syncing' });
    else if (initialDone) setReplication({ state: 'in-sync', lastSyncAt: Date.now(), error: undefined });
  });
  void sync.awaitInitialSync().then(() => {
    initialDone = true;
    setReplication({ state: 'in-sync', lastSyncAt: Date.now(), error: undefined });
  });
  db.catalog.size$.subscribe((productCount) => store.setState({ productCount }));
  sync.catalogRemaining$.subscribe((catalogRemaining) => store.setState({ catalogRemaining }));
  watchOutbox(db, sync.identity.tillId).subscribe(({ pending, failed, items }) =>
    store.setState({ outbox: { pending, failed }, outboxItems: items }),
  );
}

function watchServerHealth(syncUrl: string, store: SyncStatusStore, onBackOnline: () => void): void {
  const poll = async () => {
    const health = await checkServerHealth(syncUrl);
    if (health.reachable && store.getState().server === 'offline') onBackOnline();
    store.setState(
      health.reachable
        ? { server: 'online', lastContactAt: health.checkedAt, offlineReason: undefined }
        : { server: 'offline', offlineReason: health.reason },
    );
  };
  void poll();
  setInterval(() => void poll(), HEALTH_INTERVAL_MS);
}
