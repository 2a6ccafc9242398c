// Before issue 15 the catalog was an RxDB collection: one IndexedDB database
// per collection, named by RxDB's Dexie storage
// `rxdb-dexie-<database>--<schema version>--products`. A till updated since
// holds its catalog in pages (till-catalog.ts); the old copy, 100 MB and more
// at 100,000 products, is deleted once, in the background.

const OLD_PRODUCTS = /^rxdb-dexie-(.+)--\d+--products$/;

/** Deletes the old products databases of `database`; how many were found. */
export async function forgetOldProducts(database: string, factory: IDBFactory = indexedDB): Promise<number> {
  if (typeof factory.databases !== 'function') return 0;
  const old = (await factory.databases())
    .map((d) => d.name ?? '')
    .filter((name) => OLD_PRODUCTS.exec(name)?.[1] === database);
  for (const name of old) factory.deleteDatabase(name);
  return old.length;
}
