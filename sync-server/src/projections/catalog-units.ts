import { productSchema } from '../../../src/core/catalog/product';
import type { Queryable } from '../db/database';
import { readDocuments } from '../sync/document-store';
import type { CatalogUnit } from './stock-quantity';

/**
 * How the catalog sells each product (by piece or by kg, and at what price),
 * for the products of one push. A product missing from the catalog is simply
 * absent from the map; a deleted one still says how it was sold.
 */
export async function readCatalogUnits(
  tx: Queryable,
  productIds: Iterable<string>,
): Promise<ReadonlyMap<string, CatalogUnit>> {
  const stored = await readDocuments(tx, 'products', [...new Set(productIds)]);
  const units = new Map<string, CatalogUnit>();
  for (const [id, document] of stored) {
    const product = productSchema.safeParse(document.doc);
    if (product.success) units.set(id, { unit: product.data.unit, priceMinor: product.data.priceMinor });
  }
  return units;
}
