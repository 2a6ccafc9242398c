import type { JournalEntryOf } from '../../../src/core/journal/journal-entry';
import { reservationFulfilmentOf } from '../../../src/core/orders/stock-reservation';
import type { Queryable } from '../db/database';
import { reserveJournaledOrders } from '../stock/stock-reservations';
import { lockScope, readDocuments, writeDocuments } from '../sync/document-store';
import { type Incident, recordIncidents } from '../sync/journal-arrival';
import { sameDocument } from '../sync/same-document';
import { paidOrder, paymentsOf } from './project-kiosk-payments';

type PlacedEntry = JournalEntryOf<'kiosk-order.placed'>;

/**
 * Turns `kiosk-order.placed` journal entries into orders of the kiosk's
 * store, exactly once per order id: the order is written to the orders
 * collection (a new seq, so every till of the store pulls it; the export
 * trigger of migration 004 puts it in the kiosk export). The push already
 * refused entries whose order names another store or kiosk.
 *
 * An order id seen before is compared with the order as it was first
 * placed: the same order again (a kiosk that journaled it twice, or a
 * rebuild) changes nothing; a different order under that id is recorded as
 * an incident and the stored order is kept. The journal entry itself stays
 * stored either way.
 *
 * Must run last in the push transaction: writing a kiosk order takes the
 * server-wide export lock, and no other scope lock may be taken after it
 * (docs/web-shop.md).
 */
export async function projectKioskOrders(tx: Queryable, entries: readonly PlacedEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const byStore = new Map<string, PlacedEntry[]>();
  for (const entry of entries) byStore.set(entry.storeCode, [...(byStore.get(entry.storeCode) ?? []), entry]);
  for (const storeCode of [...byStore.keys()].sort()) {
    await projectStore(tx, storeCode, byStore.get(storeCode) ?? []);
  }
}

async function projectStore(
  tx: Queryable,
  storeCode: string,
  entries: readonly PlacedEntry[],
): Promise<void> {
  // The orders lock first: handover pushes and web imports of this store take it too.
  await lockScope(tx, 'orders', storeCode);
  const ids = entries.map((entry) => entry.payload.id);
  const stored = await readDocuments(tx, 'orders', ids);
  const placedRows = await tx.query<{ order_id: string; entry_id: string; placed: unknown }>(
    'SELECT order_id, entry_id, placed FROM kiosk_orders_placed WHERE order_id = ANY($1::text[])',
    [ids],
  );
  const placed = new Map(placedRows.rows.map((row) => [row.order_id, row]));
  await reserveArrivals(
    tx,
    storeCode,
    entries.filter((entry) => !placed.has(entry.payload.id) && !stored.has(entry.payload.id)),
  );
  const writes: { id: string; doc: Record<string, unknown>; deleted: boolean }[] = [];
  for (const entry of entries) {
    const order = entry.payload;
    const first = placed.get(order.id);
    if (first) {
      if (first.entry_id !== entry.id && !sameDocument(first.placed, order)) {
        await incident(tx, entry, 'kiosk-order-id-reused', {
          message:
            'a different kiosk order was journaled under an order id already placed; the first is kept',
          orderId: order.id,
          firstEntryId: first.entry_id,
        });
      }
      continue;
    }
    if (stored.has(order.id)) {
      await incident(tx, entry, 'kiosk-order-id-taken', {
        message: 'a kiosk order was journaled under the id of an order the server already holds; it is kept',
        orderId: order.id,
      });
      continue;
    }
    await tx.query(
      `INSERT INTO kiosk_orders_placed (order_id, entry_id, store_code, till_id, placed, recorded_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [order.id, entry.id, entry.storeCode, entry.tillId, JSON.stringify(order), entry.recordedAt],
    );
    placed.set(order.id, { order_id: order.id, entry_id: entry.id, placed: order });
    // Paid at a till (ticket) before the kiosk's entry arrived: it is placed paid.
    const payment = order.paymentMethod === 'at-till' ? (await paymentsOf(tx, order.id))[0] : undefined;
    const current = (payment && (await paidOrder(tx, entry, order, payment))) || order;
    writes.push({ id: order.id, doc: { ...current }, deleted: false });
  }
  await writeDocuments(tx, 'orders', storeCode, writes);
}

/**
 * Orders placed offline hold no stock yet: reserve them now, after the
 * orders lock and before the export lock (the order of locks every push
 * takes). The kiosk reserved the others before the customer paid. An order
 * the stock no longer covers is still placed (it may be paid): the staff
 * sees a `kiosk-order-stock-short` incident with what is missing, and
 * confirms the order with the customer (another date, another place) or
 * cancels and refunds it.
 */
async function reserveArrivals(tx: Queryable, storeCode: string, entries: readonly PlacedEntry[]) {
  const firsts = new Map<string, PlacedEntry>();
  for (const entry of entries) if (!firsts.has(entry.payload.id)) firsts.set(entry.payload.id, entry);
  const refused = await reserveJournaledOrders(
    tx,
    storeCode,
    [...firsts.values()].map((entry) => ({
      orderId: entry.payload.id,
      tillId: entry.tillId,
      fulfilment: reservationFulfilmentOf(entry.payload.fulfilment),
      lines: entry.payload.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
    })),
  );
  for (const { orderId, refusal } of refused) {
    const entry = firsts.get(orderId);
    if (!entry) continue;
    await incident(tx, entry, 'kiosk-order-stock-short', {
      message:
        'a kiosk order placed offline arrived when the stock no longer covered it; it is placed, to be confirmed',
      orderId,
      refusal,
    });
  }
}

async function incident(
  tx: Queryable,
  entry: PlacedEntry,
  code: string,
  detail: Record<string, unknown>,
): Promise<void> {
  const found: Incident = {
    code,
    fromSequence: entry.sequence,
    toSequence: entry.sequence,
    entryId: entry.id,
    detail,
  };
  // The projection backfill meets a refused entry again at every start (it
  // has no row in kiosk_orders_placed): one incident per entry and cause.
  const already = await tx.query('SELECT 1 FROM journal_incidents WHERE entry_id = $1 AND code = $2', [
    entry.id,
    code,
  ]);
  if (already.rows.length > 0) return;
  const till = { tillId: entry.tillId, storeCode: entry.storeCode, tillCode: entry.tillCode };
  await recordIncidents(tx, till, [found]);
}
