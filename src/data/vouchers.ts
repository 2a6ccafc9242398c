import type { WithDeleted } from 'rxdb';
import { type JournalEntry, journalEntrySchema } from '../core/journal/journal-entry';
import type { CompletedSale } from '../core/sale/completed-sale';
import { type GiftVoucher, giftVoucherSchema } from '../core/vouchers/gift-voucher';
import type { LocalSale } from '../core/vouchers/voucher-standing';
import type { TillDatabase } from './till-database';

// The store's gift vouchers on this till, for offline redemption. The server
// writes them (collection `vouchers`, store scope, docs/gift-vouchers.md);
// the till keeps each as a local document `voucher:<CODE>` rather than in an
// RxDB collection of its own: a lookup is by code only, and the open-source
// RxDB allows 13 open collections per realm, which two tills in one test
// process (7 each) already come close to.

const localId = (code: string) => `voucher:${code}`;

/** The pull replication's sink for the `vouchers` collection. */
export function storePulledVouchers(db: TillDatabase) {
  return async (documents: readonly WithDeleted<GiftVoucher>[]): Promise<void> => {
    for (const doc of documents) {
      const { _deleted, ...voucher } = doc as WithDeleted<GiftVoucher> & { _deleted?: boolean };
      if (_deleted) {
        await (await db.getLocal(localId(voucher.id)))?.remove();
        continue;
      }
      const parsed = giftVoucherSchema.safeParse(voucher);
      // A document this build cannot read is left out: the till then treats the code as unknown.
      if (parsed.success) await db.upsertLocal(localId(parsed.data.id), parsed.data);
    }
  };
}

/** The server's copy of a voucher, if this till has pulled it. */
export async function findVoucher(db: TillDatabase, code: string): Promise<GiftVoucher | undefined> {
  const stored = await db.getLocal<GiftVoucher>(localId(code));
  if (!stored) return undefined;
  const parsed = giftVoucherSchema.safeParse(stored.toJSON().data);
  return parsed.success ? parsed.data : undefined;
}

/** How far back this till's own journal is read for sales the server may not know yet. */
export const RECENT_SALES_WINDOW = 5_000;

/** This till's most recent sales (up to RECENT_SALES_WINDOW journal entries back), oldest first. */
export async function recentLocalSales(db: TillDatabase): Promise<LocalSale[]> {
  const head = await db.journal.findOne({ selector: {}, sort: [{ sequence: 'desc' }] }).exec();
  const from = Math.max(0, (head?.sequence ?? 0) - RECENT_SALES_WINDOW);
  const docs = await db.journal
    .find({ selector: { sequence: { $gt: from }, kind: 'sale.completed' }, sort: [{ sequence: 'asc' }] })
    .exec();
  return docs.flatMap((doc) => {
    const entry = journalEntrySchema.safeParse(doc.toMutableJSON());
    if (!entry.success || entry.data.kind !== 'sale.completed') return [];
    const sale: JournalEntry & { kind: 'sale.completed' } = entry.data;
    return [{ tillId: sale.tillId, sale: sale.payload as CompletedSale }];
  });
}
