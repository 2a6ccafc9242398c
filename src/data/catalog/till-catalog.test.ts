import { afterEach, describe, expect, it } from 'vitest';
import type { Product } from '../../core/catalog/product';
import type { CatalogManifest } from '../../core/sync/catalog-wire';
import { createCatalogEngine } from './catalog-engine';
import { aNumberedProduct } from './test-builders';
import { openTillCatalog, type TillCatalog } from './till-catalog';

// The catalog in pages plus a log, with the engine in-process and the memory
// page store (the same code the Web Worker runs over IndexedDB: page-store.test.ts
// runs that store on fake-indexeddb, and e2e till-restart in Chromium).

const product = (n: number, extra: Partial<Product> = {}): Product =>
  aNumberedProduct(n, `Article ${n} ${n % 2 === 0 ? 'pair' : 'impair'}`, extra);

/** Stores a snapshot of `products` in pages of `pageSize`, as a first sync would. */
async function storeSnapshot(catalog: TillCatalog, products: readonly Product[], pageSize: number) {
  const pages: CatalogManifest['pages'] = [];
  for (let i = 0; i < products.length; i += pageSize)
    pages.push({
      after: i,
      upTo: Math.min(products.length, i + pageSize),
      count: Math.min(pageSize, products.length - i),
    });
  await catalog.snapshot.begin({ upTo: products.length, pageSize, total: products.length, pages });
  // Out of order, as concurrent downloads finish.
  for (const key of pages.map((_, k) => k).reverse())
    await catalog.snapshot.putPage(
      key,
      JSON.stringify({ products: products.slice(key * pageSize, (key + 1) * pageSize) }),
    );
  await catalog.snapshot.complete();
}

describe('the till catalog: snapshot pages, change log, columns in memory', () => {
  const opened: TillCatalog[] = [];
  const open = async (name: string, compactAt?: number) => {
    const catalog = await openTillCatalog(name, {
      store: 'memory',
      engine: createCatalogEngine(),
      ...(compactAt ? { compactAt } : {}),
    });
    opened.push(catalog);
    await catalog.ready;
    return catalog;
  };
  afterEach(async () => {
    for (const catalog of opened.splice(0)) await catalog.close();
  });

  it('reads a stored snapshot into columns: every product by barcode and id, names searchable', async () => {
    const name = `catalog-${Math.random()}`;
    const products = Array.from({ length: 2_500 }, (_, n) => product(n));
    const first = await open(name);
    await storeSnapshot(first, products, 1_000);
    expect(first.size()).toBe(2_500);
    // Read into columns as the pages were stored, not read back.
    expect(first.stats()).toMatchObject({ columns: 2_500, overlay: 0, source: 'download' });
    for (const n of [0, 999, 1_000, 2_499])
      expect(first.byBarcode(String(3_000_000_000_000 + n))).toEqual(products[n]);
    expect(first.byId('p01234')).toEqual(products[1_234]);
    expect(first.byBarcode('3000000009999')).toBeUndefined();
    expect(first.byId('nope')).toBeUndefined();
    expect((await first.search('article 1234')).map((p) => p.id)).toEqual(['p01234']);

    // A restart takes the columns saved then, without parsing a page.
    const again = await open(name);
    expect(again.stats()).toMatchObject({ columns: 2_500, source: 'saved' });
    expect(again.size()).toBe(2_500);
    expect((await again.search('article 2499')).map((p) => p.id)).toEqual(['p02499']);
    expect(again.byBarcode('3000000001500')?.id).toBe('p01500');
  });

  it('a pulled price change is seen by every lookup at once, kept in the log over a restart, and never rewrites a page', async () => {
    const name = `catalog-${Math.random()}`;
    const catalog = await open(name);
    await storeSnapshot(
      catalog,
      Array.from({ length: 300 }, (_, n) => product(n)),
      100,
    );
    const seen: string[] = [];
    catalog.changes$.subscribe((changes) => seen.push(...changes.map((c) => c.id)));
    await catalog.applyPulled([{ ...product(42), priceMinor: 9_999, _deleted: false }], 301);
    expect(catalog.byBarcode('3000000000042')?.priceMinor).toBe(9_999);
    expect(catalog.byId('p00042')?.priceMinor).toBe(9_999);
    expect((await catalog.search('article 42 pair'))[0]?.priceMinor).toBe(9_999);
    expect(seen).toEqual(['p00042']);
    expect(await catalog.snapshot.meta()).toMatchObject({ complete: true, logSeq: 301 });

    // A rename, in the log only: the name index read back at the next start must learn it.
    await catalog.applyPulled([{ ...product(7), name: 'Confiture de coings', _deleted: false }], 302);
    expect(catalog.stats().namesSource).toBe('built');

    const restarted = await open(name);
    expect(restarted.byBarcode('3000000000042')?.priceMinor).toBe(9_999);
    expect((await restarted.search('article 42 pair'))[0]?.priceMinor).toBe(9_999);
    expect(restarted.size()).toBe(300);
    expect(restarted.stats()).toMatchObject({ source: 'saved', overlay: 2 });
    // The name index was saved with the columns: read back, not built again, with the log over it.
    expect(restarted.stats().namesSource).toBe('saved');
    expect((await restarted.search('confiture')).map((p) => p.id)).toEqual(['p00007']);
    expect((await restarted.search('article 7 impair', 50)).map((p) => p.id)).not.toContain('p00007');
    expect((await restarted.search('article 299')).map((p) => p.id)).toEqual(['p00299']);
  });

  it('follows new, renamed, re-barcoded and withdrawn products, and a tombstone removes one', async () => {
    const catalog = await open(`catalog-${Math.random()}`);
    await storeSnapshot(
      catalog,
      Array.from({ length: 10 }, (_, n) => product(n)),
      4,
    );
    await catalog.applyPulled(
      [
        { ...product(100), _deleted: false },
        { ...product(1), name: 'Confiture de fraises', searchName: 'confiture de fraises', _deleted: false },
        { ...product(2), barcode: '3999999999994', _deleted: false },
        { ...product(3), _deleted: true },
        { ...product(4), active: false, _deleted: false },
      ],
      20,
    );
    expect(catalog.size()).toBe(10);
    expect(catalog.byBarcode('3000000000100')?.id).toBe('p00100');
    expect(catalog.byBarcode('3000000000002')).toBeUndefined();
    expect(catalog.byBarcode('3999999999994')?.id).toBe('p00002');
    expect(catalog.byBarcode('3000000000003')).toBeUndefined();
    expect(catalog.byId('p00003')).toBeUndefined();
    expect(catalog.byBarcode('3000000000004')?.active).toBe(false);
    expect((await catalog.search('confit')).map((p) => p.id)).toEqual(['p00001']);
    expect((await catalog.search('article 1 impair')).map((p) => p.id)).toEqual([]);
    expect((await catalog.search('article 4')).map((p) => p.id)).toEqual([]);
    expect((await catalog.getMany(['p00001', 'p00003', 'p00100'])).size).toBe(2);
  });

  it('compaction folds the log into the pages it touches: same answers, empty overlay, an empty log', async () => {
    const name = `catalog-${Math.random()}`;
    const catalog = await open(name, 1_000);
    await storeSnapshot(
      catalog,
      Array.from({ length: 50 }, (_, n) => product(n)),
      10,
    );
    await catalog.applyPulled([{ ...product(7), priceMinor: 1, _deleted: false }], 60);
    await catalog.applyPulled([{ ...product(200), _deleted: false }], 61);
    await catalog.applyPulled([{ ...product(8), _deleted: true }], 62);
    expect(catalog.stats().overlay).toBe(3);
    await catalog.compact();
    expect(catalog.stats()).toMatchObject({ overlay: 0, columns: 50, loads: 3 });
    expect(catalog.byBarcode('3000000000007')?.priceMinor).toBe(1);
    expect(catalog.byBarcode('3000000000200')?.id).toBe('p00200');
    expect(catalog.byId('p00008')).toBeUndefined();
    const restarted = await open(name);
    expect(restarted.stats()).toMatchObject({ columns: 50, overlay: 0, source: 'saved' });
    expect(restarted.byBarcode('3000000000007')?.priceMinor).toBe(1);
    expect(await restarted.snapshot.meta()).toMatchObject({ logSeq: 62 });
  });

  it('keeps the changes that arrive while it reads the stored catalog', async () => {
    const name = `catalog-${Math.random()}`;
    const first = await open(name);
    await storeSnapshot(
      first,
      Array.from({ length: 100 }, (_, n) => product(n)),
      10,
    );
    const second = await openTillCatalog(name, { store: 'memory', engine: createCatalogEngine() });
    opened.push(second);
    // Before `ready`: stored in the log and applied over whatever the load reads.
    await second.applyPulled([{ ...product(5), priceMinor: 5, _deleted: false }], 200);
    await second.ready;
    expect(second.byBarcode('3000000000005')?.priceMinor).toBe(5);
    expect(second.size()).toBe(100);
  });

  it('tells barcodes apart that are one number ("0" in front), and refuses text that is no barcode', async () => {
    const catalog = await open(`catalog-${Math.random()}`);
    await storeSnapshot(
      catalog,
      [product(1, { barcode: '012345678905' }), product(2, { barcode: '0012345678905' })],
      10,
    );
    expect(catalog.byBarcode('012345678905')?.id).toBe('p00001');
    expect(catalog.byBarcode('0012345678905')?.id).toBe('p00002');
    expect(catalog.byBarcode('12345678905')).toBeUndefined();
    expect(catalog.byBarcode('ABC')).toBeUndefined();
  });
});
