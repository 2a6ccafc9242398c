import { DELTA_COLLECTIONS, type DeltaCollection } from '../../../src/core/sync/wire';
import type { Database } from '../db/database';
import type { ChangeHub } from './change-hub';

/** Changes of one collection in one scope, as a live stream sends them (docs/sync-protocol.md, section 8). */
export interface DocumentDelta {
  readonly collection: DeltaCollection;
  /** The scope's `seq` the documents follow: a till whose checkpoint is at least this applies them. */
  readonly from: number;
  /** The checkpoint after them. */
  readonly to: number;
  /** The scope's documents changed after `from`, each as a pull returns it. */
  readonly documents: readonly Record<string, unknown>[];
}

/** A delta, or 'resync' when the change cannot be sent as one (too large, or changes may have been missed). */
export type DeltaListener = (delta: DocumentDelta | 'resync') => void;

/** At most this many documents in one delta; more and the tills pull instead. */
export const MAX_DELTA_DOCUMENTS = 1_000;
/** The window a scope's changes are coalesced over before one read serves every till of the scope. */
export const DELTA_WINDOW_MS = 250;

interface ScopeFeed {
  readonly collection: DeltaCollection;
  readonly scope: string;
  readonly listeners: Set<DeltaListener>;
  /** The seq sent last (or read when the feed opened). */
  last: Promise<number>;
  timer: NodeJS.Timeout | undefined;
}

const isDeltaCollection = (name: string): name is DeltaCollection =>
  (DELTA_COLLECTIONS as readonly string[]).includes(name);

/**
 * Changes to tills as deltas (issue 15), for the collections every till of a
 * store reads and every sale rewrites: the store's stock and its sales feed.
 * Instead of telling every till of a store "inventory changed" (or "sales")
 * so that each pulls it, this instance reads a (collection, scope)'s changed
 * documents once per window (250 ms, from the first change) and hands the
 * same delta to every subscribed stream of it. The read follows the scope's
 * seq, which is commit order (section 5), so a delta holds everything
 * committed after the previous one.
 */
export function startDeltaFeed(
  db: Database,
  hub: Pick<ChangeHub, 'watchAll'>,
  { windowMs = DELTA_WINDOW_MS, maxDocuments = MAX_DELTA_DOCUMENTS } = {},
) {
  const feeds = new Map<string, ScopeFeed>();
  const keyOf = (collection: string, scope: string) => `${collection}\u0000${scope}`;

  const counter = async ({ collection, scope }: ScopeFeed) =>
    Number(
      (
        await db.query<{ last: number }>(
          'SELECT last FROM sync_sequences WHERE collection = $1 AND scope = $2',
          [collection, scope],
        )
      ).rows[0]?.last ?? 0,
    );

  const flush = (feed: ScopeFeed) => {
    feed.timer = undefined;
    feed.last = feed.last.then(async (from) => {
      const rows = (
        await db.query<{ doc: Record<string, unknown>; deleted: boolean; seq: number }>(
          `SELECT doc, deleted, seq FROM sync_documents
            WHERE collection = $1 AND scope = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
          [feed.collection, feed.scope, from, maxDocuments + 1],
        )
      ).rows;
      if (rows.length === 0) return from;
      if (rows.length > maxDocuments) {
        for (const listener of feed.listeners) listener('resync');
        return counter(feed);
      }
      const to = Number(rows.at(-1)?.seq ?? from);
      const delta: DocumentDelta = {
        collection: feed.collection,
        from,
        to,
        documents: rows.map((row) => ({ ...row.doc, _deleted: row.deleted })),
      };
      for (const listener of feed.listeners) listener(delta);
      return to;
    });
    // A failed read: every till of the scope pulls, and the feed starts again from the counter.
    feed.last = feed.last.catch(() => {
      for (const listener of feed.listeners) listener('resync');
      return counter(feed).catch(() => 0);
    });
  };

  const unwatch = hub.watchAll((change) => {
    if (change === 'everything') {
      for (const feed of feeds.values()) {
        for (const listener of feed.listeners) listener('resync');
        feed.last = counter(feed).catch(() => 0);
      }
      return;
    }
    if (!isDeltaCollection(change.collection)) return;
    const feed = feeds.get(keyOf(change.collection, change.scope));
    if (!feed || feed.timer !== undefined) return;
    feed.timer = setTimeout(() => flush(feed), windowMs);
  });

  return {
    subscribe(collection: DeltaCollection, scope: string, listener: DeltaListener): () => void {
      const key = keyOf(collection, scope);
      let feed = feeds.get(key);
      if (!feed) {
        const opened: ScopeFeed = {
          collection,
          scope,
          listeners: new Set(),
          last: Promise.resolve(0),
          timer: undefined,
        };
        opened.last = counter(opened).catch(() => 0);
        feed = opened;
        feeds.set(key, feed);
      }
      feed.listeners.add(listener);
      const subscribed = feed;
      return () => {
        subscribed.listeners.delete(listener);
        if (subscribed.listeners.size === 0 && feeds.get(key) === subscribed) {
          clearTimeout(subscribed.timer);
          feeds.delete(key);
        }
      };
    },
    stop() {
      unwatch();
      for (const feed of feeds.values()) clearTimeout(feed.timer);
      feeds.clear();
    },
  };
}

export type DeltaFeed = ReturnType<typeof startDeltaFeed>;
