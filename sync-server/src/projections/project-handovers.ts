import type { JournalEntryOf } from '../../../src/core/journal/journal-entry';
import type { Queryable } from '../db/database';
import { insertRows } from './insert-rows';
import { ORDER_HANDOVERS, type OrderHandoverRow } from './projection-tables';

/**
 * Projects click-and-collect handovers into order_handovers, one row per
 * order line handed over. Handovers move no stock: an order's goods were
 * set aside when it was picked (docs/orders.md), and order stock is not
 * projected yet (docs/projections.md).
 */
export async function projectHandovers(
  tx: Queryable,
  entries: readonly JournalEntryOf<'order.handover'>[],
): Promise<void> {
  const rows = entries.flatMap((entry) =>
    entry.payload.lines.map(
      (line, index): OrderHandoverRow => ({
        entry_id: entry.id,
        line_index: index,
        handover_id: entry.payload.id,
        order_id: entry.payload.orderId,
        order_line_id: line.lineId,
        quantity: line.quantity,
        store_code: entry.storeCode,
        till_id: entry.tillId,
        staff_id: entry.payload.staffId,
        handed_over_at: entry.payload.handedOverAt,
        identification: entry.payload.identification.method,
        recorded_at: entry.recordedAt,
      }),
    ),
  );
  await insertRows(tx, ORDER_HANDOVERS, rows);
}
