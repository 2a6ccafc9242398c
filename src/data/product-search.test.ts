import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aProduct } from '../core/cart/test-builders';
import { toSearchName } from '../core/catalog/product';
import { type ProductSearch, startProductSearch } from './product-search';
import { createTillDatabase, type TillDatabase } from './till-database';

const named = (
  id: string,
  name: string,
  barcode: string,
  extra: { active?: boolean; priceMinor?: number } = {},
) => aProduct({ id, name, searchName: toSearchName(name), barcode, active: true, ...extra });

/** Until the index has seen a change, searches may answer from before it. */
const eventually = async (check: () => Promise<void>) => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await check();
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
};

describe('product search on the till', () => {
  let db: TillDatabase;
  let search: ProductSearch;
  const ids = async (typed: string, limit?: number) =>
    (await search.searchProducts(typed, limit)).map((p) => p.id);
  /** As the replication stores a product the server changed. */
  const change = async (id: string, patch: Partial<ReturnType<typeof named>>) => {
    const product = db.catalog.byId(id);
    if (!product) throw new Error(`no product ${id}`);
    await db.catalog.applyPulled([{ ...product, ...patch, _deleted: false }], 0);
  };

  beforeEach(async () => {
    db = await createTillDatabase(`search-${Math.random()}`, getRxStorageMemory());
    await db.catalog.put([
      named('brulee', 'Crème brûlée x2 – Maison Durand', '3017620422003'),
      named('fraiche', 'Crème fraîche épaisse 250 g – Laiterie du Val', '3017620422010'),
      named('cafe-creme', 'Café crème en dosettes', '3017620422027'),
      named('yaourt', 'Yaourt nature', '3017620422034'),
      named('retire', 'Crème retirée', '3017620422041', { active: false }),
    ]);
    search = startProductSearch(db.catalog);
    await search.ready;
  });
  afterEach(async () => {
    search.close();
    await db.close();
  });

  it('folds accents and case, matches word starts in any order, active products only', async () => {
    expect(await ids('creme brulee')).toEqual(['brulee']);
    expect(await ids('brul cre')).toEqual(['brulee']);
    expect(await ids('CRÈME')).toEqual(['brulee', 'fraiche', 'cafe-creme']);
    expect(await ids('retiree')).toEqual([]);
    expect(await ids('   ')).toEqual([]);
    expect(search.stats().indexed).toBe(5);
  });

  it('ranks names that start with what was typed first, and keeps to the limit', async () => {
    expect(await ids('cr')).toEqual(['brulee', 'fraiche', 'cafe-creme']);
    expect(await ids('cr', 1)).toEqual(['brulee']);
  });

  it('answers with whole products, with the price as stored now', async () => {
    await change('brulee', { priceMinor: 555 });
    await eventually(async () => expect((await search.searchProducts('brulee'))[0]?.priceMinor).toBe(555));
    const [found] = await search.searchProducts('brulee');
    expect(found).toMatchObject({ id: 'brulee', name: 'Crème brûlée x2 – Maison Durand', priceMinor: 555 });
    expect(Object.keys(found ?? {}).filter((k) => k.startsWith('_'))).toEqual([]);
    expect(search.stats()).toMatchObject({ indexed: 5, loads: 1 });
  });

  it('finds a product by its barcode from memory, active or not, and follows its changes', async () => {
    expect((await search.findProductByBarcode('3017620422041'))?.id).toBe('retire');
    expect(await search.findProductByBarcode('4000000000006')).toBeUndefined();
    await change('yaourt', { barcode: '3017620422997', priceMinor: 99 });
    await eventually(async () => expect(await search.findProductByBarcode('3017620422034')).toBeUndefined());
    expect(await search.findProductByBarcode('3017620422997')).toMatchObject({
      id: 'yaourt',
      priceMinor: 99,
    });
  });

  it('follows new, renamed, withdrawn and deleted products without a rebuild', async () => {
    await db.catalog.put([named('flan', 'Crème caramel', '3017620422058')]);
    await change('yaourt', { name: 'Yaourt à la crème' });
    await change('fraiche', { active: false });
    await db.catalog.remove(['cafe-creme']);
    await eventually(async () => expect(await ids('creme')).toEqual(['brulee', 'flan', 'yaourt']));
    expect(await ids('yaourt nature')).toEqual([]);
    // Withdrawn (inactive) products stay findable by barcode; removed ones do not.
    expect(search.stats()).toMatchObject({ indexed: 5, loads: 1 });
    expect(await search.findProductByBarcode('3017620422027')).toBeUndefined();
  });
});
