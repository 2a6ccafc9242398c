import { journalEntrySchema, receiptNumberOf } from '../core/journal/journal-entry';
import type { CompletedSale } from '../core/sale';
import type { TillDatabase } from './till-database';
import { RECENT_SALES_WINDOW } from './vouchers';

export interface OwnOrderSale {
  readonly saleId: string;
  readonly receiptNumber: string | null;
  readonly sale: CompletedSale;
}

/**
 * A sale of this till's journal that paid the click-and-collect order
 * `orderId` at pickup (SaleLinks.clickCollectOrder), among its recent sales:
 * what the till knows before the server's copy of the order says "paid".
 */
export async function ownSaleOfOrder(db: TillDatabase, orderId: string): Promise<OwnOrderSale | undefined> {
  const head = await db.journal.findOne({ selector: {}, sort: [{ sequence: 'desc' }] }).exec();
  const from = Math.max(0, (head?.sequence ?? 0) - RECENT_SALES_WINDOW);
  const docs = await db.journal
    .find({ selector: { sequence: { $gt: from }, kind: 'sale.completed' }, sort: [{ sequence: 'asc' }] })
    .exec();
  for (const doc of docs) {
    const entry = journalEntrySchema.safeParse(doc.toMutableJSON());
    if (!entry.success || entry.data.kind !== 'sale.completed') continue;
    const sale = entry.data.payload as CompletedSale;
    if (sale.clickCollectOrder?.orderId === orderId)
      return { saleId: sale.saleId, receiptNumber: receiptNumberOf(entry.data), sale };
  }
  return undefined;
}
