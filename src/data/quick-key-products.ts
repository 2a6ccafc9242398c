import type { Product } from '../core/catalog/product';
import type { QuickKey } from '../core/settings/store-settings';
import type { TillDatabase } from './till-database';

/** A quick key of the store's settings with the product it sells (found in the till's catalog). */
export interface QuickKeyItem {
  readonly label: string;
  readonly product: Product;
}

/**
 * The store's quick keys, in grid order, each with its product. A key whose
 * product this till does not have (not synced yet, or withdrawn) is left out.
 */
export async function loadQuickKeyItems(db: TillDatabase): Promise<QuickKeyItem[]> {
  const settings = (await db.settings.findOne().exec())?.toMutableJSON();
  const keys: readonly QuickKey[] = settings?.quickKeys ?? [];
  if (keys.length === 0) return [];
  const found = await db.catalog.getMany(keys.map((k) => k.productId));
  return keys.flatMap((key) => {
    const product = found.get(key.productId);
    return product?.active ? [{ label: key.label ?? product.name, product }] : [];
  });
}
