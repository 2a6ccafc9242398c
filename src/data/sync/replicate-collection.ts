import type { RxCollection, WithDeleted } from 'rxdb';
import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import { type Observable, Subject } from 'rxjs';
import { SYNC_COLLECTIONS, type SyncCollectionName } from '../../core/sync/collections';
import type { Checkpoint } from '../../core/sync/wire';
import type { OutboxCollection } from '../collections/outbox';
import { backoffLoop } from './backoff-loop';
import { markOutbox } from './outbox-marks';
import { prefetchingPages } from './prefetching-pages';
import { SyncRequestError } from './sync-http';
import type { TillSession } from './till-session';

/** Journal entries are about 4 KB: 500 of them stay well under MAX_BODY_BYTES (4 MB). */
export const PUSH_BATCH_SIZE = 500;

export interface CollectionReplicationOptions {
  readonly name: SyncCollectionName;
  readonly session: TillSession;
  /** Emits when the server says this collection changed (and on every stream reconnect). */
  readonly resync$: Observable<unknown>;
  readonly pullBatchSize: number;
  /** Pushing collections record each document's upload state here. */
  readonly outbox?: OutboxCollection;
  /** Told after each pull how many documents the server says are left (an upper bound): progress only. */
  readonly onRemaining?: (remaining: number) => void;
  /** Told after every pull or push request that got through (RxDB's error$ only ever tells failures). */
  readonly onSuccess?: () => void;
}

/**
 * RxDB replication of one collection over the sync protocol. Failures back
 * off exponentially (RxDB's own retry is a fixed delay, so each handler
 * waits out the back-off of the failures before it, cut short when another
 * request of this till gets through). A push the server refuses for good
 * (400, 403) is not retried: its documents are marked failed in the outbox
 * with the server's reason.
 */
export function replicateCollection<T extends { id: string }>(
  collection: RxCollection<T>,
  options: CollectionReplicationOptions,
): RxReplicationState<T, Checkpoint> {
  const { name, session } = options;
  const pullWithBackoff = backoffLoop(session.pacer, options.onSuccess);
  const pushWithBackoff = backoffLoop(session.pacer, options.onSuccess);
  const stream$ = new Subject<'RESYNC'>();
  const pages = prefetchingPages<T>(name, session, options.onRemaining);
  options.resync$.subscribe(() => stream$.next('RESYNC'));

  return replicateRxCollection<T, Checkpoint>({
    collection,
    replicationIdentifier: `${name}-v1-${session.identity.tillId}`,
    live: true,
    retryTime: 1_000,
    waitForLeadership: false,
    autoStart: true,
    pull: {
      batchSize: options.pullBatchSize,
      stream$: stream$.asObservable(),
      handler: (checkpoint, batchSize) => pullWithBackoff(() => pages.take(checkpoint?.seq ?? 0, batchSize)),
    },
    ...(options.outbox
      ? {
          push: {
            // About 2 MB of sales per request, half the server's body limit.
            batchSize: PUSH_BATCH_SIZE,
            handler: (rows) => pushWithBackoff(() => pushRows<T>(name, session, rows, options.outbox)),
          },
        }
      : {}),
  });
}

/**
 * A conflicting row is not synced. A journal entry in conflict never will
 * be (the server keeps another entry under its id, and records an incident):
 * failed. An order in conflict stays pending: the conflict handler merges it
 * and RxDB pushes the merge next.
 */
async function pushRows<T extends { id: string }>(
  name: SyncCollectionName,
  session: TillSession,
  rows: readonly { newDocumentState: { id: string } }[],
  outbox: OutboxCollection | undefined,
): Promise<WithDeleted<T>[]> {
  const ids = rows.map((row) => row.newDocumentState.id);
  try {
    const conflicts = await session.request<WithDeleted<T>[]>('POST', `/sync/v1/${name}/push`, rows);
    const conflicting = new Set(conflicts.map((doc) => doc.id));
    await markOutbox(
      outbox,
      name,
      ids.filter((id) => !conflicting.has(id)),
      'synced',
      null,
    );
    if (SYNC_COLLECTIONS[name].push === 'insert-only') {
      const reason = 'the server already holds a different record under this id';
      await markOutbox(outbox, name, [...conflicting], 'failed', reason);
    }
    return conflicts;
  } catch (error) {
    if (error instanceof SyncRequestError && error.permanent) {
      await markOutbox(outbox, name, ids, 'failed', error.message);
      return [];
    }
    throw error;
  }
}
