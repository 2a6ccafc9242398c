import type { TillMenuEntry } from '../till-menu';
import type { SaleEditing } from './sale-editing';

/**
 * The everyday sale's entries of the till menu, on the keys the menu's plan
 * gives them (till-menu.ts): F2 the line's quantity, F3 quick keys, F7 a
 * basket discount, F8 park the sale; the parked sales are in the F1 list.
 */
export function saleMenuEntries(
  editing: SaleEditing,
  { paying, basketEmpty }: { readonly paying: boolean; readonly basketEmpty: boolean },
): TillMenuEntry[] {
  return [
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
