import {
  ANNOUNCED_COLLECTION_NAMES,
  SYNC_COLLECTION_NAMES,
  type SyncCollectionName,
} from '../../../src/core/sync/collections';
import type { Database } from '../db/database';
import { CHANGE_CHANNEL } from './document-store';

export interface Change {
  readonly collection: SyncCollectionName;
  /** '*' for global data, a store code, or a till id. */
  readonly scope: string;
}

/** What one subscriber hears: a collection that changed in a scope it reads, or 'everything'. */
export type ChangeListener = (change: SyncCollectionName | 'everything') => void;

const keyOf = (collection: string, scope: string) => `${collection}\u0000${scope}`;

/**
 * Fans the database's change notifications out to this instance's live
 * streams. Every write goes through NOTIFY, so a change made through any
 * instance on the same PostgreSQL reaches every instance's clients. An empty
 * payload (the listening connection was re-established) means "anything may
 * have changed": every stream is told to resync.
 *
 * Subscribers are indexed by the (collection, scope) pairs they read, so a
 * notification costs a map look-up and calls only the streams that can see
 * it (with 500 open streams, asking each one was most of the hub's cost).
 */
export async function startChangeHub(db: Database) {
  const byKey = new Map<string, Set<ChangeListener>>();
  const everyone = new Set<ChangeListener>();
  // Server-side work (the stock mirror) that hears every change in every scope.
  const watchers = new Set<(change: Change | 'everything') => void>();
  const broadcast = () => {
    for (const listener of everyone) listener('everything');
    for (const watcher of watchers) watcher('everything');
  };
  const stop = await db.listen(CHANGE_CHANNEL, (payload) => {
    if (payload === '') return broadcast();
    let change: Change;
    try {
      change = JSON.parse(payload) as Change;
    } catch {
      return broadcast();
    }
    if (!SYNC_COLLECTION_NAMES.includes(change.collection)) return;
    for (const watcher of watchers) watcher(change);
    for (const listener of byKey.get(keyOf(change.collection, change.scope)) ?? [])
      listener(change.collection);
  });
  return {
    /**
     * A live stream's subscription: `scopeOf` names the one scope of each
     * collection the subscriber reads. It hears the announced collections
     * only (collections.ts), and 'everything'.
     */
    subscribe(scopeOf: (collection: SyncCollectionName) => string, listener: ChangeListener): () => void {
      const keys = ANNOUNCED_COLLECTION_NAMES.map((collection) => keyOf(collection, scopeOf(collection)));
      everyone.add(listener);
      for (const key of keys) {
        const listeners = byKey.get(key) ?? new Set();
        listeners.add(listener);
        byKey.set(key, listeners);
      }
      return () => {
        everyone.delete(listener);
        for (const key of keys) {
          const listeners = byKey.get(key);
          listeners?.delete(listener);
          if (listeners?.size === 0) byKey.delete(key);
        }
      };
    },
    /** Every change in every scope: for server-side work, not for client streams. */
    watchAll(watcher: (change: Change | 'everything') => void): () => void {
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
    listenerCount: () => everyone.size,
    stop,
  };
}

export type ChangeHub = Awaited<ReturnType<typeof startChangeHub>>;
