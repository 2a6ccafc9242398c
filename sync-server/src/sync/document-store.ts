import { SYNC_COLLECTIONS, type SyncCollectionName } from '../../../src/core/sync/collections';
import type { Queryable } from '../db/database';

export const CHANGE_CHANNEL = 'till_sync';

export interface StoredDocument {
  readonly id: string;
  readonly scope: string;
  readonly doc: Record<string, unknown>;
  readonly deleted: boolean;
  readonly seq: number;
}

export interface DocumentWrite {
  readonly id: string;
  readonly doc: Record<string, unknown>;
  readonly deleted: boolean;
}

/**
 * Takes the (collection, scope) counter's row lock for the rest of the
 * transaction. Call it before reading what you are about to compare and
 * write: concurrent writers of the same scope then run one after the other,
 * and the sequence numbers they take follow commit order.
 */
export async function lockScope(tx: Queryable, collection: SyncCollectionName, scope: string): Promise<void> {
  // One round trip: the no-op DO UPDATE takes the row lock whether the row is new or not.
  await tx.query(
    `INSERT INTO sync_sequences (collection, scope, last) VALUES ($1, $2, 0)
     ON CONFLICT (collection, scope) DO UPDATE SET last = sync_sequences.last RETURNING last`,
    [collection, scope],
  );
}

export async function readDocuments(
  tx: Queryable,
  collection: SyncCollectionName,
  ids: readonly string[],
): Promise<Map<string, StoredDocument>> {
  if (ids.length === 0) return new Map();
  // One primary-key probe per id, whatever the planner believes of the
  // table. A named statement (pg-database.ts) runs on a generic plan, made
  // once per connection; `collection = $1 AND id = ANY($2)` planned while
  // the table was small and had no column statistics (autovacuum off or not
  // yet run) read every document of the collection through the pull index
  // and filtered the ids: measured at 30-90 ms per push once the journal
  // held 13,000 entries, growing with it (bench/README.md, "tills"). The
  // lateral subquery (OFFSET 0 keeps it from being flattened into a join)
  // can only be planned as a lookup of (collection, id) in the primary key.
  const result = await tx.query<StoredDocument>(
    `SELECT d.id, d.scope, d.doc, d.deleted, d.seq FROM unnest($2::text[]) AS wanted(id)
     CROSS JOIN LATERAL (
       SELECT id, scope, doc, deleted, seq FROM sync_documents
        WHERE collection = $1 AND id = wanted.id OFFSET 0
     ) d`,
    [collection, ids],
  );
  return new Map(result.rows.map((row) => [row.id, row]));
}

/**
 * Inserts or replaces documents of one scope with fresh sequence numbers, and
 * queues a change notification that PostgreSQL delivers on commit. The caller
 * must hold the scope lock (lockScope).
 */
export async function writeDocuments(
  tx: Queryable,
  collection: SyncCollectionName,
  scope: string,
  writes: readonly DocumentWrite[],
): Promise<void> {
  if (writes.length === 0) return;
  // One statement: take the sequence numbers, store the documents, queue the
  // notification. The counter row is already locked (lockScope), so nothing
  // commits into this scope between the statement's snapshot and its writes.
  // A collection the stream does not announce (the journal) is not notified:
  // no instance would pass it on.
  const { announced } = SYNC_COLLECTIONS[collection];
  const result = await tx.query<{ last: number | null }>(
    `WITH ${documentWriteCtes({ collection: '$1', scope: '$2', count: '$3', writes: '$4' })}
     SELECT (SELECT last FROM counter) AS last, ${announced ? 'pg_notify($5, $6)' : 'NULL'} AS notified`,
    [
      collection,
      scope,
      writes.length,
      JSON.stringify(writes),
      ...(announced ? [CHANGE_CHANNEL, changePayload(collection, scope)] : []),
    ],
  );
  if (result.rows[0]?.last == null)
    throw new Error(`writeDocuments without lockScope(${collection}, ${scope})`);
}

/**
 * The two CTEs of a document write, `counter` and `stored`, for the one
 * statement of writeDocuments and of the journal push (storeJournalPush):
 * `count` sequence numbers taken from the scope's counter (locked by
 * lockScope; none taken when `count` is 0), then `writes` (a JSON array of
 * DocumentWrite) inserted or replaced under them in order. The arguments
 * are SQL expressions, parameters or literals, of the caller's statement.
 */
export function documentWriteCtes(sql: {
  readonly collection: string;
  readonly scope: string;
  readonly count: string;
  readonly writes: string;
}): string {
  return `counter AS (
       UPDATE sync_sequences SET last = last + ${sql.count}
        WHERE collection = ${sql.collection} AND scope = ${sql.scope} AND ${sql.count} > 0 RETURNING last
     ), stored AS (
       INSERT INTO sync_documents (collection, id, scope, doc, deleted, seq, updated_at)
       SELECT ${sql.collection}, w->>'id', ${sql.scope}, w->'doc', (w->>'deleted')::boolean,
              counter.last - ${sql.count} + ordinality, now()
       FROM counter, jsonb_array_elements(${sql.writes}::jsonb) WITH ORDINALITY AS t(w, ordinality)
       ON CONFLICT (collection, id) DO UPDATE
         SET doc = EXCLUDED.doc, deleted = EXCLUDED.deleted, seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at
       RETURNING 1
     )`;
}

/** The NOTIFY payload of a write: which collection and scope changed (change-hub.ts reads it). */
export function changePayload(collection: SyncCollectionName, scope: string): string {
  return JSON.stringify({ collection, scope });
}

export async function pullDocuments(
  db: Queryable,
  collection: SyncCollectionName,
  scope: string,
  afterSeq: number,
  limit: number,
): Promise<{ documents: Record<string, unknown>[]; lastSeq: number; remaining: number }> {
  // A collection whose documents expire (the store's sales) leaves its
  // tombstones out of a first pull: a till that holds nothing deletes nothing.
  const live = SYNC_COLLECTIONS[collection].expires === true && afterSeq === 0 ? 'AND NOT deleted' : '';
  const result = await db.query<{ doc: Record<string, unknown>; deleted: boolean; seq: number }>(
    `SELECT doc, deleted, seq FROM sync_documents
     WHERE collection = $1 AND scope = $2 AND seq > $3 ${live} ORDER BY seq LIMIT $4`,
    [collection, scope, afterSeq, limit],
  );
  const lastSeq = result.rows.at(-1)?.seq ?? afterSeq;
  // For progress bars: the scope's counter minus this checkpoint. Updates
  // leave gaps in seq, so this can only overestimate; it costs one row read
  // where counting the documents left would scan them.
  let remaining = 0;
  if (result.rows.length === limit) {
    const counter = await db.query<{ last: number }>(
      'SELECT last FROM sync_sequences WHERE collection = $1 AND scope = $2',
      [collection, scope],
    );
    remaining = Math.max(0, (counter.rows[0]?.last ?? lastSeq) - lastSeq);
  }
  return {
    documents: result.rows.map((row) => ({ ...row.doc, _deleted: row.deleted })),
    lastSeq,
    remaining,
  };
}
