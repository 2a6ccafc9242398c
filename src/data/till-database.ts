import { createRxDatabase, type RxDatabase, type RxStorage } from 'rxdb';
import { type ProductCollection, productCollectionSchema } from './product-collection';

export type TillCollections = { products: ProductCollection };
export type TillDatabase = RxDatabase<TillCollections>;

/**
 * The till's local database. The renderer passes the Dexie (IndexedDB)
 * storage; Node tests pass the memory storage or Dexie on fake-indexeddb.
 * The open-source RxDB allows 13 open collections per realm: keep to ~11.
 */
export async function createTillDatabase(
  name: string,
  storage: RxStorage<unknown, unknown>,
): Promise<TillDatabase> {
  const db = await createRxDatabase<TillCollections>({
    name,
    storage,
    multiInstance: false,
    closeDuplicates: true,
  });
  await db.addCollections({ products: { schema: productCollectionSchema } });
  return db;
}
