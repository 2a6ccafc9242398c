import type { JournalEntryOf } from '../../../src/core/journal/journal-entry';
import { formatReceiptNumber } from '../../../src/core/journal/receipt-number';
import type { Queryable } from '../db/database';
import { envelopeOf } from './entry-envelope';
import { insertRowsOfTables, rowsOf } from './insert-rows';
import { vatPerLine } from './line-vat';
import {
  RETURN_LINES,
  RETURN_REFUNDS,
  RETURNS,
  type ReturnLineRow,
  type ReturnRefundRow,
  type ReturnRow,
  type StockMovementRow,
} from './projection-tables';
import { readSoldLines, soldLineKey } from './sold-lines';
import { type CatalogUnit, type SoldLine, stockQuantityOfReturnLine } from './stock-quantity';

type ReturnEntry = JournalEntryOf<'return.completed'>;

/**
 * Projects returns into returns, return_lines and return_refunds, and returns
 * the stock that restocked lines put back on their store's shelves. Call it
 * after the sales of the same push are projected, so a return finds them.
 */
export async function projectReturns(
  tx: Queryable,
  entries: readonly ReturnEntry[],
  catalog: ReadonlyMap<string, CatalogUnit>,
): Promise<StockMovementRow[]> {
  const sold = await readSoldLines(
    tx,
    entries.flatMap((entry) => (entry.payload.source.type === 'sale' ? [entry.payload.source.id] : [])),
  );
  const projected = entries.map((entry) => returnRows(entry, sold, catalog));
  await insertRowsOfTables(tx, [
    rowsOf(
      RETURNS,
      projected.map((p) => p.header),
    ),
    rowsOf(
      RETURN_LINES,
      projected.flatMap((p) => p.lines),
    ),
    rowsOf(
      RETURN_REFUNDS,
      projected.flatMap((p) => p.refunds),
    ),
  ]);
  return projected.flatMap((p) => p.stock);
}

function returnRows(
  entry: ReturnEntry,
  sold: ReadonlyMap<string, SoldLine>,
  catalog: ReadonlyMap<string, CatalogUnit>,
) {
  const record = entry.payload;
  const { source } = record;
  const header: ReturnRow = {
    ...envelopeOf(entry),
    return_id: record.returnId,
    receipt_number: formatReceiptNumber(entry),
    staff_id: record.staffId,
    created_at: record.createdAt,
    source_type: source.type,
    source_id: source.id,
    policy: record.policy.type,
    currency: record.currency,
    total_minor: record.total.minor,
    vat_minor: record.vat.total.vat.minor,
  };
  const vat = vatPerLine(
    record.lines.map((line) => ({ vatRateBps: line.vatRateBps, amountMinor: line.refund.minor })),
    record.vat,
  );
  const lines: ReturnLineRow[] = [];
  const stock: StockMovementRow[] = [];
  record.lines.forEach((line, index) => {
    const soldLine = source.type === 'sale' ? sold.get(soldLineKey(source.id, line.sourceLineId)) : undefined;
    const back = stockQuantityOfReturnLine(line, soldLine, catalog.get(line.productId));
    lines.push({
      entry_id: entry.id,
      line_index: index,
      return_id: record.returnId,
      source_line_id: line.sourceLineId,
      product_id: line.productId,
      name: line.name,
      vat_rate_bps: line.vatRateBps,
      quantity: line.quantity,
      restock: line.restock,
      reason_code: line.reason.code,
      reason_note: line.reason.note,
      refund_minor: line.refund.minor,
      vat_minor: vat[index] ?? 0,
      stock_quantity: line.restock ? back.quantity : 0,
      stock_unit: back.unit,
      stock_estimated: back.estimated,
    });
    // A written-off item (damaged, defective) never goes back on the shelf.
    if (line.restock && back.quantity !== 0) {
      stock.push({
        entry_id: entry.id,
        line_index: index,
        store_code: entry.storeCode,
        location_code: entry.storeCode,
        product_id: line.productId,
        delta: back.quantity,
        unit: back.unit,
        estimated: back.estimated,
        reason: 'return-restock',
        recorded_at: entry.recordedAt,
      });
    }
  });
  const refunds: ReturnRefundRow[] = record.refunds.map((refund, index) => ({
    entry_id: entry.id,
    refund_index: index,
    return_id: record.returnId,
    source_tender_id: refund.sourceTenderId,
    method: refund.method,
    currency: refund.amount.currency,
    amount_minor: refund.amount.minor,
    account_id: refund.accountId,
    reference: refund.reference,
  }));
  return { header, lines, refunds, stock };
}
