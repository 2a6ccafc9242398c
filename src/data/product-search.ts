import type { RxStorageChangeEvent } from 'rxdb';
import { buildNameIndex, foldForSearch, type NameIndex } from '../core/catalog/name-index';
import type { Product } from '../core/catalog/product';
import type { ProductCollection } from './collections/products';
import { searchProductsByName } from './product-lookup';

// The till's search by name: the one way screens search the catalog
// (`searchProducts`), so the storage under it can change (issue 15: catalog
// pages, indexes in a Web Worker) without a screen noticing.
//
// Today: an in-memory name index (src/core/catalog/name-index.ts) built from
// the products collection, kept up to date from its change events (a price
// change touches nothing, a new or renamed product goes to the index's
// overlay, a full rebuild only when the overlay grows). The index holds ids
// and folded names only; the products themselves are read from the storage
// by id for each answer, so a price is never stale.

export interface ProductSearch {
  /**
   * Active products whose name matches what was typed (see name-index.ts),
   * best first, at most `limit`. Before the index is built it answers
   * through the storage's name-start index instead (names that start with
   * what was typed).
   */
  searchProducts(typed: string, limit?: number): Promise<Product[]>;
  /** Resolves when the in-memory index answers. */
  readonly ready: Promise<void>;
  /** Changes waiting in the overlay, and products indexed (for tests and the bench). */
  stats(): { readonly indexed: number; readonly overlay: number; readonly builds: number };
  close(): void;
}

export interface ProductSearchOptions {
  /** Products read per storage query while building. */
  readonly pageSize?: number;
  /** Rebuild once this many products changed name since the last build. */
  readonly rebuildAt?: number;
}

const DEFAULT_LIMIT = 20;
type StoredProduct = Product & { _deleted?: boolean; _meta?: unknown; _rev?: string; _attachments?: unknown };

const toProduct = ({ _deleted, _meta, _rev, _attachments, ...product }: StoredProduct): Product => product;

export function startProductSearch(
  products: ProductCollection,
  { pageSize = 5_000, rebuildAt = 2_000 }: ProductSearchOptions = {},
): ProductSearch {
  let index: NameIndex | undefined;
  let building: Promise<void> | undefined;
  let closed = false;
  let builds = 0;
  // Changes seen while a build reads the storage, applied to its index before it serves.
  let pending: RxStorageChangeEvent<Product>[] | undefined;

  const apply = (target: NameIndex, event: RxStorageChangeEvent<Product>) => {
    const doc = event.documentData as StoredProduct | undefined;
    if (event.operation === 'DELETE' || !doc || doc._deleted || !doc.active) target.remove(event.documentId);
    else target.put({ id: doc.id, name: doc.name });
  };

  const subscription = products.eventBulks$.subscribe((bulk) => {
    for (const event of bulk.events as RxStorageChangeEvent<Product>[]) {
      if (index) apply(index, event);
      pending?.push(event);
    }
    if (index && index.overlaySize >= rebuildAt) void rebuild();
  });

  async function build(): Promise<void> {
    pending = [];
    const entries: { id: string; name: string; folded: string }[] = [];
    let after = '';
    for (;;) {
      const query = products.find({
        selector: { id: { $gt: after } },
        sort: [{ id: 'asc' }],
        limit: pageSize,
      });
      // The storage's own documents: no RxDocument per product.
      const page = (await products.storageInstance.query(query.getPreparedQuery())).documents;
      for (const doc of page) {
        if (doc.active && !doc._deleted)
          entries.push({ id: doc.id, name: doc.name, folded: foldForSearch(doc.name) });
      }
      if (page.length < pageSize || closed) break;
      after = (page[page.length - 1] as Product).id;
    }
    const built = buildNameIndex(entries);
    for (const event of pending) apply(built, event);
    pending = undefined;
    index = built;
    builds++;
  }

  function rebuild(): Promise<void> {
    if (!building)
      building = build().finally(() => {
        building = undefined;
      });
    return building;
  }

  const ready = rebuild();

  return {
    ready,
    async searchProducts(typed, limit = DEFAULT_LIMIT) {
      const current = index;
      if (!current) return searchProductsByName(products, typed, limit);
      const hits = current.search(typed, limit);
      if (hits.length === 0) return [];
      const ids = hits.map((h) => h.id);
      const docs = await products.storageInstance.findDocumentsById(ids, false);
      const byId = new Map(docs.map((doc) => [doc.id, doc as StoredProduct]));
      const found: Product[] = [];
      for (const id of ids) {
        const doc = byId.get(id);
        if (doc?.active) found.push(toProduct(doc));
      }
      return found;
    },
    stats: () => ({ indexed: index?.size ?? 0, overlay: index?.overlaySize ?? 0, builds }),
    close() {
      closed = true;
      subscription.unsubscribe();
    },
  };
}
