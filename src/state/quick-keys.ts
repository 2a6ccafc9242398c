import { createStore } from 'zustand/vanilla';
import { MAX_LINE_GRAMS } from '../core/cart';
import type { Product } from '../core/catalog/product';
import type { QuickKeyItem } from '../data/quick-key-products';
import { t } from '../i18n/i18n';
import type { LineEdit } from './line-edit';
import type { SaleStore } from './sale-store';

// The quick-key grid: items without a label (bread, loose fruit, bags) rung
// up with one key. A piece product goes straight into the basket (with the
// "3 ×" typed before, if any); a product sold by weight asks for its weight,
// typed in grams on the numpad, since this till reads no scale.

export interface QuickKeysState {
  readonly keys: readonly QuickKeyItem[];
  /** The product sold by weight whose weight the numpad is asking for. */
  readonly weighing: Product | undefined;
}

export function createQuickKeys(
  sale: SaleStore,
  lineEdit: LineEdit,
  loadKeys: () => Promise<readonly QuickKeyItem[]>,
) {
  const store = createStore<QuickKeysState>()(() => ({ keys: [], weighing: undefined }));

  return {
    store,

    async load(): Promise<void> {
      store.setState({ keys: await loadKeys() });
    },

    /** One key pressed. */
    async press(item: QuickKeyItem): Promise<void> {
      if (item.product.unit === 'kg') {
        lineEdit.clearPendingQuantity();
        store.setState({ weighing: item.product });
        return;
      }
      await sale.addItem(item.product, lineEdit.takePendingQuantity());
    },

    /** The weight typed for the product being weighed, in grams. */
    async weigh(grams: number): Promise<boolean> {
      const product = store.getState().weighing;
      if (!product) return false;
      if (!Number.isInteger(grams) || grams < 1 || grams > MAX_LINE_GRAMS) {
        sale.tell(t('saleEdit.quickKeys.weightOutOfRange', { max: MAX_LINE_GRAMS / 1000 }));
        return false;
      }
      store.setState({ weighing: undefined });
      await sale.addItem(product, { weightGrams: grams });
      return true;
    },

    cancelWeighing(): void {
      store.setState({ weighing: undefined });
    },
  };
}

export type QuickKeys = ReturnType<typeof createQuickKeys>;
