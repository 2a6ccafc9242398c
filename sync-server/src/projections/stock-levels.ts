import type { Queryable } from '../db/database';
import { CHANGE_CHANNEL, changePayload, lockScope } from '../sync/document-store';

// The bounds of StockLevel.quantity: a level past them would be a document
// the tills refuse, so it stops there (stock_movements still holds every change).
const LIMIT = 1_000_000_000;

/**
 * Adds `deltas` (by product id) to the store's own stock levels in the
 * replicated inventory collection. Each changed level gets a new seq, so
 * every till of the store pulls it; a product with no level yet (or a
 * tombstoned one) starts from 0.
 *
 * The store's inventory scope stays locked from here to the commit (the
 * per-scope sequence must follow commit order, docs/sync-protocol.md), so
 * this is the last thing a push does and it takes two statements: the lock,
 * then one statement that reads the current levels, takes the sequence
 * numbers, writes the new levels and queues the change notification. It runs
 * after the lock, so its snapshot sees every level committed before it.
 */
export async function adjustStockLevels(
  tx: Queryable,
  storeCode: string,
  deltas: ReadonlyMap<string, number>,
  updatedAt: string,
): Promise<void> {
  if (deltas.size === 0) return;
  await lockScope(tx, 'inventory', storeCode);
  // Product order fixes each level's seq within the push, whatever order the lines came in.
  const rows = [...deltas]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([product_id, delta]) => ({ product_id, delta }));
  // Each level is read by one primary-key probe (the lateral subquery), whatever plan is cached:
  // a join on the id, planned while the store had few levels, read every level of the
  // collection through the pull index and hashed them (the 500-till bench, 1,000 rows a sale).
  await tx.query(
    `WITH wanted AS (
       SELECT e->>'product_id' AS product_id, (e->>'delta')::bigint AS delta, ordinality,
              $1 || ':' || $1 || ':' || (e->>'product_id') AS id
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(e, ordinality)
     ), counter AS (
       UPDATE sync_sequences SET last = last + $4
       WHERE collection = 'inventory' AND scope = $1 RETURNING last
     ), next AS (
       SELECT w.id, w.product_id, w.ordinality,
              LEAST($5::bigint, GREATEST(-$5::bigint,
                CASE WHEN s.deleted IS FALSE AND jsonb_typeof(s.doc->'quantity') = 'number'
                     THEN (s.doc->>'quantity')::bigint ELSE 0 END + w.delta)) AS quantity
       FROM wanted w
       LEFT JOIN LATERAL (
         SELECT doc, deleted FROM sync_documents WHERE collection = 'inventory' AND id = w.id OFFSET 0
       ) s ON true
     ), stored AS (
       INSERT INTO sync_documents (collection, id, scope, doc, deleted, seq, updated_at)
       SELECT 'inventory', n.id, $1,
              jsonb_build_object(
                'id', n.id, 'storeCode', $1::text, 'productId', n.product_id,
                'location', jsonb_build_object('kind', 'this-store', 'code', $1::text),
                'quantity', n.quantity, 'updatedAt', $2::text),
              false, counter.last - $4 + n.ordinality, now()
       FROM next n, counter
       ON CONFLICT (collection, id) DO UPDATE
         SET doc = EXCLUDED.doc, deleted = false, seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at
       RETURNING 1
     )
     SELECT pg_notify($6, $7), (SELECT count(*) FROM stored) AS written`,
    [
      storeCode,
      updatedAt,
      JSON.stringify(rows),
      rows.length,
      LIMIT,
      CHANGE_CHANNEL,
      changePayload('inventory', storeCode),
    ],
  );
}
