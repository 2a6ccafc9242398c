import { describe, expect, it } from 'vitest';
import { aProduct } from '../core/cart/test-builders';
import type { Product } from '../core/catalog/product';
import { createProductSearchStore } from './product-search-store';

const brulee = aProduct({ id: 'brulee', name: 'Crème brûlée' });
const fraiche = aProduct({ id: 'fraiche', name: 'Crème fraîche' });

/** A search whose answers the test releases, in any order. */
function heldSearch() {
  const waiting: { typed: string; answer: (products: Product[]) => void; fail: (e: Error) => void }[] = [];
  return {
    waiting,
    searchProducts: (typed: string) =>
      new Promise<Product[]>((answer, fail) => {
        waiting.push({ typed, answer, fail });
      }),
  };
}

describe('the cashier’s search store', () => {
  it('shows the answer for what is typed, first row highlighted, and adds it on Enter', async () => {
    const added: Product[] = [];
    const search = createProductSearchStore({
      searchProducts: async (typed) => (typed.startsWith('cr') ? [brulee, fraiche] : []),
      addProduct: async (p) => {
        added.push(p);
      },
    });
    search.openSearch();
    await search.type('cr');
    expect(search.store.getState()).toMatchObject({ answered: 'cr', selected: 0 });
    search.move(1);
    search.move(1);
    expect(search.store.getState().selected).toBe(1);
    search.move(-5);
    expect(search.store.getState().selected).toBe(0);
    search.move(1);
    await search.choose();
    expect(added.map((p) => p.id)).toEqual(['fraiche']);
    expect(search.store.getState().open).toBe(false);
  });

  it('never shows an answer older than the last keystroke', async () => {
    const held = heldSearch();
    const search = createProductSearchStore({
      searchProducts: held.searchProducts,
      addProduct: async () => {},
    });
    search.openSearch();
    const first = search.type('c');
    const second = search.type('cr');
    held.waiting[1]?.answer([brulee]);
    await second;
    held.waiting[0]?.answer([fraiche, brulee]);
    await first;
    expect(search.store.getState()).toMatchObject({ query: 'cr', answered: 'cr', results: [brulee] });
  });

  it('does not add from a list that does not answer what is typed yet', async () => {
    const held = heldSearch();
    const added: Product[] = [];
    const search = createProductSearchStore({
      searchProducts: held.searchProducts,
      addProduct: async (p) => {
        added.push(p);
      },
    });
    search.openSearch();
    const first = search.type('cr');
    held.waiting[0]?.answer([brulee]);
    await first;
    void search.type('crx');
    await search.choose();
    expect(added).toEqual([]);
  });

  it('says when nothing matches, and when the search failed', async () => {
    const held = heldSearch();
    const search = createProductSearchStore({
      searchProducts: held.searchProducts,
      addProduct: async () => {},
    });
    search.openSearch();
    const none = search.type('zzz');
    held.waiting[0]?.answer([]);
    await none;
    expect(search.store.getState()).toMatchObject({
      answered: 'zzz',
      results: [],
      selected: -1,
      problem: undefined,
    });
    const broken = search.type('zzzz');
    held.waiting[1]?.fail(new Error('storage closed'));
    await broken;
    expect(search.store.getState().problem).toBe('La recherche n’a pas abouti : tapez de nouveau');
  });

  it('Enter on a barcode that reached the field scans it', async () => {
    const scanned: string[] = [];
    const search = createProductSearchStore({
      searchProducts: async () => [],
      addProduct: async () => {},
      scan: async (raw) => {
        scanned.push(raw);
      },
    });
    search.openSearch();
    await search.type('3017620422003');
    await search.choose();
    expect(scanned).toEqual(['3017620422003']);
    expect(search.store.getState().open).toBe(false);
  });

  it('starts empty at each opening, and ignores answers that arrive after closing', async () => {
    const held = heldSearch();
    const search = createProductSearchStore({
      searchProducts: held.searchProducts,
      addProduct: async () => {},
    });
    search.openSearch();
    const late = search.type('cr');
    search.close();
    held.waiting[0]?.answer([brulee]);
    await late;
    search.openSearch();
    expect(search.store.getState()).toMatchObject({ open: true, query: '', results: [], answered: '' });
  });

  it('a scan while open adds nothing, and the keys a keyboard-wedge scanner typed leave the field', async () => {
    const added: string[] = [];
    const search = createProductSearchStore({
      searchProducts: async (typed) => (typed.startsWith('cr') ? [brulee, fraiche] : []),
      addProduct: async (p) => {
        added.push(p.id);
      },
      scan: async (raw) => {
        added.push(raw);
      },
    });
    search.openSearch();
    await search.type('cr3017620422003');
    search.dropScan({ data: '3017620422003', source: 'keyboard-wedge' });
    await expect.poll(() => search.store.getState().answered).toBe('cr');
    expect(search.store.getState()).toMatchObject({ open: true, query: 'cr', selected: 0 });
    // A serial or HID scanner types nothing into the field: what is there stays.
    search.dropScan({ data: '3017620422003', source: 'serial' });
    expect(search.store.getState().query).toBe('cr');
    expect(added).toEqual([]);
  });
});
