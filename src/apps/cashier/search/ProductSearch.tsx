import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ProductSearchStore } from '../../../state/product-search-store';
import { ProductSearchDialog } from './ProductSearchDialog';

/** F3 (or Ctrl+F) opens the search from anywhere on the till, as the button does. */
const opensSearch = (event: KeyboardEvent) =>
  event.key === 'F3' ||
  ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f');

/** The search by name: its button on the basket, its shortcut, and the dialog while open. */
export function ProductSearch({
  search,
  disabled,
}: {
  readonly search: ProductSearchStore;
  readonly disabled: boolean;
}) {
  const { t } = useTranslation();
  const open = useStore(search.store, (s) => s.open);
  useEffect(() => {
    if (disabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!opensSearch(event)) return;
      event.preventDefault();
      search.openSearch();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [search, disabled]);
  useEffect(() => {
    if (disabled) search.close();
  }, [search, disabled]);

  return (
    <>
      <button
        type="button"
        className="product-search-open"
        data-testid="open-product-search"
        aria-keyshortcuts="F3 Control+F"
        disabled={disabled}
        onClick={search.openSearch}
      >
        {t('productSearch.open')} <kbd>{t('productSearch.shortcut')}</kbd>
      </button>
      {open && <ProductSearchDialog search={search} />}
    </>
  );
}
