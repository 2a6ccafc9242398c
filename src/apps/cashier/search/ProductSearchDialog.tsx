import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { money } from '../../../core/money';
import { useFormat } from '../../../i18n/use-format';
import type { ProductSearchStore } from '../../../state/product-search-store';
import './product-search.css';

const rowId = (index: number) => `product-search-row-${index}`;
const PAGE = 5;

/**
 * The search as a modal dialog: a combobox field (focus stays in it while
 * the arrow keys move through the results, as the ARIA combobox pattern
 * does), large rows, Enter adds the highlighted product, Escape closes and
 * gives the focus back to where it was (the scan field).
 */
export function ProductSearchDialog({ search }: { readonly search: ProductSearchStore }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { query, answered, results, selected, problem } = useStore(search.store);
  const dialog = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const field = useRef<HTMLInputElement>(null);
  // The field takes the focus; it goes back to where the cashier was (the scan field) on closing.
  useEffect(() => {
    const before = document.activeElement;
    field.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  // The highlighted row stays in view.
  useEffect(() => {
    if (selected >= 0)
      list.current?.querySelector(`#${rowId(selected)}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => search.move(1),
      ArrowUp: () => search.move(-1),
      PageDown: () => search.move(PAGE),
      PageUp: () => search.move(-PAGE),
      Enter: () => void search.choose(),
      Escape: () => search.close(),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
      return;
    }
    // Focus stays inside the dialog: Tab goes between the field and the close button.
    if (event.key === 'Tab') {
      const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('input, button') ?? [])];
      const at = focusable.indexOf(document.activeElement as HTMLElement);
      const next = focusable[(at + (event.shiftKey ? -1 : 1) + focusable.length) % focusable.length];
      event.preventDefault();
      next?.focus();
    }
  };

  const waiting = answered !== query;
  return (
    <div className="product-search-backdrop">
      <div
        ref={dialog}
        className="product-search"
        role="dialog"
        aria-modal="true"
        aria-labelledby="product-search-title"
        data-testid="product-search-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id="product-search-title">{t('productSearch.title')}</h2>
        <label htmlFor="product-search-input">{t('productSearch.label')}</label>
        <input
          ref={field}
          id="product-search-input"
          data-testid="product-search-input"
          // Each key goes straight in (no keyboard-wedge hold-back); a scan still adds its product.
          data-keyboard-wedge="watch"
          type="text"
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls="product-search-results"
          aria-autocomplete="list"
          aria-activedescendant={selected >= 0 ? rowId(selected) : undefined}
          aria-describedby="product-search-hint"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => void search.type(event.target.value)}
        />
        <p id="product-search-hint" className="hint">
          {t('productSearch.hint')}
        </p>
        <div
          className="product-search-answer"
          data-testid="product-search-answer"
          data-query={answered}
          aria-live="polite"
          aria-busy={waiting}
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
        <div
          ref={list}
          id="product-search-results"
          className="product-search-results"
          role="listbox"
          aria-label={t('productSearch.results')}
          data-testid="product-search-results"
        >
          {results.map((product, index) => {
            const price = format.money(money(product.priceMinor, product.currency));
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works on the combobox field (arrows, Enter); a tap adds the row
              <div
                key={product.id}
                id={rowId(index)}
                role="option"
                tabIndex={-1}
                aria-selected={index === selected}
                data-testid="product-search-row"
                onClick={() => void search.choose(index)}
              >
                <span className="name">{product.name}</span>
                <span className="price">
                  {product.unit === 'kg' ? t('productSearch.perKg', { price }) : price}
                </span>
              </div>
            );
          })}
        </div>
        <button type="button" className="close" data-testid="product-search-close" onClick={search.close}>
          {t('productSearch.close')}
        </button>
      </div>
    </div>
  );
}
