import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Product } from '../../../core/catalog/product';
import { money } from '../../../core/money';
import { useFormat } from '../../../i18n/use-format';
import type { ProductSearchStore } from '../../../state/product-search-store';
import { Dialog, LargeRowList } from '../../../ui/kit';
import './product-search.css';

const PAGE = 5;

type ResultRow = { readonly id: string; readonly label: string; readonly product: Product };

/**
 * The search in the kit's modal dialog: the field keeps the focus while the
 * arrow keys move through the large rows (the kit's LargeRowList, which also
 * takes Tab, arrows and Enter itself, and a tap), Enter adds the highlighted
 * product, Escape closes and gives the focus back (the scan field). A scan
 * meanwhile adds nothing: the dialog says it was ignored.
 */
export function ProductSearchDialog({ search }: { readonly search: ProductSearchStore }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { query, answered, results, selected, problem } = useStore(search.store);
  const rows: ResultRow[] = results.map((product) => ({ id: product.id, label: product.name, product }));
  const indexOf = (id: string) => rows.findIndex((row) => row.id === id);

  const onFieldKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => search.move(1),
      ArrowUp: () => search.move(-1),
      PageDown: () => search.move(PAGE),
      PageUp: () => search.move(-PAGE),
      Enter: () => void search.choose(),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const price = (product: Product) => {
    const amount = format.money(money(product.priceMinor, product.currency));
    return product.unit === 'kg' ? t('productSearch.perKg', { price: amount }) : amount;
  };

  return (
    <Dialog
      title={t('productSearch.title')}
      onClose={search.close}
      cancelLabel={t('productSearch.close')}
      testId="product-search-dialog"
      wide
      onScan={(scan) => {
        search.dropScan(scan);
        return false;
      }}
    >
      <div className="product-search">
        <label htmlFor="product-search-input">{t('productSearch.label')}</label>
        <input
          id="product-search-input"
          data-testid="product-search-input"
          data-autofocus
          // Each key goes straight in (no keyboard-wedge hold-back); a scan still adds its product.
          data-keyboard-wedge="watch"
          type="text"
          aria-controls="product-search-results"
          aria-describedby="product-search-hint"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => void search.type(event.target.value)}
          onKeyDown={onFieldKey}
        />
        <p id="product-search-hint" className="hint">
          {t('productSearch.hint')}
        </p>
        <div
          className="product-search-answer"
          data-testid="product-search-answer"
          data-query={answered}
          aria-live="polite"
        >
          {problem ? (
            <p role="alert" className="error">
              {problem}
            </p>
          ) : answered === undefined || answered.trim() === '' ? (
            <p>{t('productSearch.typeSomething')}</p>
          ) : results.length === 0 ? (
            <p className="none" data-testid="product-search-none">
              {t('productSearch.none', { query: answered })}
            </p>
          ) : (
            <p data-testid="product-search-count">{t('productSearch.count', { count: results.length })}</p>
          )}
        </div>
        <div id="product-search-results">
          {rows.length > 0 && (
            <LargeRowList
              rows={rows}
              label={t('productSearch.results')}
              selectedId={rows[selected]?.id}
              onSelect={(id) => search.select(indexOf(id))}
              onActivate={(id) => void search.choose(indexOf(id))}
              renderRow={(row) => (
                <>
                  <span className="name">{row.label}</span>
                  <span className="price">{price(row.product)}</span>
                </>
              )}
              testId="product-search-results"
            />
          )}
        </div>
      </div>
    </Dialog>
  );
}
