import type { JournalEntry, JournalEntryOf } from '../../../src/core/journal/journal-entry';
import { formatReceiptNumber } from '../../../src/core/journal/receipt-number';
import {
  DEFAULT_STORE_SALES_DAYS,
  plusDays,
  type StoreSale,
  soldUnitsOf,
  storeSaleOf,
  storeSaleSchema,
} from '../../../src/core/returns/store-sale';
import type { CompletedSale } from '../../../src/core/sale/completed-sale';
import type { Queryable } from '../db/database';
import { type DocumentWrite, lockScope, readDocuments, writeDocuments } from '../sync/document-store';
import {
  type ProjectedReturn,
  type RecordedIncident,
  readDoubleReturnIncidents,
  readProjectedReturns,
  recordDoubleReturns,
} from './double-returns';
import { expireStoreSales } from './store-sales-expiry';

type SaleEntry = JournalEntryOf<'sale.completed'>;
type ReturnEntry = JournalEntryOf<'return.completed'>;

/** At most this many incidents ride on one sale document (the latest). */
const MAX_INCIDENTS_PER_SALE = 100;

/**
 * The store's sales feed (docs/projections.md, "Store sales feed"): after the
 * sales and returns of a push are projected, every sale they touch is
 * written again into the replicated `sales` collection of its store, in the
 * compact form a return needs, with what has been returned of each line and
 * the double returns recorded on it. Returns are counted from the
 * projection tables, under the store's `sales` scope lock: of two pushes
 * returning the same line at once, the second waits for the first and sees
 * its return, so a double return is never missed. Then the store's expired
 * sales are tombstoned.
 */
export async function projectStoreSales(
  tx: Queryable,
  sales: readonly SaleEntry[],
  returns: readonly ReturnEntry[],
  now: Date = new Date(),
): Promise<void> {
  const saleIds = [
    ...new Set([
      ...sales.map((e) => e.payload.saleId),
      ...returns.flatMap((e) => (e.payload.source.type === 'sale' ? [e.payload.source.id] : [])),
    ]),
  ];
  if (saleIds.length === 0) return;
  const found = { rows: await firstProjectionsOf(tx, saleIds) };
  if (found.rows.length === 0) return;
  const stores = [...new Set(found.rows.map((row) => row.store_code))].sort();
  // Code order, as every writer of several scopes does: two pushes cannot deadlock.
  for (const store of stores) await lockScope(tx, 'sales', store);

  const ids = found.rows.map((row) => row.sale_id);
  const entries = await readSaleEntries(
    tx,
    found.rows.map((row) => row.entry_id),
  );
  const projectedReturns = await readProjectedReturns(tx, ids);
  const incidents = await readDoubleReturnIncidents(tx, ids);
  const days = await storeSalesDays(tx, stores);
  const inFeed = await liveInFeed(tx, ids);
  const arrivedNow = new Map<string, JournalEntry>(returns.map((e) => [e.id, e]));
  const salesNow = new Set(sales.map((e) => e.payload.saleId));

  const writes = new Map<string, { doc: StoreSale; entryId: string }[]>();
  for (const row of found.rows) {
    const entry = entries.get(row.entry_id);
    if (!entry) continue;
    const sale = entry.payload;
    const ofSale = projectedReturns.get(row.sale_id) ?? [];
    const known = incidents.get(row.sale_id) ?? [];
    const recorded = await recordDoubleReturns(
      tx,
      {
        saleId: sale.saleId,
        receiptNumber: formatReceiptNumber(entry),
        sold: soldUnitsOf(sale),
        names: new Map(sale.lines.map((line) => [line.lineId, line.name])),
        arrivedNow: salesNow.has(sale.saleId),
      },
      ofSale,
      arrivedNow,
      known,
    );
    const all = recorded ? [...known, recorded] : known;
    const latest = [sale.completedAt, ...all.map((i) => i.createdAt)].reduce((a, b) =>
      Date.parse(a) >= Date.parse(b) ? a : b,
    );
    const expiresAt = plusDays(latest, days.get(row.store_code) ?? DEFAULT_STORE_SALES_DAYS);
    // An old sale (a late push, a backfill) does not join the feed; one already in it leaves with the next expiry pass.
    if (Date.parse(expiresAt) <= now.getTime() && !inFeed.has(row.sale_id)) continue;
    const doc = feedDocument(entry, sale, expiresAt, ofSale, all);
    if (!doc) continue;
    writes.set(row.store_code, [...(writes.get(row.store_code) ?? []), { doc, entryId: row.entry_id }]);
  }

  for (const [store, docs] of writes) {
    const rows: DocumentWrite[] = docs.map(({ doc }) => ({ id: doc.id, doc: { ...doc }, deleted: false }));
    await writeDocuments(tx, 'sales', store, rows);
    await tx.query(
      `INSERT INTO store_sale_feed (sale_id, store_code, entry_id, sold_at, expires_at, live)
       SELECT f.sale_id, f.store_code, f.entry_id, f.sold_at, f.expires_at, true
       FROM jsonb_to_recordset($1::jsonb)
         AS f(sale_id text, store_code text, entry_id text, sold_at timestamptz, expires_at timestamptz)
       ON CONFLICT (sale_id) DO UPDATE SET expires_at = EXCLUDED.expires_at, live = true`,
      [
        JSON.stringify(
          docs.map(({ doc, entryId }) => ({
            sale_id: doc.id,
            store_code: store,
            entry_id: entryId,
            sold_at: doc.soldAt,
            expires_at: doc.expiresAt,
          })),
        ),
      ],
    );
  }
  for (const store of stores) await expireStoreSales(tx, store, now);
}

/** A sale's feed document: the compact sale, returns counted, incidents attached (null if it breaks the schema). */
export function feedDocument(
  entry: SaleEntry,
  sale: CompletedSale,
  expiresAt: string,
  returns: readonly ProjectedReturn[],
  incidents: readonly RecordedIncident[],
): StoreSale | null {
  const base = storeSaleOf(entry, sale, expiresAt);
  const returned = new Map<string, number>();
  for (const r of returns)
    for (const line of r.lines)
      returned.set(line.sourceLineId, (returned.get(line.sourceLineId) ?? 0) + line.quantity);
  const shown = incidents.slice(-MAX_INCIDENTS_PER_SALE).map((incident) => ({
    incidentId: incident.id,
    recordedAt: incident.createdAt,
    lines: incident.detail.lines.map((l) => ({
      lineId: l.lineId,
      name: l.name,
      sold: l.sold,
      returned: l.returned,
    })),
    returns: incident.detail.returns.map((r) => ({
      returnId: r.returnId,
      receiptNumber: r.receiptNumber,
      tillCode: r.tillCode,
      createdAt: r.createdAt,
    })),
  }));
  const refunded = new Map<string, number>();
  for (const r of returns)
    for (const [tenderId, minor] of Object.entries(r.refundedMinor))
      refunded.set(tenderId, (refunded.get(tenderId) ?? 0) + minor);
  const doc = {
    ...base,
    lines: base.lines.map((line) => ({ ...line, returned: returned.get(line.lineId) ?? 0 })),
    payments: base.payments.map((p) => {
      const minor = refunded.get(p.tenderId) ?? 0;
      return minor > 0 ? { ...p, refunded: minor } : p;
    }),
    returnIds: [...new Set(returns.map((r) => r.returnId))].slice(0, 1000),
    incidents: shown,
    incidentCount: shown.length,
  };
  // Tills store server documents as they come: one that does not fit the schema is left out, never sent.
  return storeSaleSchema.safeParse(doc).success ? doc : null;
}

/**
 * The first projected sale row of each sale id (a reused id shows twice in `sales`).
 * One index probe per id, whatever plan PostgreSQL caches: the named statement's
 * generic plan of `sale_id = ANY($1)`, made while `sales` was empty and without
 * statistics (autovacuum off), stayed a sequential scan of every sale as the table
 * grew (the 500-till bench's third run). The lateral subquery (OFFSET 0 keeps it
 * from being flattened) can only be planned as a look-up of one sale id.
 */
export async function firstProjectionsOf(
  tx: Queryable,
  saleIds: readonly string[],
): Promise<{ sale_id: string; entry_id: string; store_code: string }[]> {
  const result = await tx.query<{ sale_id: string; entry_id: string; store_code: string }>(
    `SELECT DISTINCT ON (s.sale_id) s.sale_id, s.entry_id, s.store_code
       FROM unnest($1::text[]) AS wanted(sale_id)
       CROSS JOIN LATERAL (
         SELECT sale_id, entry_id, store_code, projected_at FROM sales WHERE sale_id = wanted.sale_id OFFSET 0
       ) s
      ORDER BY s.sale_id, s.projected_at, s.entry_id`,
    [saleIds],
  );
  return result.rows;
}

/**
 * Which of these sales are in the feed now. One primary-key probe per sale,
 * whatever plan is cached (as firstProjectionsOf): `sale_id = ANY($1)`,
 * planned while the feed was small, stayed a sequential scan of the whole
 * feed in every projector batch (the 500-till bench: 1,000-1,600 scans a
 * run reading 4-14 M rows).
 */
export async function liveInFeed(tx: Queryable, saleIds: readonly string[]): Promise<Set<string>> {
  const result = await tx.query<{ sale_id: string }>(
    `SELECT f.sale_id FROM unnest($1::text[]) AS wanted(sale_id)
     CROSS JOIN LATERAL (
       SELECT sale_id FROM store_sale_feed WHERE sale_id = wanted.sale_id AND live OFFSET 0
     ) f`,
    [saleIds],
  );
  return new Set(result.rows.map((row) => row.sale_id));
}

/** The journal entries of these sales, by entry id (one primary-key probe each: readDocuments). */
export async function readSaleEntries(
  tx: Queryable,
  entryIds: readonly string[],
): Promise<Map<string, SaleEntry>> {
  const stored = await readDocuments(tx, 'journal', entryIds);
  return new Map([...stored].map(([id, row]) => [id, row.doc as unknown as SaleEntry]));
}

/** Each store's feed window (`storeSalesDays` in its settings, else 30 days). */
export async function storeSalesDays(tx: Queryable, stores: readonly string[]): Promise<Map<string, number>> {
  const result = await tx.query<{ store_code: string; days: number | null }>(
    `SELECT doc->>'storeCode' AS store_code, (doc->>'storeSalesDays')::int AS days FROM sync_documents
     WHERE collection = 'settings' AND id = ANY($1::text[]) AND NOT deleted`,
    [stores.map((store) => `store:${store}`)],
  );
  return new Map(result.rows.map((row) => [row.store_code, row.days ?? DEFAULT_STORE_SALES_DAYS]));
}
