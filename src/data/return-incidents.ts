import type { Subscription } from 'rxjs';
import type { StoreSale, StoreSaleIncident } from '../core/returns/store-sale';
import type { TillDatabase } from './till-database';

// The double returns the server recorded on the store's sales, as they reach
// this till in the sales feed (each flagged sale carries its incidents), and
// which of them a manager has marked as seen on this till (a local document).

export interface FlaggedSale {
  readonly saleId: string;
  readonly receiptNumber: string;
  readonly soldAt: string;
  readonly incidents: readonly StoreSaleIncident[];
}

const SEEN_DOC = 'return-incidents-seen';

/** Calls `listener` with every flagged sale of the feed now and after each change; returns the unsubscribe. */
export function watchFlaggedSales(db: TillDatabase, listener: (sales: FlaggedSale[]) => void): () => void {
  if (!db.sales) {
    listener([]);
    return () => undefined;
  }
  // Served by the incidentCount index: the feed's other sales are never read.
  const subscription: Subscription = db.sales
    .find({ selector: { incidentCount: { $gt: 0 } } })
    .$.subscribe((docs) =>
      listener(
        docs.map((doc) => {
          const sale = doc.toMutableJSON() as StoreSale;
          return {
            saleId: sale.id,
            receiptNumber: sale.receiptNumber,
            soldAt: sale.soldAt,
            incidents: sale.incidents,
          };
        }),
      ),
    );
  return () => subscription.unsubscribe();
}

/** The incident ids marked as seen on this till. */
export async function readSeenIncidents(db: TillDatabase): Promise<number[]> {
  const doc = await db.getLocal<{ ids: number[] }>(SEEN_DOC);
  const ids = doc?.toJSON().data.ids;
  return Array.isArray(ids) ? ids.filter((id) => Number.isSafeInteger(id)) : [];
}

export async function markIncidentsSeen(db: TillDatabase, ids: readonly number[]): Promise<void> {
  const seen = new Set([...(await readSeenIncidents(db)), ...ids]);
  // The latest 1,000 are plenty: an incident older than the feed has left the till anyway.
  await db.upsertLocal<{ ids: number[] }>(SEEN_DOC, { ids: [...seen].sort((a, b) => a - b).slice(-1000) });
}

/** The return-incidents store's services over this database (src/state/return-incidents.ts). */
export function returnIncidentServices(db: TillDatabase) {
  return {
    watchFlaggedSales: (listener: (sales: FlaggedSale[]) => void) => watchFlaggedSales(db, listener),
    readSeenIncidents: () => readSeenIncidents(db),
    markIncidentsSeen: (ids: readonly number[]) => markIncidentsSeen(db, ids),
  };
}
