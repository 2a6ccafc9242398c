import { createStore } from 'zustand/vanilla';
import type { Product } from '../core/catalog/product';
import { t } from '../i18n/i18n';

// The cashier's search by name: what is typed, the answer shown for it, the
// row chosen with the arrow keys, and Enter, which hands the product to the
// sale. Each keystroke searches at once (the index answers in well under a
// millisecond, docs/product-search.md); an answer that arrives after a newer
// keystroke is dropped, so the list always matches the field.

export interface ProductSearchState {
  readonly open: boolean;
  readonly query: string;
  /** The query the shown results answer; undefined until the first answer for this opening. */
  readonly answered: string | undefined;
  readonly results: readonly Product[];
  /** Index of the highlighted row, -1 when there is none. */
  readonly selected: number;
  readonly problem: string | undefined;
}

export interface ProductSearchDeps {
  readonly searchProducts: (typed: string, limit: number) => Promise<Product[]>;
  /** The sale's way in (sale store `addProduct`). */
  readonly addProduct: (product: Product) => Promise<void>;
  /**
   * A barcode that reached the field (a scan the keyboard-wedge detector did
   * not recognise, e.g. a slow scanner, or a code typed by hand) goes to the
   * sale as a scan on Enter.
   */
  readonly scan?: (raw: string) => Promise<void>;
  /** Rows shown at most. */
  readonly limit?: number;
}

const CLOSED: ProductSearchState = {
  open: false,
  query: '',
  answered: undefined,
  results: [],
  selected: -1,
  problem: undefined,
};

export function createProductSearchStore({
  searchProducts,
  addProduct,
  scan,
  limit = 20,
}: ProductSearchDeps) {
  const store = createStore<ProductSearchState>()(() => CLOSED);
  // Each keystroke's search gets a number; only the latest one's answer is shown.
  let asked = 0;

  const clampTo = (index: number) => {
    const { results } = store.getState();
    if (results.length === 0) return -1;
    return Math.min(results.length - 1, Math.max(0, index));
  };

  const api = {
    store,

    openSearch(): void {
      if (store.getState().open) return;
      asked++;
      store.setState({ ...CLOSED, open: true, answered: '' });
    },

    close(): void {
      asked++;
      if (store.getState().open) store.setState(CLOSED);
    },

    async type(query: string): Promise<void> {
      if (!store.getState().open) return;
      const mine = ++asked;
      store.setState({ query });
      if (query.trim() === '') {
        store.setState({ answered: query, results: [], selected: -1, problem: undefined });
        return;
      }
      let results: Product[];
      try {
        results = await searchProducts(query, limit);
      } catch {
        if (mine === asked)
          store.setState({ answered: query, results: [], selected: -1, problem: t('productSearch.failed') });
        return;
      }
      if (mine !== asked) return;
      store.setState({ answered: query, results, selected: results.length > 0 ? 0 : -1, problem: undefined });
    },

    /**
     * A scan while the search is open: the basket behind it is not touched
     * (the dialog says the scan was ignored). A keyboard-wedge scanner's keys
     * went into the field as typed (it answers each key), so they come out
     * again and the field holds what the cashier typed.
     */
    dropScan(scan: { readonly data: string; readonly source: string }): void {
      if (!store.getState().open || scan.source !== 'keyboard-wedge') return;
      const { query } = store.getState();
      void api.type(query.length > scan.data.length ? query.slice(0, -scan.data.length) : '');
    },

    /** Arrow keys: one row up or down, kept within the list. */
    move(step: number): void {
      const { selected } = store.getState();
      store.setState({ selected: clampTo(selected + step) });
    },

    select(index: number): void {
      store.setState({ selected: clampTo(index) });
    },

    /** Enter (or a tap on a row): the highlighted product goes to the basket and the search closes. */
    async choose(index = store.getState().selected): Promise<void> {
      const { results, answered, query } = store.getState();
      const code = query.trim();
      if (scan && /^\d{8,14}$/.test(code) && results.length === 0) {
        api.close();
        await scan(code);
        return;
      }
      // Results for an older query would add something the cashier has not seen for what is typed.
      if (answered !== query) return;
      const product = results[index];
      if (!product) return;
      api.close();
      await addProduct(product);
    },
  };
  return api;
}

export type ProductSearchStore = ReturnType<typeof createProductSearchStore>;
