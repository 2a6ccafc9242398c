import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aProduct } from '../core/cart/test-builders';
import { toSearchName } from '../core/catalog/product';
import { findProductByBarcode, productsByNamePrefix, searchProductsByName } from './product-lookup';
import { createTillDatabase, type TillDatabase } from './till-database';

const named = (id: string, name: string, barcode: string, active = true) =>
  aProduct({ id, name, searchName: toSearchName(name), barcode, active });

describe('product lookup on the till', () => {
  let db: TillDatabase;
  beforeEach(async () => {
    db = await createTillDatabase(
      `lookup-${Math.random()}`,
      wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }),
    );
    await db.products.bulkInsert([
      named('yaourt-nature', 'Yaourt nature', '3017620422003'),
      named('yaourt-fraise', 'Yaourt à la fraise', '3017620422010'),
      named('fromage-blanc', 'Fromage blanc nature', '3017620422027'),
      named('creme', 'Crème fraîche épaisse', '3017620422034'),
      named('yaourt-ancien', 'Yaourt retiré', '3017620422041', false),
    ]);
  });
  afterEach(() => db.close());

  it('finds a product by its barcode, and nothing for an unknown one', async () => {
    expect((await findProductByBarcode(db.products, '3017620422027'))?.id).toBe('fromage-blanc');
    expect(await findProductByBarcode(db.products, '4000000000006')).toBeUndefined();
  });

  it('searches names by the start of their words as typed, without accents or case, active products only', async () => {
    const ids = async (typed: string, limit?: number) =>
      (await searchProductsByName(db.products, typed, limit)).map((p) => p.id);
    expect(await ids('yaourt')).toEqual(['yaourt-fraise', 'yaourt-nature']);
    expect(await ids('YAOURT N')).toEqual(['yaourt-nature']);
    expect(await ids('crème fr')).toEqual(['creme']);
    expect(await ids('CREME')).toEqual(['creme']);
    expect(await ids('yaourt', 1)).toEqual(['yaourt-fraise']);
    expect(await ids('nature')).toEqual([]);
    expect(await ids('  !! ')).toEqual([]);
  });

  it('reads a range of the searchName index, never the whole collection', () => {
    const query = productsByNamePrefix(db.products, 'Yaourt', 20);
    const plan = query?.getPreparedQuery().queryPlan;
    expect(plan?.index).toContain('searchName');
    expect(plan?.startKeys).toContain('yaourt');
    expect(plan?.endKeys).toContain('yaourt\uffff');
  });
});
