import { addRxPlugin, createRxDatabase, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { openTillCatalog, type TillCatalog } from './catalog/till-catalog';
import { type InventoryCollection, inventoryCollectionSchema } from './collections/inventory';
import { type JournalCollection, journalCollectionSchema } from './collections/journal';
import { type OrdersCollection, ordersCollectionSchema } from './collections/orders';
import { type OutboxCollection, outboxCollectionSchema } from './collections/outbox';
import { type SalesCollection, salesCollectionSchema } from './collections/sales';
import { type SettingsCollection, settingsCollectionSchema } from './collections/settings';
import { type StaffCollection, staffCollectionSchema } from './collections/staff';
import { MIGRATION_STRATEGIES } from './migrations';
import { ordersConflictHandler } from './sync/orders-conflict-handler';

export type TillCollections = {
  inventory: InventoryCollection;
  orders: OrdersCollection;
  staff: StaffCollection;
  settings: SettingsCollection;
  journal: JournalCollection;
  outbox: OutboxCollection;
  /**
   * The store's recent sales (other tills' too), for returns found offline.
   * Absent only in a database opened with `storeSales: false` (see below).
   */
  sales?: SalesCollection;
};
export type TillDatabase = RxDatabase<TillCollections> & {
  /**
   * The catalog: not an RxDB collection but pages of 1,000 products and a
   * log of changes (src/data/catalog/till-catalog.ts), read into memory by a
   * Web Worker. One document per product was the floor of the first sync
   * (issue 15).
   */
  readonly catalog: TillCatalog;
};

/**
 * The till's local database. The renderer passes the Dexie (IndexedDB)
 * storage; Node tests pass the memory storage or Dexie on fake-indexeddb.
 * The open-source RxDB allows 13 open collections per realm: this uses 7;
 * small key/value state (till identity, parked carts) lives in local documents.
 * `storeSales: false` leaves the store's sales feed out (6 collections): only
 * for Node tests that run two tills in one process.
 */
export async function createTillDatabase(
  name: string,
  storage: RxStorage<unknown, unknown>,
  options: { readonly storeSales?: boolean } = {},
): Promise<TillDatabase> {
  registerTillPlugins();
  const rx = await createRxDatabase<TillCollections>({
    name,
    storage,
    multiInstance: false,
    closeDuplicates: true,
    localDocuments: true,
  });
  const m = MIGRATION_STRATEGIES;
  await rx.addCollections({
    inventory: { schema: inventoryCollectionSchema, migrationStrategies: m.inventory },
    // RxDB 17 takes the conflict handler here, not in the replication:
    // offline handovers of one order on two tills are merged, never dropped.
    orders: {
      schema: ordersCollectionSchema,
      migrationStrategies: m.orders,
      conflictHandler: ordersConflictHandler,
    },
    staff: { schema: staffCollectionSchema, migrationStrategies: m.staff },
    settings: { schema: settingsCollectionSchema, migrationStrategies: m.settings },
    journal: { schema: journalCollectionSchema, migrationStrategies: m.journal },
    outbox: { schema: outboxCollectionSchema, migrationStrategies: m.outbox },
    ...(options.storeSales === false
      ? {}
      : { sales: { schema: salesCollectionSchema, migrationStrategies: m.sales } }),
  });
  // IndexedDB beside RxDB's own in a browser, memory in Node (as the storage passed).
  const catalog = await openTillCatalog(name);
  const closeRx = rx.close.bind(rx);
  return Object.assign(rx, {
    catalog,
    async close() {
      await catalog.close();
      return closeRx();
    },
  });
}

/** RxDB plugins the till needs; adding a plugin twice is a no-op. */
export function registerTillPlugins(): void {
  addRxPlugin(RxDBLocalDocumentsPlugin);
  addRxPlugin(RxDBMigrationSchemaPlugin);
}
