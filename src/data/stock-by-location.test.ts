import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { afterEach, describe, expect, it } from 'vitest';
import { type StockLevel, stockLevelId } from '../core/catalog/stock-level';
import { kioskAvailability } from './kiosk-availability';
import { stockByLocation, stockByLocationQuery } from './stock-by-location';
import { createTillDatabase, type TillDatabase } from './till-database';

const AT = '2026-11-23T08:00:00.000Z';
const level = (location: StockLevel['location'], productId: string, quantity: number): StockLevel => ({
  id: stockLevelId('PAR01', location.code, productId),
  storeCode: 'PAR01',
  productId,
  location,
  quantity,
  updatedAt: AT,
});

describe('stockByLocation', () => {
  let db: TillDatabase;
  afterEach(() => db?.close());

  it("lists one product's stock here, in the other stores and at the warehouse, through the productId index", async () => {
    db = await createTillDatabase(
      `stock-${Math.random()}`,
      wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }),
    );
    await db.inventory.bulkInsert([
      level({ kind: 'warehouse', code: 'WH01' }, 'kettle', 20),
      level({ kind: 'other-store', code: 'LYO01' }, 'kettle', 3),
      level({ kind: 'this-store', code: 'PAR01' }, 'kettle', 0),
      level({ kind: 'other-store', code: 'BOR01' }, 'kettle', 1),
      level({ kind: 'this-store', code: 'PAR01' }, 'toaster', 7),
      level({ kind: 'other-store', code: 'LYO01' }, 'toaster', 2),
    ]);
    expect(await stockByLocation(db, 'kettle')).toEqual([
      { kind: 'this-store', code: 'PAR01', quantity: 0, updatedAt: AT },
      { kind: 'other-store', code: 'BOR01', quantity: 1, updatedAt: AT },
      { kind: 'other-store', code: 'LYO01', quantity: 3, updatedAt: AT },
      { kind: 'warehouse', code: 'WH01', quantity: 20, updatedAt: AT },
    ]);
    expect(await stockByLocation(db, 'unknown')).toEqual([]);
    // The storage is asked for the productId range, not for every level of the store.
    const plan = stockByLocationQuery(db, 'kettle').getPreparedQuery().queryPlan;
    // RxDB prefixes every index with _deleted and ends it with the primary key.
    expect(plan.index).toEqual(['_deleted', 'productId', 'id']);
    expect(plan.startKeys.slice(0, 2)).toEqual([false, 'kettle']);
    expect(plan.endKeys.slice(0, 2)).toEqual([false, 'kettle']);
  });

  it('gives the kiosk each place with its age and dates, under the store’s rules', async () => {
    db = await createTillDatabase(
      `stock-${Math.random()}`,
      wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }),
    );
    await db.inventory.bulkInsert([
      level({ kind: 'warehouse', code: 'WH01' }, 'kettle', 20),
      level({ kind: 'this-store', code: 'PAR01' }, 'kettle', 0),
    ]);
    // Monday 2026-11-23, 10:00 in Paris: the figures are from 09:00, an hour ago.
    const seen = await kioskAvailability(db, 'kettle', {
      now: '2026-11-23T10:00:00+01:00',
      settings: { storeCode: 'PAR01', kioskOrdering: { stockStaleMinutes: 30 } },
    });
    expect(seen.orderable).toBe(true);
    expect(seen.places.map((p) => [p.code, p.asOfLocal.time, p.toConfirm, p.options.length])).toEqual([
      ['PAR01', '09:00', true, 0],
      ['WH01', '09:00', true, 2],
    ]);
    expect(seen.earliestDelivery).toEqual({ type: 'home-delivery', date: '2026-11-26', from: 'WH01' });
    const none = await kioskAvailability(db, 'toaster', {
      now: '2026-11-23T10:00:00+01:00',
      settings: { storeCode: 'PAR01' },
    });
    expect(none).toEqual({ places: [], orderable: false });
  });
});
