import { useCallback, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../core/catalog/product';
import { useKiosk, useKioskState } from '../kiosk-context';
import { type KeyboardKey, OnScreenKeyboard, typeKey } from '../OnScreenKeyboard';
import { CategoryIcon } from './CategoryIcon';
import { ProductTile } from './ProductTile';

// Find a product: search as you type (on the screen's keyboard or a real
// one), category tiles, or a scan at the kiosk's scanner (KioskScreen
// listens). The results list is announced as it changes.

/** A steady colour per category for its icon's disc (dark enough for white text). */
const TILE_COLOURS = ['#0b5cad', '#1f6b35', '#8a3b00', '#6b2f8a', '#a11d16', '#00626b', '#5a4a00', '#37474f'];
function tileColour(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return TILE_COLOURS[hash % TILE_COLOURS.length] ?? '#0b5cad';
}

export function FindScreen() {
  const { t } = useTranslation();
  const kiosk = useKiosk();
  const fieldId = useId();
  const field = useRef<HTMLInputElement>(null);
  const query = useKioskState((s) => s.query);
  const category = useKioskState((s) => s.category);
  const categories = useKioskState((s) => s.categories);
  const results = useKioskState((s) => s.results);
  const searching = useKioskState((s) => s.searching);
  const language = useKioskState((s) => s.path.language);
  const showing = query.trim() !== '' || category !== undefined;
  // Steady callbacks (they read the query when called), so the keys and the tiles are not re-rendered per key.
  const onKey = useCallback(
    (key: KeyboardKey) => {
      field.current?.focus();
      void kiosk.type(typeKey(kiosk.store.getState().query, key));
    },
    [kiosk],
  );
  const openProduct = useCallback((product: Product) => void kiosk.showProduct(product), [kiosk]);
  const categoryName = categories.find((c) => c.id === category)?.name;

  return (
    <section className="kiosk-find" aria-labelledby="kiosk-find-title" data-testid="kiosk-find">
      <h1 id="kiosk-find-title">{t('kioskApp.find.title')}</h1>
      <p className="kiosk-hint">{t('kioskApp.find.scanHint')}</p>
      <div className="kiosk-search">
        <label htmlFor={fieldId} className="kiosk-label">
          {t('kioskApp.find.searchLabel')}
        </label>
        <input
          id={fieldId}
          ref={field}
          className="kiosk-input kiosk-search-input"
          data-testid="kiosk-search"
          type="search"
          inputMode="none"
          autoComplete="off"
          spellCheck={false}
          value={query}
          placeholder={t('kioskApp.find.searchPlaceholder')}
          onChange={(event) => void kiosk.type(event.target.value)}
        />
      </div>
      <OnScreenKeyboard language={language} onKey={onKey} />
      {showing ? (
        // Which query the list answers, and whether its answer is still coming (tests and the bench wait on these).
        <div
          className="kiosk-results-area"
          data-testid="kiosk-results-area"
          data-query={query}
          data-searching={searching ? 'true' : 'false'}
        >
          <div className="kiosk-results-head">
            <h2 data-testid="kiosk-results-title">
              {categoryName ?? t('kioskApp.find.resultsFor', { query: query.trim() })}
            </h2>
            <button
              type="button"
              className="kiosk-secondary"
              data-testid="kiosk-results-clear"
              onClick={() => void kiosk.chooseCategory(undefined)}
            >
              {t('kioskApp.find.backToCategories')}
            </button>
          </div>
          <p className="visually-hidden" role="status" aria-live="polite" data-testid="kiosk-results-count">
            {searching ? t('kioskApp.find.searching') : t('kioskApp.find.count', { count: results.length })}
          </p>
          {results.length === 0 && !searching ? (
            <p className="kiosk-empty" data-testid="kiosk-no-results">
              {t('kioskApp.find.none')}
            </p>
          ) : (
            <ul className="kiosk-results" aria-label={t('kioskApp.find.resultsLabel')}>
              {results.map((product) => (
                <ProductTile key={product.id} product={product} onOpen={openProduct} />
              ))}
            </ul>
          )}
        </div>
      ) : (
        <div className="kiosk-results-area">
          <h2>{t('kioskApp.find.categories')}</h2>
          <ul className="kiosk-categories" aria-label={t('kioskApp.find.categories')}>
            {categories.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="kiosk-category"
                  data-testid="kiosk-category"
                  data-category={c.id}
                  onClick={() => void kiosk.chooseCategory(c.id)}
                >
                  {c.picture ? (
                    <img className="kiosk-category-picture" src={c.picture} alt="" />
                  ) : (
                    <span
                      className="kiosk-category-icon"
                      aria-hidden="true"
                      style={{ background: tileColour(c.id) }}
                    >
                      {c.icon ? <CategoryIcon icon={c.icon} /> : c.name.charAt(0)}
                    </span>
                  )}
                  <span>{c.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
