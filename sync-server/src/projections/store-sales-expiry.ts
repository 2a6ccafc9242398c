import type { Database, Queryable } from '../db/database';
import { type DocumentWrite, lockScope, writeDocuments } from '../sync/document-store';

/** At most this many sales leave one store's feed per pass (a store sells ~3,000 a day: passes keep up). */
export const EXPIRY_BATCH = 500;

/**
 * Tombstones the sales of `store` whose feed window has passed: every till
 * of the store deletes them at its next pull. The tombstone keeps the
 * indexed fields and drops the lines, payments and incidents, so it costs a
 * till little to pull. The caller holds the store's `sales` scope lock.
 * Returns how many sales left the feed.
 */
export async function expireStoreSales(tx: Queryable, store: string, now: Date): Promise<number> {
  const due = await tx.query<{ sale_id: string; doc: Record<string, unknown> | null }>(
    `SELECT f.sale_id, d.doc FROM store_sale_feed f
     LEFT JOIN sync_documents d ON d.collection = 'sales' AND d.id = f.sale_id
     WHERE f.store_code = $1 AND f.live AND f.expires_at <= $2
     ORDER BY f.expires_at LIMIT ${EXPIRY_BATCH}`,
    [store, now.toISOString()],
  );
  if (due.rows.length === 0) return 0;
  const tombstones: DocumentWrite[] = due.rows.flatMap(({ doc }) =>
    doc === null
      ? []
      : [
          {
            id: String(doc.id),
            doc: { ...doc, lines: [], payments: [], returnIds: [], incidents: [], incidentCount: 0 },
            deleted: true,
          },
        ],
  );
  await writeDocuments(tx, 'sales', store, tombstones);
  await tx.query('UPDATE store_sale_feed SET live = false WHERE sale_id = ANY($1::text[])', [
    due.rows.map((row) => row.sale_id),
  ]);
  return due.rows.length;
}

/**
 * One expiry pass over every store with expired sales (the server runs it at
 * start and every hour, so a store that sells nothing still sees old sales
 * leave). Each store in its own transaction, under its `sales` scope lock.
 */
export async function expireAllStoreSales(db: Database, now: Date = new Date()): Promise<number> {
  const stores = await db.query<{ store_code: string }>(
    'SELECT DISTINCT store_code FROM store_sale_feed WHERE live AND expires_at <= $1 ORDER BY store_code',
    [now.toISOString()],
  );
  let expired = 0;
  for (const { store_code: store } of stores.rows) {
    for (;;) {
      const n = await db.transaction(async (tx) => {
        await lockScope(tx, 'sales', store);
        return expireStoreSales(tx, store, now);
      });
      expired += n;
      if (n < EXPIRY_BATCH) break;
    }
  }
  return expired;
}
