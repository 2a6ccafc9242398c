import type { RxCollection } from 'rxdb';
import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import { type Observable, Subject } from 'rxjs';
import { backoffDelay } from '../../core/sync/backoff';
import type { SyncCollectionName } from '../../core/sync/collections';
import type { Checkpoint } from '../../core/sync/wire';
import type { OutboxCollection } from '../collections/outbox';
import { SyncRequestError } from './sync-http';
import type { TillSession } from './till-session';

export interface CollectionReplicationOptions {
  readonly name: SyncCollectionName;
  readonly session: TillSession;
  /** Emits when the server says this collection changed (and on every stream reconnect). */
  readonly resync$: Observable<unknown>;
  readonly pullBatchSize: number;
  /** Pushing collections record each document's upload state here. */
  readonly outbox?: OutboxCollection;
}

/**
 * RxDB replication of one collection over the sync protocol. Failures back
 * off exponentially (RxDB's own retry is a fixed delay, so each handler
 * waits out the back-off of the failures before it). A push the server
 * refuses for good (400, 403) is not retried: its documents are marked
 * failed in the outbox with the server's reason.
 */
export function replicateCollection<T extends { id: string }>(
  collection: RxCollection<T>,
  options: CollectionReplicationOptions,
): RxReplicationState<T, Checkpoint> {
  const { name, session } = options;
  let failures = 0;
  const withBackoff = async <R>(work: () => Promise<R>): Promise<R> => {
    if (failures > 0)
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(failures, Math.random())));
    try {
      const result = await work();
      failures = 0;
      return result;
    } catch (error) {
      failures++;
      throw error;
    }
  };
  const stream$ = new Subject<'RESYNC'>();
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
      handler: (checkpoint, batchSize) =>
        withBackoff(async () => {
          const query = `checkpoint=${checkpoint?.seq ?? 0}&limit=${batchSize}`;
          const body = await session.request<{ documents: never[]; checkpoint: Checkpoint }>(
            'GET',
            `/sync/v1/${name}/pull?${query}`,
          );
          return { documents: body.documents, checkpoint: body.checkpoint };
        }),
    },
    ...(options.outbox
      ? {
          push: {
            batchSize: 200,
            handler: (rows) => withBackoff(() => pushRows(name, session, rows, options.outbox)),
          },
        }
      : {}),
  });
}

async function pushRows(
  name: SyncCollectionName,
  session: TillSession,
  rows: readonly { newDocumentState: { id: string } }[],
  outbox: OutboxCollection | undefined,
) {
  const ids = rows.map((row) => row.newDocumentState.id);
  try {
    const conflicts = await session.request<never[]>('POST', `/sync/v1/${name}/push`, rows);
    await markOutbox(outbox, name, ids, 'synced', null);
    return conflicts;
  } catch (error) {
    if (error instanceof SyncRequestError && error.permanent) {
      await markOutbox(outbox, name, ids, 'failed', error.message);
      return [];
    }
    throw error;
  }
}

async function markOutbox(
  outbox: OutboxCollection | undefined,
  collection: string,
  ids: readonly string[],
  state: 'synced' | 'failed',
  error: string | null,
) {
  if (!outbox) return;
  const now = Date.now();
  await outbox.bulkUpsert(
    ids.map((documentId) => ({
      id: `${collection}:${documentId}`,
      sourceCollection: collection,
      documentId,
      state,
      error,
      attempts: 1,
      updatedAt: now,
    })),
  );
}
