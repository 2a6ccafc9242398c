import type { RxCollection, WithDeleted } from 'rxdb';
import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import { type Observable, Subject } from 'rxjs';
import { SYNC_COLLECTIONS, type SyncCollectionName } from '../../core/sync/collections';
import type { Checkpoint } from '../../core/sync/wire';
import type { OutboxCollection } from '../collections/outbox';
import { markOutbox } from './outbox-marks';
import type { RetryPacer } from './retry-pacer';
import { SyncRequestError } from './sync-http';
import type { TillSession } from './till-session';

/** Journal entries are about 4 KB: 500 of them stay well under MAX_BODY_BYTES (4 MB). */
export const PUSH_BATCH_SIZE = 500;

/** A prefetched page older than this is dropped and asked for again. */
const PREFETCH_MAX_AGE_MS = 5_000;

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
  const pullWithBackoff = backoffLoop(session.pacer);
  const pushWithBackoff = backoffLoop(session.pacer);
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

interface PulledPage<T> {
  readonly documents: WithDeleted<T>[];
  readonly checkpoint: Checkpoint;
}

/**
 * The pull requests of one collection. When a page comes back full, the page
 * after it is asked for at once, while RxDB stores this one: during a first
 * sync the server's answer and the till's IndexedDB writes then overlap
 * instead of taking turns. A prefetched page is what the server held when it
 * answered, exactly as if the till had pulled then: anything committed later
 * has a higher seq and comes in a later pull.
 */
function prefetchingPages<T>(
  name: SyncCollectionName,
  session: TillSession,
  onRemaining: ((remaining: number) => void) | undefined,
) {
  let ahead: { key: string; at: number; page: Promise<PulledPage<T>> } | undefined;
  const fetchPage = async (seq: number, limit: number): Promise<PulledPage<T>> => {
    const body = await session.request<{
      documents: WithDeleted<T>[];
      checkpoint: Checkpoint;
      remaining?: number;
    }>('GET', `/sync/v1/${name}/pull?checkpoint=${seq}&limit=${limit}`);
    onRemaining?.(body.remaining ?? 0);
    return { documents: body.documents, checkpoint: body.checkpoint };
  };
  return {
    async take(seq: number, limit: number): Promise<PulledPage<T>> {
      const key = `${seq}/${limit}`;
      const prefetched =
        ahead?.key === key && Date.now() - ahead.at < PREFETCH_MAX_AGE_MS ? ahead : undefined;
      ahead = undefined;
      // A failed prefetch is simply asked for again.
      const page = prefetched
        ? await prefetched.page.catch(() => fetchPage(seq, limit))
        : await fetchPage(seq, limit);
      if (page.documents.length >= limit) {
        const next = fetchPage(page.checkpoint.seq, limit);
        next.catch(() => undefined);
        ahead = { key: `${page.checkpoint.seq}/${limit}`, at: Date.now(), page: next };
      }
      return page;
    },
  };
}

/**
 * One request loop (a collection's pull, or its push) with its own count of
 * consecutive failures: a pull failing while nothing needs pushing must not
 * lengthen the wait of the next sale's push.
 */
function backoffLoop(pacer: RetryPacer) {
  let failures = 0;
  let failedAt = pacer.failureMark();
  return async <R>(work: () => Promise<R>): Promise<R> => {
    await pacer.wait(failures, failedAt);
    try {
      const result = await work();
      failures = 0;
      return result;
    } catch (error) {
      failures++;
      failedAt = pacer.failureMark();
      throw error;
    }
  };
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
