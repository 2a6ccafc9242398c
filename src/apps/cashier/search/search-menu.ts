import type { ProductSearchStore } from '../../../state/product-search-store';
import type { TillMenuEntry } from '../till-menu';

/** Search by name (F3; Ctrl+F works too, see ProductSearch), not while a payment is under way. */
export function searchMenuEntries(
  search: Pick<ProductSearchStore, 'openSearch'>,
  { paying }: { readonly paying: boolean },
): TillMenuEntry[] {
  return [
    {
      id: 'search',
      labelKey: 'productSearch.open',
      shortcut: 'F3',
      onSelect: search.openSearch,
      disabled: paying,
    },
  ];
}
