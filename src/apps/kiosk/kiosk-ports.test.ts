import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aProduct } from '../../core/cart/test-builders';
import { createTillDatabase, type TillDatabase } from '../../data/till-database';
import { memoryTillServices } from '../../state/sale-test-till';
import type { TillServices } from '../../state/till-services';
import { createKioskPorts, localTimestamp } from './kiosk-ports';

// The kiosk's catalog port over its own search index (src/data/kiosk-search.ts):
// a customer's typo is forgiven, and the tiles are the catalog's departments.

describe("the kiosk's catalog port", () => {
  let db: TillDatabase;

  beforeEach(async () => {
    db = await createTillDatabase(`kiosk-ports-${Math.random()}`, getRxStorageMemory());
    await db.products.bulkInsert([
      aProduct({ id: 'choc', name: 'Chocolat noir 70 %', category: 'Épicerie sucrée', priceMinor: 250 }),
      aProduct({ id: 'creme', name: 'Crème brûlée', category: 'Crèmerie', priceMinor: 390 }),
      aProduct({ id: 'lait', name: 'Lait demi-écrémé', category: 'Crèmerie', priceMinor: 110 }),
    ]);
  });
  afterEach(() => db.close());

  const ports = () => createKioskPorts(memoryTillServices(db) as unknown as TillServices);

  it('finds « chocolta » (a typo) and « creme brulee » (no accents)', async () => {
    const { catalog } = ports();
    expect((await catalog.search('chocolta', 5)).map((p) => p.id)).toEqual(['choc']);
    expect((await catalog.search('creme brulee', 5)).map((p) => p.id)).toEqual(['creme']);
  });

  it("lists the catalog's departments, and a department's products in name order", async () => {
    const { catalog } = ports();
    expect((await catalog.categories()).map((c) => c.name)).toEqual(['Crèmerie', 'Épicerie sucrée']);
    expect((await catalog.productsInCategory('Crèmerie', 10)).map((p) => p.id)).toEqual(['creme', 'lait']);
  });
});

describe("the kiosk's clock for availability", () => {
  it('is an instant with the UTC offset of the machine, naming the same moment', () => {
    const at = new Date('2026-12-07T13:05:00.000Z');
    const stamp = localTimestamp(at);
    expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(Date.parse(stamp)).toBe(at.getTime());
  });
});
