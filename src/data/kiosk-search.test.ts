import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aProduct } from '../core/cart/test-builders';
import { toSearchName } from '../core/catalog/product';
import { type KioskSearch, startKioskSearch } from './kiosk-search';
import { createTillDatabase, type TillDatabase } from './till-database';

const named = (id: string, name: string, barcode: string, extra: { active?: boolean } = {}) =>
  aProduct({ id, name, searchName: toSearchName(name), barcode, active: true, ...extra });

const eventually = async (check: () => void) => {
  for (let attempt = 0; ; attempt++) {
    try {
      return check();
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
};

describe('kiosk search over the till database', () => {
  let db: TillDatabase;
  let search: KioskSearch;
  const ids = (typed: string) => search.kioskSearch(typed).map((p) => p.id);

  beforeEach(async () => {
    db = await createTillDatabase(`kiosk-search-${Math.random()}`, getRxStorageMemory());
    await db.catalog.put([
      named('brulee', 'Crème brûlée x2 – Maison Durand', '3017620422003'),
      named('choco', 'Chocolat noir 70 % 250 g', '3017620422010'),
      named('yaourt', 'Yaourt nature', '3017620422027'),
      named('retire', 'Crème retirée', '3017620422034', { active: false }),
    ]);
    search = startKioskSearch(db.catalog, { sliceSize: 1 });
    await search.ready;
  });
  afterEach(async () => {
    search.close();
    await db.close();
  });

  it('indexes the stored active products, a slice at a time, and says how long it took', () => {
    expect(ids('creme brulee')).toEqual(['brulee']);
    expect(ids('chocolta')).toEqual(['choco']);
    expect(ids('retiree')).toEqual([]);
    expect(search.stats().indexed).toBe(3);
    expect(search.stats().buildMs).toBeGreaterThanOrEqual(0);
    expect(search.categories()).toEqual([{ name: 'dairy', icon: 'other', count: 3 }]);
    expect(search.inCategory('dairy').map((p) => p.id)).toEqual(['choco', 'brulee', 'yaourt']);
  });

  it('follows the catalog: new, renamed, deactivated and deleted products', async () => {
    await db.catalog.put([named('galette', 'Galettes bretonnes', '3017620422041')]);
    await eventually(() => expect(ids('galettes')).toEqual(['galette']));
    const choco = db.catalog.byId('choco');
    if (!choco) throw new Error('no choco');
    await db.catalog.put([{ ...choco, name: 'Chocolat au lait', searchName: 'chocolat au lait' }]);
    await eventually(() => expect(ids('chocolat lait')).toEqual(['choco']));
    await db.catalog.put([{ ...choco, active: false }]);
    await eventually(() => expect(ids('chocolat')).toEqual([]));
    await db.catalog.remove(['yaourt']);
    await eventually(() => expect(ids('yaourt')).toEqual([]));
  });
});
