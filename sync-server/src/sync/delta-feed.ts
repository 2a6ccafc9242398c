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
}

/** The feeds of one scope (a store's stock and its sales): read in one window, handed over together. */
interface Scope {
  readonly feeds: Map<DeltaCollection, ScopeFeed>;
  /** Feeds changed since the last read. */
  readonly dirty: Set<DeltaCollection>;
  timer: NodeJS.Timeout | undefined;
  /** The scope's reads, one window after the other: each window's deltas follow the one before. */
  reading: Promise<void>;
}

const isDeltaCollection = (name: string): name is DeltaCollection =>
  (DELTA_COLLECTIONS as readonly string[]).includes(name);

/**
 * Changes to tills as deltas (issue 15), for the collections every till of a
 * store reads and every sale rewrites: the store's stock and its sales feed.
 * Instead of telling every till of a store "inventory changed" (or "sales")
 * so that each pulls it, this instance reads a scope's changed documents
 * once per window (250 ms, from the first change) and hands the same delta
 * to every subscribed stream of it. The read follows the scope's seq, which
 * is commit order (section 5), so a delta holds everything committed after
 * the previous one. A sale changes both collections of its store in one
 * commit: both are read in the same window and handed to the listeners in
 * one go (collection order): Node sends the writes of one tick on a response
 * in one system call, so a stream sends both in one.
 */
export function startDeltaFeed(
  db: Database,
  hub: Pick<ChangeHub, 'watchAll'>,
  { windowMs = DELTA_WINDOW_MS, maxDocuments = MAX_DELTA_DOCUMENTS } = {},
) {
  const scopes = new Map<string, Scope>();

  const counter = async ({ collection, scope }: ScopeFeed) =>
    Number(
      (
        await db.query<{ last: number }>(
          'SELECT last FROM sync_sequences WHERE collection = $1 AND scope = $2',
          [collection, scope],
        )
      ).rows[0]?.last ?? 0,
    );

  // A listener that throws (a test's assertion, a bug) must not stop the others, nor the scope's next windows.
  const tell = (feed: ScopeFeed, delta: DocumentDelta | 'resync') => {
    for (const listener of feed.listeners) {
      try {
        listener(delta);
      } catch {
        // The stream's own problem: the others still get the delta.
      }
    }
  };

  /** Reads what the feed's scope changed after its last seq: what to tell its listeners, once every read of the window is done. */
  const readNext = (feed: ScopeFeed): Promise<DocumentDelta | 'resync' | undefined> => {
    const read = feed.last.then(async (from) => {
      const rows = (
        await db.query<{ doc: Record<string, unknown>; deleted: boolean; seq: number }>(
          `SELECT doc, deleted, seq FROM sync_documents
            WHERE collection = $1 AND scope = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
          [feed.collection, feed.scope, from, maxDocuments + 1],
        )
      ).rows;
      if (rows.length === 0) return { to: from, delta: undefined };
      if (rows.length > maxDocuments) return { to: await counter(feed), delta: 'resync' as const };
      const to = Number(rows.at(-1)?.seq ?? from);
      const delta: DocumentDelta = {
        collection: feed.collection,
        from,
        to,
        documents: rows.map((row) => ({ ...row.doc, _deleted: row.deleted })),
      };
      return { to, delta };
    });
    // A failed read: every till of the scope pulls, and the feed starts again from the counter.
    feed.last = read.then(
      ({ to }) => to,
      () => counter(feed).catch(() => 0),
    );
    return read.then(
      ({ delta }) => delta,
      () => 'resync' as const,
    );
  };

  const flush = (scope: Scope) => {
    scope.timer = undefined;
    scope.reading = scope.reading.then(async () => {
      const changed = DELTA_COLLECTIONS.flatMap((collection) => {
        const feed = scope.dirty.has(collection) ? scope.feeds.get(collection) : undefined;
        return feed ? [feed] : [];
      });
      scope.dirty.clear();
      const deltas = await Promise.all(changed.map(readNext));
      changed.forEach((feed, i) => {
        const delta = deltas[i];
        if (delta !== undefined) tell(feed, delta);
      });
    });
    // Whatever went wrong in this window, the next one still runs (readNext never rejects; this is a guard).
    scope.reading = scope.reading.catch(() => undefined);
  };

  const unwatch = hub.watchAll((change) => {
    if (change === 'everything') {
      for (const scope of scopes.values())
        for (const feed of scope.feeds.values()) {
          tell(feed, 'resync');
          feed.last = counter(feed).catch(() => 0);
        }
      return;
    }
    if (!isDeltaCollection(change.collection)) return;
    const scope = scopes.get(change.scope);
    if (!scope?.feeds.has(change.collection)) return;
    scope.dirty.add(change.collection);
    if (scope.timer === undefined) scope.timer = setTimeout(() => flush(scope), windowMs);
  });

  return {
    subscribe(collection: DeltaCollection, scopeKey: string, listener: DeltaListener): () => void {
      let scope = scopes.get(scopeKey);
      if (!scope) {
        scope = { feeds: new Map(), dirty: new Set(), timer: undefined, reading: Promise.resolve() };
        scopes.set(scopeKey, scope);
      }
      let feed = scope.feeds.get(collection);
      if (!feed) {
        const opened: ScopeFeed = {
          collection,
          scope: scopeKey,
          listeners: new Set(),
          last: Promise.resolve(0),
        };
        opened.last = counter(opened).catch(() => 0);
        feed = opened;
        scope.feeds.set(collection, feed);
      }
      feed.listeners.add(listener);
      const subscribed = { scope, feed };
      return () => {
        subscribed.feed.listeners.delete(listener);
        if (subscribed.feed.listeners.size > 0 || subscribed.scope.feeds.get(collection) !== subscribed.feed)
          return;
        subscribed.scope.feeds.delete(collection);
        subscribed.scope.dirty.delete(collection);
        if (subscribed.scope.feeds.size === 0 && scopes.get(scopeKey) === subscribed.scope) {
          clearTimeout(subscribed.scope.timer);
          scopes.delete(scopeKey);
        }
      };
    },
    stop() {
      unwatch();
      for (const scope of scopes.values()) clearTimeout(scope.timer);
      scopes.clear();
    },
  };
}

export type DeltaFeed = ReturnType<typeof startDeltaFeed>;
