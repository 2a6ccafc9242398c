import { formatReceiptNumber } from '../../../src/core/journal/receipt-number';
import { DEFAULT_STORE_SALES_DAYS, plusDays, type StoreSale } from '../../../src/core/returns/store-sale';
import type { SaleLookupQuery } from '../../../src/core/sync/wire';
import type { Database } from '../db/database';
import { readDoubleReturnIncidents, readProjectedReturns } from '../projections/double-returns';
import { feedDocument, readSaleEntries, storeSalesDays } from '../projections/store-sales-feed';

/**
 * A sale of `storeCode` found by receipt number or sale id, however old, in
 * the form of the store's feed, with what the server has seen returned of
 * it: the online look-up a till makes for a sale older than its feed
 * (docs/sync-protocol.md, "Sale look-up"). Null when the store has no such
 * projected sale (a held sale is not projected, so not found either).
 */
export async function lookupStoreSale(
  db: Database,
  storeCode: string,
  query: SaleLookupQuery,
): Promise<StoreSale | null> {
  const [column, value] =
    query.receiptNumber !== undefined ? ['receipt_number', query.receiptNumber] : ['sale_id', query.saleId];
  const found = await db.query<{ sale_id: string; entry_id: string }>(
    `SELECT sale_id, entry_id FROM sales WHERE store_code = $1 AND ${column} = $2
     ORDER BY projected_at, entry_id LIMIT 1`,
    [storeCode, value],
  );
  const row = found.rows[0];
  if (!row) return null;
  const entry = (await readSaleEntries(db, [row.entry_id])).get(row.entry_id);
  if (!entry) return null;
  const returns = (await readProjectedReturns(db, [row.sale_id])).get(row.sale_id) ?? [];
  const incidents = (await readDoubleReturnIncidents(db, [row.sale_id])).get(row.sale_id) ?? [];
  const days = (await storeSalesDays(db, [storeCode])).get(storeCode) ?? DEFAULT_STORE_SALES_DAYS;
  const latest = [entry.payload.completedAt, ...incidents.map((i) => i.createdAt)].reduce((a, b) =>
    Date.parse(a) >= Date.parse(b) ? a : b,
  );
  // A sale a till made while its numbering was wrong cannot be looked up by another receipt number.
  if (query.receiptNumber !== undefined && formatReceiptNumber(entry) !== query.receiptNumber) return null;
  return feedDocument(entry, entry.payload, plusDays(latest, days), returns, incidents);
}
