import type { Product } from '../core/catalog/product';
import type { TillCatalog } from './catalog/till-catalog';

/**
 * The product a barcode names (active or not), from the catalog in memory: a
 * binary search over the barcodes and one record decoded, with the changes
 * pulled since the catalog was read applied over it (src/data/catalog/).
 * Waits for the stored catalog to be read when the till has just started.
 */
export function findProductByBarcode(catalog: TillCatalog, barcode: string): Promise<Product | undefined> {
  return catalog.findByBarcode(barcode);
}
