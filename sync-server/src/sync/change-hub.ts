import { EventEmitter } from 'node:events';
import { SYNC_COLLECTION_NAMES, type SyncCollectionName } from '../../../src/core/sync/collections';
import type { Database } from '../db/database';
import { CHANGE_CHANNEL } from './document-store';

export interface Change {
  readonly collection: SyncCollectionName;
  /** '*' for global data, a store code, or a till id. */
  readonly scope: string;
}

/**
 * Fans the database's change notifications out to this instance's live
 * streams. Every write goes through NOTIFY, so a change made through any
 * instance on the same PostgreSQL reaches every instance's clients. An empty
 * payload (the listening connection was re-established) means "anything may
 * have changed": every stream is told to resync.
 */
export async function startChangeHub(db: Database) {
  const events = new EventEmitter<{ change: [Change | 'everything'] }>();
  events.setMaxListeners(0);
  const stop = await db.listen(CHANGE_CHANNEL, (payload) => {
    if (payload === '') {
      events.emit('change', 'everything');
      return;
    }
    try {
      const change = JSON.parse(payload) as Change;
      if (SYNC_COLLECTION_NAMES.includes(change.collection)) events.emit('change', change);
    } catch {
      events.emit('change', 'everything');
    }
  });
  return {
    subscribe(listener: (change: Change | 'everything') => void): () => void {
      events.on('change', listener);
      return () => events.off('change', listener);
    },
    listenerCount: () => events.listenerCount('change'),
    stop,
  };
}

export type ChangeHub = Awaited<ReturnType<typeof startChangeHub>>;
