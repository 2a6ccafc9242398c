import { addRxPlugin, createRxDatabase, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { type InventoryCollection, inventoryCollectionSchema } from './collections/inventory';
import { type JournalCollection, journalCollectionSchema } from './collections/journal';
import { type OrdersCollection, ordersCollectionSchema } from './collections/orders';
import { type OutboxCollection, outboxCollectionSchema } from './collections/outbox';
import { type ProductCollection, productCollectionSchema } from './collections/products';
import { type SettingsCollection, settingsCollectionSchema } from './collections/settings';
import { type StaffCollection, staffCollectionSchema } from './collections/staff';
import { ordersConflictHandler } from './sync/orders-conflict-handler';

export type TillCollections = {
  products: ProductCollection;
  inventory: InventoryCollection;
  orders: OrdersCollection;
  staff: StaffCollection;
  settings: SettingsCollection;
  journal: JournalCollection;
  outbox: OutboxCollection;
};
export type TillDatabase = RxDatabase<TillCollections>;

/**
 * The till's local database. The renderer passes the Dexie (IndexedDB)
 * storage; Node tests pass the memory storage or Dexie on fake-indexeddb.
 * The open-source RxDB allows 13 open collections per realm: this uses 7;
 * small key/value state (till identity, parked carts) lives in local documents.
 */
export async function createTillDatabase(
  name: string,
  storage: RxStorage<unknown, unknown>,
): Promise<TillDatabase> {
  addRxPlugin(RxDBLocalDocumentsPlugin);
  const db = await createRxDatabase<TillCollections>({
    name,
    storage,
    multiInstance: false,
    closeDuplicates: true,
    localDocuments: true,
  });
  await db.addCollections({
    products: { schema: productCollectionSchema },
    inventory: { schema: inventoryCollectionSchema },
    // RxDB 17 takes the conflict handler here, not in the replication:
    // offline handovers of one order on two tills are merged, never dropped.
    orders: { schema: ordersCollectionSchema, conflictHandler: ordersConflictHandler },
    staff: { schema: staffCollectionSchema },
    settings: { schema: settingsCollectionSchema },
    journal: { schema: journalCollectionSchema },
    outbox: { schema: outboxCollectionSchema },
  });
  return db;
}
