import type { RxStorageChangeEvent } from 'rxdb';
import type { CatalogCategory } from '../core/catalog/categories';
import type { Product } from '../core/catalog/product';
import type { ProductCollection } from './collections/products';
import { createKioskSearchIndex, type KioskSearchIndex, type KioskSearchOptions } from './kiosk-search-index';
import { productPages } from './product-pages';

// The kiosk's search as you type: the index of kiosk-search-index.ts built
// from the till's own products (read page by page from the storage, as the
// cashier's search does), then kept equal to the storage by the products
// collection's change events. Works offline: nothing here reaches the server.

export interface KioskSearch {
  /**
   * Active products whose name matches what was typed, best first
   * (kiosk-search-index.ts). While the first build runs it answers from the
   * products indexed so far.
   */
  kioskSearch(typed: string, options?: KioskSearchOptions): Product[];
  /** The categories to browse, with icon key and product count (src/core/catalog/categories.ts). */
  categories(): CatalogCategory[];
  /** A category's products in name order, a page at a time. */
  inCategory(category: string, page?: { readonly offset?: number; readonly limit?: number }): Product[];
  /** Resolves once every stored product is indexed. */
  readonly ready: Promise<void>;
  /**
   * Products indexed, how long the first build took, and how much of it was
   * FlexSearch's indexing (the rest: reading the storage, pauses for paint).
   */
  stats(): { readonly indexed: number; readonly buildMs: number | undefined; readonly indexingMs: number };
  close(): void;
}

export interface KioskSearchStartOptions {
  /** Products read per storage query. */
  readonly pageSize?: number;
  /** Products indexed between two pauses that let the page paint (the kiosk stays responsive while it builds). */
  readonly sliceSize?: number;
  /** Clock for the build time (tests). */
  readonly now?: () => number;
}

type StoredProduct = Product & { _deleted?: boolean; _meta?: unknown; _rev?: string; _attachments?: unknown };
const toProduct = ({ _deleted, _meta, _rev, _attachments, ...product }: StoredProduct): Product => product;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function startKioskSearch(
  products: ProductCollection,
  { pageSize = 5_000, sliceSize = 2_000, now = () => performance.now() }: KioskSearchStartOptions = {},
): KioskSearch {
  const index: KioskSearchIndex = createKioskSearchIndex();
  let closed = false;
  let buildMs: number | undefined;
  let indexingMs = 0;
  // Changes seen while the first build reads the storage, applied once it is done (they are newer).
  let pending: RxStorageChangeEvent<Product>[] | undefined = [];

  const apply = (event: RxStorageChangeEvent<Product>) => {
    const doc = event.documentData as StoredProduct | undefined;
    if (event.operation === 'DELETE' || !doc || doc._deleted) index.remove(event.documentId);
    else index.put(toProduct(doc));
  };

  const subscription = products.eventBulks$.subscribe((bulk) => {
    for (const event of bulk.events as RxStorageChangeEvent<Product>[]) {
      if (pending) pending.push(event);
      else apply(event);
    }
  });

  const ready = (async () => {
    const started = now();
    for await (const page of productPages(products, pageSize)) {
      for (let start = 0; start < page.length; start += sliceSize) {
        const sliceStarted = now();
        for (const doc of page.slice(start, start + sliceSize)) if (!doc._deleted) index.put(toProduct(doc));
        indexingMs += now() - sliceStarted;
        if (closed) return;
        await pause();
      }
    }
    for (const event of pending ?? []) apply(event);
    pending = undefined;
    buildMs = now() - started;
  })();

  return {
    ready,
    kioskSearch: (typed, options) => index.search(typed, options),
    categories: () => index.categories(),
    inCategory: (category, page) => index.inCategory(category, page),
    stats: () => ({ indexed: index.size, buildMs, indexingMs }),
    close() {
      closed = true;
      subscription.unsubscribe();
    },
  };
}
