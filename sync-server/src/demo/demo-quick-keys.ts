import type { Product } from '../../../src/core/catalog/product';
import type { QuickKey } from '../../../src/core/settings/store-settings';

// The demo store's quick keys: bread sold by the piece and loose fruit and
// vegetables sold by weight, found in the demo catalog by name. The pinned
// demo catalog has no carrier bag, so the demo grid has none either.

const DEMO_QUICK_KEYS: readonly { readonly name: string; readonly label: string }[] = [
  { name: 'Baguette tradition la pièce – Fournil Saint-Jacques', label: 'Baguette' },
  { name: 'Pain de campagne la pièce – Fournil Saint-Jacques', label: 'Pain de campagne' },
  { name: 'Croissants x4 la pièce – Boulangerie Lefèvre', label: 'Croissants x4' },
  { name: 'Pommes Golden catégorie 1 – Vergers du Limousin', label: 'Pommes Golden' },
  { name: 'Bananes catégorie 1 – Vergers du Limousin', label: 'Bananes' },
  { name: 'Tomates grappe catégorie 1 – Vergers du Limousin', label: 'Tomates grappe' },
];

/** The quick keys whose product the catalog has, in grid order. */
export function demoQuickKeys(products: readonly Product[]): QuickKey[] {
  const byName = new Map(products.map((p) => [p.name, p]));
  return DEMO_QUICK_KEYS.flatMap(({ name, label }) => {
    const product = byName.get(name);
    return product ? [{ productId: product.id, label }] : [];
  });
}
