import type { Page } from 'playwright-core';

// What a till in the browser holds in its own database (RxDB on Dexie, in
// IndexedDB), read straight from IndexedDB as plain documents, RxDB's own
// fields left out. `collection`: journal, sales (the store's sales feed),
// orders, ...

export function tillDocuments<T = Record<string, unknown>>(
  page: Page,
  collection: string,
  screenSet = 'cashier',
): Promise<T[]> {
  return page.evaluate(
    async ({ collection, screenSet }) => {
      const pattern = new RegExp(`^rxdb-dexie-till-${screenSet}--\\d+--${collection}$`);
      const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => pattern.test(n));
      if (!name) return [];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        const docs = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const request = db.transaction('docs').objectStore('docs').getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        return docs
          .filter((d) => d._deleted !== true)
          .map(({ _meta, _rev, _deleted, _attachments, ...clean }) => clean);
      } finally {
        db.close();
      }
    },
    { collection, screenSet },
  ) as Promise<T[]>;
}
