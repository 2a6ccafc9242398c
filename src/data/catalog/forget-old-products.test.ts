import { describe, expect, it } from 'vitest';
import { forgetOldProducts } from './forget-old-products';

describe('forgetting the catalog RxDB used to hold', () => {
  it("deletes this database's old products collections only, not its other collections nor another till's", async () => {
    const deleted: string[] = [];
    const factory = {
      databases: async () =>
        [
          'rxdb-dexie-till-cashier--2--products',
          'rxdb-dexie-till-cashier--1--products',
          'rxdb-dexie-till-cashier--0--journal',
          'rxdb-dexie-till-kiosk--2--products',
          'till-cashier-catalog',
        ].map((name) => ({ name, version: 1 })),
      deleteDatabase: (name: string) => {
        deleted.push(name);
        return {} as IDBOpenDBRequest;
      },
    } as unknown as IDBFactory;
    expect(await forgetOldProducts('till-cashier', factory)).toBe(2);
    expect(deleted).toEqual(['rxdb-dexie-till-cashier--2--products', 'rxdb-dexie-till-cashier--1--products']);
  });
});
