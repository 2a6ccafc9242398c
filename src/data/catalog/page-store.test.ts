import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../core/catalog/product';
import type { CatalogManifest } from '../../core/sync/catalog-wire';
import { productAt, productOfBarcode } from './catalog-columns';
import { createCatalogEngine } from './catalog-engine';
import { productLineRanges } from './page-lines';
import { openIndexedDbPageStore } from './page-store';
import { aNumberedProduct } from './test-builders';

// The catalog's IndexedDB store as a till holds it (fake-indexeddb: the same
// API, in memory): pages as the server's UTF-8 bytes beside pages stored as
// text by earlier versions, and the columns saved as Blobs beside columns
// saved as typed arrays by earlier versions. The browser runs the same code
// (e2e till-restart, and the bench's catalog suite).

const product = (n: number): Product => aNumberedProduct(n, `Crème brûlée – réf. ${n}`);

/** A page as the server sends it: one product a line (docs/sync-protocol.md 5.2). */
const serverPage = (products: readonly Product[], after: number, upTo: number) =>
  `{"after":${after},"upTo":${upTo},"products":[${products.map((p) => JSON.stringify(p)).join(',\n')}]}`;

const utf8 = new TextEncoder();
let databases = 0;
const freshName = () => `page-store-test-${++databases}`;

const manifest = (pages: number, size: number): CatalogManifest => ({
  upTo: pages * size,
  pageSize: size,
  total: pages * size,
  pages: Array.from({ length: pages }, (_, i) => ({ after: i * size, upTo: (i + 1) * size, count: size })),
});

/** Writes a value into the catalog's `columns` store as another version of the till would have. */
async function putSavedColumns(name: string, value: unknown): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(`${name}-catalog`, 2);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('columns', 'readwrite');
    tx.objectStore('columns').put(value, 'columns');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** A catalog stored by a first sync of `products` in one page sent as bytes, its columns built and saved. */
async function firstSync(name: string, products: readonly Product[]) {
  const engine = createCatalogEngine();
  await engine.open(name, 'indexeddb');
  await engine.begin(manifest(1, products.length));
  await engine.putPage(0, utf8.encode(serverPage(products, 0, products.length)));
  await engine.complete();
  const { generation } = await engine.meta();
  const built = await engine.load();
  await engine.close();
  return { generation, built };
}

describe('the IndexedDB page store', () => {
  it('gives back pages stored as bytes and as text, each as stored, in key order', async () => {
    const store = await openIndexedDbPageStore(freshName());
    await store.begin(manifest(2, 2));
    const bytes = utf8.encode(serverPage([product(3), product(4)], 2, 4));
    const text = serverPage([product(1), product(2)], 0, 2);
    await store.putPage(1, bytes);
    await store.putPage(0, text);

    const read: [number, string | Uint8Array][] = [];
    await store.readPages((key, page) => read.push([key, page]));
    expect(read.map(([key]) => key)).toEqual([0, 1]);
    expect(read[0]?.[1]).toBe(text);
    expect(read[1]?.[1]).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(read[1]?.[1] as Uint8Array)).toBe(
      serverPage([product(3), product(4)], 2, 4),
    );
    store.close();
  });

  it('reads back columns saved as Blobs, and columns saved as typed arrays by an earlier version', async () => {
    const name = freshName();
    const { built } = await firstSync(name, [product(1), product(2), product(3)]);

    const store = await openIndexedDbPageStore(name);
    const saved = await store.readColumns();
    expect(saved?.columns.count).toBe(3);
    expect(saved?.columns.records).toEqual(built.columns.records);
    expect(saved?.columns.byBarcode).toEqual(built.columns.byBarcode);
    expect(saved?.columns.barcodes).toBeInstanceOf(Float64Array);

    // As an earlier version saved them: the typed arrays themselves, not Blobs.
    await putSavedColumns(name, { generation: saved?.generation, columns: built.columns });
    const old = await store.readColumns();
    expect(old?.columns.records).toEqual(built.columns.records);
    store.close();
  });

  it('reads the pages again when the saved columns cannot be read back', async () => {
    const name = freshName();
    const { generation } = await firstSync(name, [product(1), product(2)]);

    // A saved value whose Blobs are gone (here: not Blobs at all).
    await putSavedColumns(name, { generation, count: 2, blobs: { records: 'gone' } });

    const again = createCatalogEngine();
    await again.open(name, 'indexeddb');
    const loaded = await again.load();
    expect(loaded.source).toBe('pages');
    expect(productOfBarcode(loaded.columns, product(2).barcode)).toEqual(product(2));
    await again.close();
  });

  it('a till that stored text pages before reads them with the byte pages of a later first sync', async () => {
    const name = freshName();
    const engine = createCatalogEngine();
    await engine.open(name, 'indexeddb');
    await engine.begin(manifest(2, 2));
    await engine.putPage(0, serverPage([product(1), product(2)], 0, 2));
    await engine.putPage(1, utf8.encode(serverPage([product(3), product(4)], 2, 4)));
    await engine.complete();
    await engine.close();

    // A restart: no columns built while downloading, every page read back.
    const restarted = createCatalogEngine();
    await restarted.open(name, 'indexeddb');
    const loaded = await restarted.load();
    expect(loaded.columns.count).toBe(4);
    const all = Array.from({ length: 4 }, (_, i) => productAt(loaded.columns, i));
    expect(all).toEqual([product(1), product(2), product(3), product(4)]);
    await restarted.close();
  });

  it('compaction writes its pages as UTF-8 bytes, one product a line, and the catalog is read back from them', async () => {
    const name = freshName();
    await firstSync(name, [product(1), product(2), product(3)]);
    const engine = createCatalogEngine();
    await engine.open(name, 'indexeddb');
    await engine.load();
    // A price change and a new product, pulled, then folded into the pages.
    const changed = { ...product(2), priceMinor: 999 };
    await engine.appendChanges(10, JSON.stringify([changed, product(4)]));
    expect(await engine.compact()).toEqual({ pagesRewritten: 2, changes: 2 });
    await engine.close();

    const store = await openIndexedDbPageStore(name);
    const pages: [number, unknown][] = [];
    await store.readPages((key, page) => pages.push([key, page]));
    store.close();
    expect(pages.map(([key]) => key)).toEqual([0, 1]);
    for (const [, page] of pages) expect(page).toBeInstanceOf(Uint8Array);
    expect(productLineRanges(pages[0]?.[1] as Uint8Array, 3)).toBeDefined();
    expect(productLineRanges(pages[1]?.[1] as Uint8Array, 1)).toBeDefined();

    // The compaction dropped the saved columns: the next start reads these pages.
    const restarted = createCatalogEngine();
    await restarted.open(name, 'indexeddb');
    const loaded = await restarted.load();
    expect(loaded.source).toBe('pages');
    const all = Array.from({ length: loaded.columns.count }, (_, i) => productAt(loaded.columns, i));
    expect(all).toEqual([product(1), changed, product(3), product(4)]);
    await restarted.close();
  });
});
