import type { Queryable } from '../db/database';

// Kiosk orders of every store for fulfilment, in export_seq order: a
// server-wide number each write of a kiosk order takes (trigger in migration
// 004), in commit order, so `after` works like a pull checkpoint.

export async function exportKioskOrders(
  db: Queryable,
  afterSeq: number,
  limit: number,
): Promise<{ documents: Record<string, unknown>[]; lastSeq: number }> {
  const result = await db.query<{ doc: Record<string, unknown>; deleted: boolean; seq: number }>(
    `SELECT d.doc, d.deleted, e.export_seq AS seq
     FROM kiosk_order_exports e
     JOIN sync_documents d ON d.collection = 'orders' AND d.id = e.order_id
     WHERE e.export_seq > $1 ORDER BY e.export_seq LIMIT $2`,
    [afterSeq, limit],
  );
  return {
    documents: result.rows.map((row) => ({ ...row.doc, _deleted: row.deleted })),
    lastSeq: result.rows.at(-1)?.seq ?? afterSeq,
  };
}
