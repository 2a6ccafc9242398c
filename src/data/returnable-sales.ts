import type { SaleLookupErrorCode } from '../core/error-codes';
import { uuidV7Schema } from '../core/ids';
import { formatReceiptNumber, parseReceiptNumber } from '../core/journal/receipt-number';
import { err, ok, type Result } from '../core/result';
import type { ReturnableSource } from '../core/returns/returnable-source';
import {
  refundedByTender,
  returnableSourceFromStoreSale,
  type StoreSale,
  type StoreSaleIncident,
  storeSaleSchema,
} from '../core/returns/store-sale';
import type { SaleLookupQuery } from '../core/sync/wire';
import {
  findOwnSaleById,
  findOwnSaleByReceipt,
  type OwnSale,
  ownReturnsOf,
  refundedByTenderOf,
  type TillCodes,
  unitsReturned,
} from './return-sources';
import { SyncRequestError } from './sync/sync-http';
import { loadTillIdentity, type TillSession } from './sync/till-session';
import type { TillDatabase } from './till-database';

// Finding the sale a customer brings back, with no network whenever the till
// can: first this till's own journal (always there), then the store's sales
// feed (every till's sales of the last `storeSalesDays`, pulled from the
// server), then, for an older sale, the sync server's online look-up.

export type SaleQuery = { readonly receiptNumber: string } | { readonly saleId: string };

/**
 * query-malformed: not a receipt number nor a sale id. other-store: a receipt
 * of another store (returned there, or online). not-found: the server says
 * this store has no such sale. online-only: not on this till, and the server
 * cannot be reached to look further (an older sale, or one not synced yet).
 */
export type SaleLookupError = { readonly code: SaleLookupErrorCode };

export interface FoundSale {
  readonly source: ReturnableSource;
  readonly receiptNumber: string;
  readonly soldAt: string;
  /** Units already returned per source line: the server's count plus this till's returns it has not counted yet. */
  readonly alreadyReturned: Readonly<Record<string, number>>;
  /** Minor units already refunded per payment (tender id), counted the same way. */
  readonly alreadyRefunded: Readonly<Record<string, number>>;
  /** Where the sale was found. */
  readonly foundIn: 'journal' | 'store-feed' | 'online';
  /** Double returns the server recorded on this sale. */
  readonly incidents: readonly StoreSaleIncident[];
}

/** The online look-up: the sale, null when the server has none, a throw when it cannot be reached. */
export type OnlineSaleLookup = (query: SaleLookupQuery) => Promise<StoreSale | null>;

export async function findReturnableSale(
  db: TillDatabase,
  query: SaleQuery,
  online?: OnlineSaleLookup,
): Promise<Result<FoundSale, SaleLookupError>> {
  const checked = checkQuery(query);
  if (!checked.ok) return checked;
  const identity = await loadTillIdentity(db);
  const { receiptNumber: asked, saleId } = checked.value;
  if (asked !== undefined && identity) {
    const parsed = parseReceiptNumber(asked);
    if (parsed.ok && parsed.value.storeCode !== identity.storeCode) return err({ code: 'other-store' });
  }

  const feed = await fromFeed(db, checked.value);
  const own = await fromOwnJournal(db, identity, asked ?? feed?.receiptNumber, saleId);
  if (own) {
    const { sale } = own;
    // Older than the feed: other tills' returns of it are counted by the server alone, when it answers.
    const counted = feed ?? (online ? await online({ saleId: sale.saleId }).catch(() => null) : null);
    return ok({
      source: own.source,
      receiptNumber: own.receiptNumber,
      soldAt: sale.completedAt,
      ...(await mergeLocalReturns(db, sale.saleId, counted ?? undefined)),
      foundIn: 'journal',
      incidents: counted?.incidents ?? [],
    });
  }
  if (feed && Date.parse(feed.expiresAt) > Date.now()) return ok(await foundFrom(db, feed, 'store-feed'));

  if (!online) return err({ code: 'online-only' });
  let remote: StoreSale | null;
  try {
    remote = await online(checked.value);
  } catch {
    return err({ code: 'online-only' });
  }
  const valid = remote === null ? null : storeSaleSchema.safeParse(remote);
  if (!valid?.success) return err({ code: 'not-found' });
  return ok(await foundFrom(db, valid.data, 'online'));
}

function checkQuery(query: SaleQuery): Result<SaleLookupQuery, SaleLookupError> {
  if ('receiptNumber' in query) {
    const parsed = parseReceiptNumber(query.receiptNumber.trim().toUpperCase());
    return parsed.ok
      ? ok({ receiptNumber: formatReceiptNumber(parsed.value) })
      : err({ code: 'query-malformed' });
  }
  const id = query.saleId.trim().toLowerCase();
  return uuidV7Schema.safeParse(id).success ? ok({ saleId: id }) : err({ code: 'query-malformed' });
}

async function foundFrom(
  db: TillDatabase,
  sale: StoreSale,
  foundIn: FoundSale['foundIn'],
): Promise<FoundSale> {
  return {
    source: returnableSourceFromStoreSale(sale),
    receiptNumber: sale.receiptNumber,
    soldAt: sale.soldAt,
    ...(await mergeLocalReturns(db, sale.id, sale)),
    foundIn,
    incidents: sale.incidents,
  };
}

async function fromFeed(db: TillDatabase, query: SaleLookupQuery): Promise<StoreSale | null> {
  if (!db.sales) return null;
  const doc =
    query.saleId !== undefined
      ? await db.sales.findOne(query.saleId).exec()
      : await db.sales.findOne({ selector: { receiptNumber: query.receiptNumber } }).exec();
  return doc ? (doc.toMutableJSON() as StoreSale) : null;
}

async function fromOwnJournal(
  db: TillDatabase,
  identity: TillCodes | undefined,
  receiptNumber: string | undefined,
  saleId: string | undefined,
): Promise<OwnSale | undefined> {
  if (!identity) return undefined;
  if (receiptNumber !== undefined) return findOwnSaleByReceipt(db, identity, receiptNumber);
  // By sale id without the feed's help (rare: receipts carry their number).
  return saleId === undefined ? undefined : findOwnSaleById(db, saleId);
}

/**
 * What the server counted (the feed's `returned`, by the returns in its
 * `returnIds`) plus every return journalled on this till against the sale
 * that the server has not counted yet: pending in the outbox, or pushed but
 * not pulled back in the feed.
 */
async function mergeLocalReturns(
  db: TillDatabase,
  saleId: string,
  counted: StoreSale | undefined,
): Promise<Pick<FoundSale, 'alreadyReturned' | 'alreadyRefunded'>> {
  const returned: Record<string, number> = {};
  for (const line of counted?.lines ?? []) if (line.returned > 0) returned[line.lineId] = line.returned;
  const refunded = counted ? refundedByTender(counted) : {};
  const known = new Set(counted?.returnIds ?? []);
  const local = (await ownReturnsOf(db, { type: 'sale', id: saleId })).filter((r) => !known.has(r.returnId));
  for (const [lineId, units] of Object.entries(unitsReturned(local)))
    returned[lineId] = (returned[lineId] ?? 0) + units;
  for (const [tenderId, minor] of Object.entries(refundedByTenderOf(local)))
    refunded[tenderId] = (refunded[tenderId] ?? 0) + minor;
  return { alreadyReturned: returned, alreadyRefunded: refunded };
}

/** The sync server's look-up (GET /sync/v1/sale-lookup) over the till's session: null on 404, a throw when unreachable. */
export function onlineSaleLookup(session: Pick<TillSession, 'request'>): OnlineSaleLookup {
  return async (query) => {
    const search = new URLSearchParams(
      query.receiptNumber !== undefined
        ? { receiptNumber: query.receiptNumber }
        : { saleId: query.saleId ?? '' },
    );
    try {
      const body = await session.request<{ sale: unknown }>(
        'GET',
        `/sync/v1/sale-lookup?${search}`,
        undefined,
        AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
      );
      const sale = storeSaleSchema.safeParse(body.sale);
      return sale.success ? sale.data : null;
    } catch (error) {
      if (error instanceof SyncRequestError && error.failure.kind === 'http' && error.failure.status === 404)
        return null;
      throw error;
    }
  };
}

/** A cashier waits for the look-up with a customer at the desk: give up quickly and say so. */
const LOOKUP_TIMEOUT_MS = 5_000;
