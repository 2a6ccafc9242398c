import { withGtinCheckDigit } from '../../src/core/barcodes/gtin';
import { type Product, toSearchName } from '../../src/core/catalog/product';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';

/**
 * A large catalog for volume tests: the demo catalog's items repeated as
 * numbered variants, each with its own valid EAN-13 (prefix 36, then the
 * variant number) so every barcode is unique. About 300 bytes of JSON each.
 */
export function generateLargeCatalog(count: number): Product[] {
  const base = generateFrenchCatalog();
  const products: Product[] = [];
  for (let i = 0; i < count; i++) {
    const model = base[i % base.length] as Product;
    const barcode = withGtinCheckDigit(`36${String(i).padStart(10, '0')}`);
    const name = `${model.name} – réf. ${String(i).padStart(6, '0')} lot ${(i * 7919) % 1000}`;
    products.push({
      ...model,
      id: `prd-${barcode}`,
      barcode,
      name,
      searchName: toSearchName(name),
    });
  }
  return products;
}

export function averageJsonBytes(docs: readonly unknown[]): number {
  if (docs.length === 0) return 0;
  const sample = docs.slice(0, 1000);
  const total = sample.reduce<number>(
    (sum, doc) => sum + new TextEncoder().encode(JSON.stringify(doc)).length,
    0,
  );
  return Math.round(total / sample.length);
}
