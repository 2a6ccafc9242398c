import type { JournalEntryOf } from '../core/journal/journal-entry';
import { formatReceiptNumber, parseReceiptNumber } from '../core/journal/receipt-number';
import { type ClickCollectOrder, clickCollectOrderSchema } from '../core/orders/click-collect-order';
import { err, ok, type Result } from '../core/result';
import type { CompletedReturn } from '../core/returns/completed-return';
import {
  type ReturnableSource,
  returnableSourceFromSale,
  type SourceRef,
} from '../core/returns/returnable-source';
import type { CompletedSale } from '../core/sale/completed-sale';
import { journalEntries } from './journal-query';
import type { TillDatabase } from './till-database';

// What a return is made against, as this till finds it with no network:
// its own sales (its journal), the returns it journalled of a source, and
// the online orders of its store (replicated to every till, checked against
// their signed token by the caller). Other tills' sales come from the
// store's sales feed (returnable-sales.ts).

export interface TillCodes {
  readonly storeCode: string;
  readonly tillCode: string;
}

export interface OwnSale {
  readonly sale: CompletedSale;
  readonly source: ReturnableSource;
  readonly receiptNumber: string;
}

type SaleEntry = JournalEntryOf<'sale.completed'>;

function ownSaleOf(entry: SaleEntry): OwnSale {
  return {
    sale: entry.payload,
    source: returnableSourceFromSale(entry.payload),
    receiptNumber: formatReceiptNumber(entry),
  };
}

/** A sale of this till by its receipt number, or undefined when the number is another till's or unknown here. */
export async function findOwnSaleByReceipt(
  db: TillDatabase,
  till: TillCodes,
  receiptNumber: string,
): Promise<OwnSale | undefined> {
  const parsed = parseReceiptNumber(receiptNumber);
  if (!parsed.ok || parsed.value.storeCode !== till.storeCode || parsed.value.tillCode !== till.tillCode) {
    return undefined;
  }
  const doc = await db.journal.findOne({ selector: { sequence: parsed.value.sequence } }).exec();
  const entry = doc?.toMutableJSON();
  return entry?.kind === 'sale.completed' ? ownSaleOf(entry as SaleEntry) : undefined;
}

/** A sale of this till by its sale id. */
export async function findOwnSaleById(db: TillDatabase, saleId: string): Promise<OwnSale | undefined> {
  const [entry] = await journalEntries(db, { kinds: ['sale.completed'], payload: { saleId } });
  return entry ? ownSaleOf(entry) : undefined;
}

/** Every return this till journalled against `source`, oldest first. */
export async function ownReturnsOf(db: TillDatabase, source: SourceRef): Promise<CompletedReturn[]> {
  const entries = await journalEntries(db, {
    kinds: ['return.completed'],
    payload: { 'source.type': source.type, 'source.id': source.id },
  });
  return entries.map((entry) => entry.payload);
}

/** Units already returned per source line by `returns`. */
export function unitsReturned(returns: readonly CompletedReturn[]): Record<string, number> {
  const units: Record<string, number> = {};
  for (const r of returns) {
    for (const line of r.lines) units[line.sourceLineId] = (units[line.sourceLineId] ?? 0) + line.quantity;
  }
  return units;
}

/** Minor units refunded per source tender id by `returns`. */
export function refundedByTenderOf(returns: readonly CompletedReturn[]): Record<string, number> {
  const refunded: Record<string, number> = {};
  for (const r of returns) {
    for (const refund of r.refunds)
      refunded[refund.sourceTenderId] = (refunded[refund.sourceTenderId] ?? 0) + refund.amount.minor;
  }
  return refunded;
}

export type OrderQuery = { readonly pickupCode: string } | { readonly webOrderId: string };

/** A click-and-collect order of this store by the code of its confirmation or its order number. */
export async function findOnlineOrder(
  db: TillDatabase,
  query: OrderQuery,
): Promise<Result<ClickCollectOrder, 'order-not-found' | 'order-malformed'>> {
  const docs = await db.orders.find({ selector: { kind: 'click-and-collect' } }).exec();
  const doc = docs.find((d) => {
    const order = d.toMutableJSON();
    if (order.kind !== 'click-and-collect') return false;
    return 'pickupCode' in query
      ? order.pickupCode === query.pickupCode.trim().toUpperCase()
      : order.webOrderId === query.webOrderId.trim();
  });
  if (!doc) return err('order-not-found');
  const parsed = clickCollectOrderSchema.safeParse(doc.toMutableJSON());
  return parsed.success ? ok(parsed.data) : err('order-malformed');
}
