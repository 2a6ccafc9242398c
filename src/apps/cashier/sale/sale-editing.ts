import { createStore } from 'zustand/vanilla';
import { loadQuickKeyItems } from '../../../data/quick-key-products';
import type { TillDatabase } from '../../../data/till-database';
import type { Approvals } from '../../../state/approvals-port';
import { createDiscountFlow } from '../../../state/discount-flow';
import { createLineEdit } from '../../../state/line-edit';
import { createParkedSales } from '../../../state/parked-sales';
import { createQuickKeys } from '../../../state/quick-keys';
import type { SaleStore } from '../../../state/sale-store';

/** The dialog of the everyday sale open now, if any. */
export type SaleDialog = 'quantity' | 'price' | 'quick-keys' | 'parked' | undefined;

/** The everyday sale's flows for one cashier screen: line edits, discounts, parked sales, quick keys. */
export function createSaleEditing(sale: SaleStore, db: TillDatabase, approvals: Approvals) {
  const lineEdit = createLineEdit(sale, approvals);
  const discounts = createDiscountFlow(sale, approvals);
  const parked = createParkedSales(db, sale);
  const quickKeys = createQuickKeys(sale, lineEdit, () => loadQuickKeyItems(db));
  const dialog = createStore<{ open: SaleDialog }>()(() => ({ open: undefined }));
  return {
    sale,
    lineEdit,
    discounts,
    parked,
    quickKeys,
    dialog,
    show(open: SaleDialog) {
      dialog.setState({ open });
    },
    /** Reads what this till keeps (parked sales) and the store's quick keys. */
    async load(): Promise<void> {
      await Promise.all([parked.load(), quickKeys.load()]);
    },
  };
}

export type SaleEditing = ReturnType<typeof createSaleEditing>;
