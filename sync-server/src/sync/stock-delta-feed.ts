import type { Database } from '../db/database';
import type { ChangeHub } from './change-hub';

/** Stock changes of one store, as a live stream sends them (docs/sync-protocol.md, section 8). */
export interface StockDelta {
  readonly collection: 'inventory';
  /** The store's inventory `seq` the documents follow: a till whose checkpoint is at least this applies them. */
  readonly from: number;
  /** The checkpoint after them. */
  readonly to: number;
  /** The store's inventory documents changed after `from`, each as a pull returns it. */
  readonly documents: readonly Record<string, unknown>[];
}

/** A delta, or 'resync' when the change cannot be sent as one (too large, or changes may have been missed). */
export type StockDeltaListener = (delta: StockDelta | 'resync') => void;

/** At most this many documents in one delta; more and the tills pull instead. */
export const MAX_DELTA_DOCUMENTS = 1_000;
/** The window a store's changes are coalesced over before one read serves every till of the store. */
export const STOCK_DELTA_WINDOW_MS = 250;

interface StoreFeed {
  readonly listeners: Set<StockDeltaListener>;
  /** The seq sent last (or read when the feed opened). */
  last: Promise<number>;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Stock changes to tills as deltas (issue 15): instead of telling every till
 * of a store "inventory changed" so that each pulls it, this instance reads a
 * store's changed inventory documents once per window (250 ms, from the
 * first change) and hands the same delta to every subscribed stream of the
 * store. The read follows the scope's seq, which is commit order (section 5),
 * so a delta holds everything committed after the previous one.
 */
export function startStockDeltaFeed(db: Database, hub: ChangeHub, windowMs = STOCK_DELTA_WINDOW_MS) {
  const stores = new Map<string, StoreFeed>();

  const counter = async (store: string) =>
    Number(
      (
        await db.query<{ last: number }>(
          "SELECT last FROM sync_sequences WHERE collection = 'inventory' AND scope = $1",
          [store],
        )
      ).rows[0]?.last ?? 0,
    );

  const flush = (store: string, feed: StoreFeed) => {
    feed.timer = undefined;
    feed.last = feed.last.then(async (from) => {
      const rows = (
        await db.query<{ doc: Record<string, unknown>; deleted: boolean; seq: number }>(
          `SELECT doc, deleted, seq FROM sync_documents
            WHERE collection = 'inventory' AND scope = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
          [store, from, MAX_DELTA_DOCUMENTS + 1],
        )
      ).rows;
      if (rows.length === 0) return from;
      if (rows.length > MAX_DELTA_DOCUMENTS) {
        for (const listener of feed.listeners) listener('resync');
        return counter(store);
      }
      const to = Number(rows.at(-1)?.seq ?? from);
      const delta: StockDelta = {
        collection: 'inventory',
        from,
        to,
        documents: rows.map((row) => ({ ...row.doc, _deleted: row.deleted })),
      };
      for (const listener of feed.listeners) listener(delta);
      return to;
    });
    // A failed read: every till of the store pulls, and the feed starts again from the counter.
    feed.last = feed.last.catch(() => {
      for (const listener of feed.listeners) listener('resync');
      return counter(store).catch(() => 0);
    });
  };

  const unwatch = hub.watchAll((change) => {
    if (change === 'everything') {
      for (const [store, feed] of stores) {
        for (const listener of feed.listeners) listener('resync');
        feed.last = counter(store).catch(() => 0);
      }
      return;
    }
    if (change.collection !== 'inventory') return;
    const feed = stores.get(change.scope);
    if (!feed || feed.timer !== undefined) return;
    feed.timer = setTimeout(() => flush(change.scope, feed), windowMs);
  });

  return {
    subscribe(store: string, listener: StockDeltaListener): () => void {
      let feed = stores.get(store);
      if (!feed) {
        feed = { listeners: new Set(), last: counter(store).catch(() => 0), timer: undefined };
        stores.set(store, feed);
      }
      feed.listeners.add(listener);
      const subscribed = feed;
      return () => {
        subscribed.listeners.delete(listener);
        if (subscribed.listeners.size === 0 && stores.get(store) === subscribed) {
          clearTimeout(subscribed.timer);
          stores.delete(store);
        }
      };
    },
    stop() {
      unwatch();
      for (const feed of stores.values()) clearTimeout(feed.timer);
      stores.clear();
    },
  };
}

export type StockDeltaFeed = ReturnType<typeof startStockDeltaFeed>;
