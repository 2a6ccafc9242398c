import { priceCart } from '../../../core/cart';
import { t } from '../../../i18n/i18n';
import { tillToasts } from '../../../ui/kit/toast-store';
import type { TillMenuEntry } from '../till-menu';
import type { SaleEditing } from './sale-editing';

/** What the sale's entries depend on: a payment under way, an empty basket, its last line. */
export interface SaleMenuView {
  readonly paying: boolean;
  readonly basketEmpty: boolean;
  readonly lastLine: { readonly lineId: string; readonly name: string } | undefined;
}

/**
 * The everyday sale's entries of the till menu, on the keys the menu's plan
 * gives them (cashier-menu.ts): F6 void the last line, F2 the line's
 * quantity, F10 quick keys, F7 a basket discount, F8 park the sale; the
 * parked sales are in the F1 list.
 */
export function saleMenuEntries(
  editing: SaleEditing,
  { paying, basketEmpty, lastLine }: SaleMenuView,
): TillMenuEntry[] {
  return [
    {
      id: 'void-last',
      labelKey: 'cashierLayout.voidLast',
      shortcut: 'F6',
      disabled: lastLine === undefined || paying,
      onSelect: () => {
        if (!lastLine) return;
        const { sale } = editing;
        sale.voidLine(lastLine.lineId);
        const stillThere = priceCart(sale.store.getState().cart).lines.some(
          ({ line }) => line.lineId === lastLine.lineId,
        );
        if (!stillThere) tillToasts.info(t('cashierLayout.voided', { name: lastLine.name }));
      },
    },
    {
      id: 'quantity',
      labelKey: 'saleEdit.menu.quantity',
      shortcut: 'F2',
      disabled: paying || basketEmpty,
      onSelect: () => editing.show('quantity'),
    },
    {
      id: 'quick-keys',
      labelKey: 'saleEdit.menu.quickKeys',
      shortcut: 'F10',
      disabled: paying,
      onSelect: () => editing.show('quick-keys'),
    },
    {
      id: 'basket-discount',
      labelKey: 'saleEdit.menu.basketDiscount',
      shortcut: 'F7',
      disabled: paying || basketEmpty,
      onSelect: () => editing.discounts.openFor(null),
    },
    {
      id: 'park',
      labelKey: 'saleEdit.menu.park',
      shortcut: 'F8',
      disabled: paying || basketEmpty,
      onSelect: () => void editing.parked.park(),
    },
    {
      id: 'parked',
      labelKey: 'saleEdit.menu.parked',
      disabled: paying,
      onSelect: () => editing.show('parked'),
    },
  ];
}
