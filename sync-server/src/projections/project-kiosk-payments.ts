import type { JournalEntryOf } from '../../../src/core/journal/journal-entry';
import { formatReceiptNumber } from '../../../src/core/journal/receipt-number';
import { type KioskOrder, kioskOrderSchema } from '../../../src/core/orders/kiosk-order';
import { kioskOrderTotals } from '../../../src/core/orders/kiosk-order-totals';
import { transitionKioskOrder } from '../../../src/core/orders/transition-kiosk-order';
import type { Queryable } from '../db/database';
import { lockScope, readDocuments, writeDocuments } from '../sync/document-store';
import { entryIncident } from './entry-incident';

type SaleEntry = JournalEntryOf<'sale.completed'>;

export interface KioskPaymentRow {
  readonly entry_id: string;
  readonly order_id: string;
  readonly sale_id: string;
  readonly till_id: string;
  readonly receipt_number: string;
  readonly total_minor: string | number;
  readonly recorded_at: Date | string;
}

/**
 * Sales that paid a kiosk order's ticket at a till (docs/kiosk-tickets.md).
 * Each is recorded in kiosk_order_payments. The first payment of an order
 * marks it paid in the orders collection, with the sale as proof, once; if
 * the kiosk's own entry has not arrived yet, projectKioskOrders places the
 * order paid when it does (paidOrder below). A second payment of the same
 * order (two tills took the ticket offline) is a `kiosk-order-paid-twice`
 * incident naming both sales: the customer is owed a refund.
 *
 * Runs after projectKioskOrders, last in the push: writing an order takes
 * the export lock (docs/web-shop.md).
 */
export async function projectKioskPayments(tx: Queryable, sales: readonly SaleEntry[]): Promise<void> {
  for (const entry of sales) {
    const link = entry.payload.kioskOrder;
    if (!link) continue;
    const inserted = await tx.query(
      `INSERT INTO kiosk_order_payments (entry_id, order_id, sale_id, store_code, till_id, receipt_number,
         total_minor, currency, ticket_sha256, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING entry_id`,
      [
        entry.id,
        link.orderId,
        entry.payload.saleId,
        entry.storeCode,
        entry.tillId,
        formatReceiptNumber(entry),
        entry.payload.totals.total.minor,
        entry.payload.currency,
        link.ticketSha256,
        entry.recordedAt,
      ],
    );
    if (inserted.rows.length === 0) continue;
    const payments = await paymentsOf(tx, link.orderId);
    if (payments.length > 1) {
      await entryIncident(tx, entry, 'kiosk-order-paid-twice', {
        message: 'a kiosk order ticket was paid on more than one sale; refund all but the first',
        orderId: link.orderId,
        sales: payments.map((p) => ({
          saleId: p.sale_id,
          receiptNumber: p.receipt_number,
          tillId: p.till_id,
          totalMinor: Number(p.total_minor),
        })),
      });
      continue;
    }
    await lockScope(tx, 'orders', entry.storeCode);
    const stored = (await readDocuments(tx, 'orders', [link.orderId])).get(link.orderId);
    if (!stored) continue; // the kiosk's entry is still on its way: projectKioskOrders applies the payment
    const order = kioskOrderSchema.safeParse(stored.doc);
    if (!order.success) {
      await entryIncident(tx, entry, 'kiosk-order-not-payable', {
        message: 'the sale names an order that is not a kiosk order',
        orderId: link.orderId,
      });
      continue;
    }
    const paid = await paidOrder(tx, entry, order.data, payments[0]);
    if (paid)
      await writeDocuments(tx, 'orders', stored.scope, [{ id: paid.id, doc: { ...paid }, deleted: false }]);
  }
}

export async function paymentsOf(tx: Queryable, orderId: string): Promise<KioskPaymentRow[]> {
  const result = await tx.query<KioskPaymentRow>(
    `SELECT entry_id, order_id, sale_id, till_id, receipt_number, total_minor, recorded_at
     FROM kiosk_order_payments WHERE order_id = $1 ORDER BY projected_at, entry_id`,
    [orderId],
  );
  return result.rows;
}

/**
 * The order moved to paid by the till sale `payment`, or undefined when it
 * cannot be (an incident then says why, on `entry`). A sale whose total is
 * not the order's is still taken as the payment and reported.
 */
export async function paidOrder(
  tx: Queryable,
  entry: Parameters<typeof entryIncident>[1],
  order: KioskOrder,
  payment: KioskPaymentRow | undefined,
): Promise<KioskOrder | undefined> {
  if (!payment) return undefined;
  const at = new Date(payment.recorded_at).toISOString();
  const moved = transitionKioskOrder(order, {
    type: 'pay',
    at,
    payment: { type: 'till-sale', saleId: payment.sale_id },
  });
  if (!moved.ok) {
    await entryIncident(tx, entry, 'kiosk-order-not-payable', {
      message: 'a till sale paid a kiosk order that could not take the payment',
      orderId: order.id,
      status: order.status,
      saleId: payment.sale_id,
    });
    return undefined;
  }
  const due = kioskOrderTotals(order).total.minor;
  if (due !== Number(payment.total_minor)) {
    await entryIncident(tx, entry, 'kiosk-order-amount-differs', {
      message: 'the till sale that paid a kiosk order does not have the order total',
      orderId: order.id,
      saleId: payment.sale_id,
      orderTotalMinor: due,
      saleTotalMinor: Number(payment.total_minor),
    });
  }
  return moved.value;
}
