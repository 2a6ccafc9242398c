import { aProduct } from '../../core/cart/test-builders';
import { type Product, toSearchName } from '../../core/catalog/product';

/**
 * The catalog tests' product number `n`: id `p00042`, barcode 3000000000042,
 * price 100 + n, active, named `name` (its search name derived from it).
 */
export function aNumberedProduct(n: number, name: string, extra: Partial<Product> = {}): Product {
  return aProduct({
    id: `p${String(n).padStart(5, '0')}`,
    barcode: String(3_000_000_000_000 + n),
    name,
    searchName: toSearchName(name),
    priceMinor: 100 + n,
    active: true,
    ...extra,
  });
}
