import type { JournalEntryOf } from '../../../src/core/journal/journal-entry';
import { formatReceiptNumber } from '../../../src/core/journal/receipt-number';
import { clickCollectOrderSchema } from '../../../src/core/orders/click-collect-order';
import { orderAmount, type StorePayment } from '../../../src/core/orders/pickup-payment';
import type { Queryable } from '../db/database';
import { lockScope, readDocuments, writeDocuments } from '../sync/document-store';
import { entryIncident } from './entry-incident';

type SaleEntry = JournalEntryOf<'sale.completed'>;

/**
 * Sales that paid a click-and-collect order at pickup (the desk's card, or a
 * till that sold the order; docs/pickup.md, "Paid at pickup"). The first such
 * sale to arrive is written on the order as its `payment`, once; every till of
 * the store pulls it. The sale itself is projected like any other (sales,
 * sale_lines, tenders; no shelf stock: order goods move none, see
 * project-sales.ts), so the payment is one sale row, keyed by its entry.
 *
 * Idempotent without a table of its own: a sale already written as the
 * order's payment changes nothing. Anything else is an incident and leaves
 * the order alone:
 * - `pickup-order-paid-twice`: the order was already paid (online, or by
 *   another sale: two tills took it offline); names both, refund the second;
 * - `pickup-order-amount-differs`: the first sale's total is not the order's
 *   (still taken as the payment);
 * - `pickup-order-not-payable`: no such click-and-collect order in the
 *   sale's store, or it was cancelled.
 *
 * Runs last in the push, with the orders lock of the sale's store.
 */
export async function projectPickupPayments(tx: Queryable, sales: readonly SaleEntry[]): Promise<void> {
  for (const entry of sales) {
    const link = entry.payload.clickCollectOrder;
    if (!link) continue;
    await lockScope(tx, 'orders', entry.storeCode);
    const stored = (await readDocuments(tx, 'orders', [link.orderId])).get(link.orderId);
    const parsed = stored ? clickCollectOrderSchema.safeParse(stored.doc) : undefined;
    const sale = {
      saleId: entry.payload.saleId,
      receiptNumber: formatReceiptNumber(entry),
      tillId: entry.tillId,
      totalMinor: entry.payload.totals.total.minor,
    };
    if (!stored || !parsed?.success || stored.scope !== entry.storeCode) {
      await entryIncident(tx, entry, 'pickup-order-not-payable', {
        message: 'the sale names a click-and-collect order this store does not hold',
        orderId: link.orderId,
        sale,
      });
      continue;
    }
    const order = parsed.data;
    if (order.payment?.saleId === sale.saleId) continue; // projected already
    if (order.payments !== undefined || order.payment !== undefined) {
      await entryIncident(tx, entry, 'pickup-order-paid-twice', {
        message: 'a click-and-collect order already paid was paid again at pickup; refund this sale',
        orderId: order.id,
        webOrderId: order.webOrderId,
        paidBy: order.payment ?? 'web',
        sale,
      });
      continue;
    }
    if (order.status === 'cancelled' || order.webStatus === 'cancelled') {
      await entryIncident(tx, entry, 'pickup-order-not-payable', {
        message: 'a cancelled click-and-collect order was paid at pickup; refund this sale',
        orderId: order.id,
        sale,
      });
      continue;
    }
    const due = orderAmount(order).minor;
    if (due !== sale.totalMinor) {
      await entryIncident(tx, entry, 'pickup-order-amount-differs', {
        message: 'the sale that paid a click-and-collect order does not have the order total',
        orderId: order.id,
        orderTotalMinor: due,
        sale,
      });
    }
    const payment: StorePayment = {
      saleId: sale.saleId,
      tillId: sale.tillId,
      receiptNumber: sale.receiptNumber,
      paidAt: entry.payload.completedAt,
      totalMinor: sale.totalMinor,
    };
    await writeDocuments(tx, 'orders', stored.scope, [
      { id: order.id, doc: { ...order, payment }, deleted: false },
    ]);
  }
}
