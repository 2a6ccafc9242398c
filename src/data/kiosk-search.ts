import type { CatalogCategory } from '../core/catalog/categories';
import type { Product } from '../core/catalog/product';
import type { CatalogChange, TillCatalog } from './catalog/till-catalog';
import { createKioskSearchIndex, type KioskSearchIndex, type KioskSearchOptions } from './kiosk-search-index';

// The kiosk's search as you type: the index of kiosk-search-index.ts built
// from the till's own catalog (src/data/catalog/, a slice at a time), then
// kept equal to it by the catalog's changes. Works offline: nothing here reaches the server.

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
  /** Products indexed between two pauses that let the page paint (the kiosk stays responsive while it builds). */
  readonly sliceSize?: number;
  /** Clock for the build time (tests). */
  readonly now?: () => number;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function startKioskSearch(
  catalog: TillCatalog,
  { sliceSize = 2_000, now = () => performance.now() }: KioskSearchStartOptions = {},
): KioskSearch {
  const index: KioskSearchIndex = createKioskSearchIndex();
  let closed = false;
  let buildMs: number | undefined;
  let indexingMs = 0;
  // Changes seen while the first build reads the storage, applied once it is done (they are newer).
  let pending: CatalogChange[] | undefined = [];

  const apply = (change: CatalogChange) => {
    if (change.product) index.put(change.product);
    else index.remove(change.id);
  };

  const subscription = catalog.changes$.subscribe((changes) => {
    for (const change of changes) {
      if (pending) pending.push(change);
      else apply(change);
    }
  });

  const ready = (async () => {
    const started = now();
    for await (const slice of catalog.slices(sliceSize)) {
      const sliceStarted = now();
      for (const product of slice) index.put(product);
      indexingMs += now() - sliceStarted;
      if (closed) return;
      await pause();
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
