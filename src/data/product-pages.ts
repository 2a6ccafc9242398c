import type { DexieStorageInternals, RxStorageInstance } from 'rxdb';
import { fromDexieToStorage } from 'rxdb/plugins/storage-dexie';
import type { Product } from '../core/catalog/product';
import type { ProductCollection } from './collections/products';

// Every stored product, page by page, for building in-memory indexes.
//
// On the till's Dexie storage a page is one IndexedDB getAll over a range of
// the primary key. RxDB's own query walks an IndexedDB cursor, one round
// trip per document: reading 100,000 products that way took 600 s on the
// bench machine under load, against 108 s for the whole first sync that
// wrote them. Other storages (the memory storage of the Node tests) go
// through RxDB's query, in pages too.

export type StoredProduct = Product & { readonly _deleted?: boolean };

type Wrapped = { readonly originalStorageInstance?: RxStorageInstance<Product, unknown, unknown> };

function dexieInternals(products: ProductCollection): DexieStorageInternals | undefined {
  const instance = products.storageInstance as unknown as Wrapped & { internals?: unknown };
  const original = (instance.originalStorageInstance ?? instance) as { internals?: unknown };
  const internals = original.internals as DexieStorageInternals | undefined;
  return internals && typeof (internals as { then?: unknown }).then === 'function' ? internals : undefined;
}

export async function* productPages(
  products: ProductCollection,
  pageSize: number,
): AsyncGenerator<readonly StoredProduct[]> {
  const dexie = dexieInternals(products);
  let after = '';
  for (;;) {
    let page: StoredProduct[];
    if (dexie) {
      const state = await dexie;
      const rows = await state.dexieDb.transaction('r', state.dexieTable, () =>
        state.dexieTable.where(':id').above(after).limit(pageSize).toArray(),
      );
      page = rows.map((row: unknown) => fromDexieToStorage(state.booleanIndexes, row) as StoredProduct);
    } else {
      const query = products.find({
        selector: { id: { $gt: after } },
        sort: [{ id: 'asc' }],
        limit: pageSize,
      });
      page = (await products.storageInstance.query(query.getPreparedQuery())).documents as StoredProduct[];
    }
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = (page[page.length - 1] as StoredProduct).id;
  }
}
