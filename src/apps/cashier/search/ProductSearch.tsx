import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ProductSearchStore } from '../../../state/product-search-store';
import { ProductSearchDialog } from './ProductSearchDialog';

/** Ctrl+F opens the search too (F3 is its entry in the till's menu). */
const opensSearch = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f';

/** The search by name while it is open, and its Ctrl+F shortcut. */
export function ProductSearch({
  search,
  disabled,
}: {
  readonly search: ProductSearchStore;
  readonly disabled: boolean;
}) {
  const open = useStore(search.store, (s) => s.open);
  useEffect(() => {
    if (disabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!opensSearch(event) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      search.openSearch();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [search, disabled]);
  useEffect(() => {
    if (disabled) search.close();
  }, [search, disabled]);
  return open ? <ProductSearchDialog search={search} /> : null;
}
