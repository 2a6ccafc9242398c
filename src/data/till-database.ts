import { addRxPlugin, createRxDatabase, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { type InventoryCollection, inventoryCollectionSchema } from './collections/inventory';
import { type JournalCollection, journalCollectionSchema } from './collections/journal';
import { type OrdersCollection, ordersCollectionSchema } from './collections/orders';
import { type OutboxCollection, outboxCollectionSchema } from './collections/outbox';
import { type ProductCollection, productCollectionSchema } from './collections/products';
import { type SalesCollection, salesCollectionSchema } from './collections/sales';
import { type SettingsCollection, settingsCollectionSchema } from './collections/settings';
import { type StaffCollection, staffCollectionSchema } from './collections/staff';
import { MIGRATION_STRATEGIES } from './migrations';
import { ordersConflictHandler } from './sync/orders-conflict-handler';

export type TillCollections = {
  products: ProductCollection;
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
export type TillDatabase = RxDatabase<TillCollections>;

/**
 * The till's local database. The renderer passes the Dexie (IndexedDB)
 * storage; Node tests pass the memory storage or Dexie on fake-indexeddb.
 * The open-source RxDB allows 13 open collections per realm: this uses 8;
 * small key/value state (till identity, parked carts) lives in local documents.
 * `storeSales: false` leaves the store's sales feed out (7 collections): only
 * for Node tests that run two tills in one process, which 16 would not fit.
 */
export async function createTillDatabase(
  name: string,
  storage: RxStorage<unknown, unknown>,
  options: { readonly storeSales?: boolean } = {},
): Promise<TillDatabase> {
  registerTillPlugins();
  const db = await createRxDatabase<TillCollections>({
    name,
    storage,
    multiInstance: false,
    closeDuplicates: true,
    localDocuments: true,
  });
  const m = MIGRATION_STRATEGIES;
  await db.addCollections({
    products: { schema: productCollectionSchema, migrationStrategies: m.products },
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
  return db;
}

/** RxDB plugins the till needs; adding a plugin twice is a no-op. */
export function registerTillPlugins(): void {
  addRxPlugin(RxDBLocalDocumentsPlugin);
  addRxPlugin(RxDBMigrationSchemaPlugin);
}
