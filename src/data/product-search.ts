import type { Product } from '../core/catalog/product';
import type { TillCatalog } from './catalog/till-catalog';

// The till's search by name and by barcode: the one way screens search the
// catalog (`searchProducts`), so the storage under it can change without a
// screen noticing. Since issue 15 it sits on the catalog of
// src/data/catalog/: barcodes are looked up in compact columns on the
// screen's thread, names in the name index (src/core/catalog/name-index.ts)
// held by the catalog's Web Worker, both kept equal to the server by the
// changes pulled into the catalog's log.

export interface ProductSearch {
  /** Active products whose name matches what was typed (see name-index.ts), best first, at most `limit`. */
  searchProducts(typed: string, limit?: number): Promise<Product[]>;
  /** The product a barcode names (active or not). */
  findProductByBarcode(barcode: string): Promise<Product | undefined>;
  /** Resolves when the catalog is in memory and its names indexed (searches wait for it until then). */
  readonly ready: Promise<void>;
  /** Products in memory and changes over them (for tests and the bench). */
  stats(): { readonly indexed: number; readonly overlay: number; readonly loads: number };
  close(): void;
}

export function startProductSearch(catalog: TillCatalog): ProductSearch {
  return {
    ready: catalog.searchReady(),
    searchProducts: (typed, limit) => catalog.search(typed, limit),
    findProductByBarcode: (barcode) => catalog.findByBarcode(barcode),
    stats: () => ({
      indexed: catalog.size(),
      overlay: catalog.stats().overlay,
      loads: catalog.stats().loads,
    }),
    close() {},
  };
}
