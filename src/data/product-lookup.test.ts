import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aProduct } from '../core/cart/test-builders';
import { toSearchName } from '../core/catalog/product';
import { findProductByBarcode } from './product-lookup';
import { createTillDatabase, type TillDatabase } from './till-database';

const named = (id: string, name: string, barcode: string, active = true) =>
  aProduct({ id, name, searchName: toSearchName(name), barcode, active });

describe('product lookup on the till', () => {
  let db: TillDatabase;
  beforeEach(async () => {
    db = await createTillDatabase(`lookup-${Math.random()}`, getRxStorageMemory());
    await db.catalog.put([
      named('yaourt-nature', 'Yaourt nature', '3017620422003'),
      named('yaourt-fraise', 'Yaourt à la fraise', '3017620422010'),
      named('fromage-blanc', 'Fromage blanc nature', '3017620422027'),
      named('creme', 'Crème fraîche épaisse', '3017620422034'),
      named('yaourt-ancien', 'Yaourt retiré', '3017620422041', false),
    ]);
  });
  afterEach(() => db.close());

  it('finds a product by its barcode, active or not, and nothing for an unknown one', async () => {
    expect((await findProductByBarcode(db.catalog, '3017620422027'))?.id).toBe('fromage-blanc');
    expect((await findProductByBarcode(db.catalog, '3017620422041'))?.id).toBe('yaourt-ancien');
    expect(await findProductByBarcode(db.catalog, '4000000000006')).toBeUndefined();
    expect(await findProductByBarcode(db.catalog, 'not a barcode')).toBeUndefined();
  });

  it('searches names by the start of their words as typed, without accents or case, active products only', async () => {
    const ids = async (typed: string, limit?: number) =>
      (await db.catalog.search(typed, limit)).map((p) => p.id);
    expect(await ids('YAOURT N')).toEqual(['yaourt-nature']);
    expect(await ids('crème fr')).toEqual(['creme']);
    expect(await ids('CREME')).toEqual(['creme']);
    expect(await ids('yaourt', 1)).toEqual(['yaourt-fraise']);
    expect(await ids('retire')).toEqual([]);
    expect(await ids('  !! ')).toEqual([]);
  });
});
