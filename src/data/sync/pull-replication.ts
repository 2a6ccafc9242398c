import type { RxCollection, WithDeleted } from 'rxdb';
import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import type { SyncCollectionName } from '../../core/sync/collections';
import type { TillDatabase } from '../till-database';
import { coalescedRetryLoop } from './backoff-loop';
import { cursorPosition } from './cursor-position';
import { prefetchingPages } from './prefetching-pages';
import { storePulledDocuments } from './store-pulled-documents';
import type { TillSession } from './till-session';

/** What start-sync reads of every collection's replication, whichever kind it is. */
export interface ReplicationStatus {
  readonly active$: Observable<boolean>;
  /** A failed request's message (the loop retries after its back-off), and undefined once one gets through again. */
  readonly error$: Observable<string | undefined>;
  /** Resolves once the collection has caught up with the server for the first time. */
  awaitInitialReplication(): Promise<void>;
  cancel(): Promise<void>;
}

export interface PullReplicationOptions {
  readonly name: SyncCollectionName;
  readonly session: TillSession;
  /** Emits when the server says this collection changed (and on every stream reconnect). */
  readonly resync$: Observable<unknown>;
  readonly pullBatchSize: number;
  /** Told after each pull how many documents the server says are left (an upper bound): progress only. */
  readonly onRemaining?: (remaining: number) => void;
  /**
   * Changes the live stream sends as documents (inventory): applied when
   * they follow what is stored (`from` at or before the checkpoint), else a
   * pull fetches what is missing.
   */
  readonly delta$?: Observable<{
    readonly from: number;
    readonly to: number;
    readonly documents: readonly unknown[];
  }>;
  /**
   * While it says true, no new pull starts and deltas are not stored (a pass under way stops after
   * the page it is storing, once the collection has caught up for the first time); once it says
   * false again, or after maxHoldMs, one pull fetches what was held. The store's feeds wait so while the journal
   * upload sends a backlog (start-sync.ts): the till's own sales reach the server first.
   */
  readonly holdWhile$?: Observable<boolean>;
  /** The longest a hold lasts in a row (MAX_HOLD_MS unless a test says otherwise). */
  readonly maxHoldMs?: number;
}

/**
 * A hold is released after this long even if holdWhile$ still says true (a backlog of 10,000
 * sales goes up in 9-26 s on the bench machine); the next true after a release holds again.
 */
export const MAX_HOLD_MS = 60_000;

interface StoredCheckpoint {
  readonly seq: number;
}

/**
 * Replication of a collection the server owns and tills only read
 * (products, inventory, staff, settings), over the same pull endpoint as
 * RxDB's replication. RxDB's replication keeps, for every document, what it
 * assumes the server holds, so that it can detect conflicts on push; for a
 * collection nothing on the till writes, that is three reads of every id
 * per page on top of the write, and it made the first catalog sync of
 * 100,000 products about twice as slow as storing them (bench/README.md).
 * Here each page is stored once (storePulledDocuments) and the checkpoint is
 * saved after it, in a local document of the till's database: a first sync
 * cut short resumes from the last page stored, and a page stored twice
 * changes nothing.
 *
 * It pulls until a page comes back short, on start and whenever `resync$`
 * emits (a resync during a pull makes it pull once more). A failure backs
 * off on the till's pacer, like every other request loop, and retries until
 * it gets through or the replication is cancelled.
 */
export function pullReplication<T extends { id: string }>(
  db: TillDatabase,
  /** Where pages go: a collection, or a function storing them elsewhere (vouchers: local documents). */
  collection: RxCollection<T> | ((documents: readonly WithDeleted<T>[]) => Promise<void>),
  options: PullReplicationOptions,
): ReplicationStatus {
  const store =
    typeof collection === 'function'
      ? collection
      : (documents: readonly WithDeleted<T>[]) => storePulledDocuments(collection, documents);
  const { name, session } = options;
  const checkpointDoc = `pull-checkpoint-${name}-${session.identity.tillId}`;
  const pages = prefetchingPages<T>(name, session, options.onRemaining);
  const active$ = new BehaviorSubject(false);
  const error$ = new Subject<string | undefined>();
  const stop = new AbortController();
  let caughtUp!: () => void;
  const initial = new Promise<void>((resolve) => {
    caughtUp = resolve;
  });
  /** The page being stored: cancel waits for it, so the database is never closed under a write. */
  let storing: Promise<unknown> = Promise.resolve();

  const readCheckpoint = async (): Promise<number> => {
    const stored = await db.getLocal<StoredCheckpoint>(checkpointDoc);
    return cursorPosition(stored?.toJSON().data.seq);
  };

  /** Held (holdWhile$), and whether something asked for a pull meanwhile. */
  let held = false;
  let missed = false;
  let caughtUpOnce = false;
  // Held now (only after the first catch-up): the pull that was due is noted, and made on release.
  const holding = (): boolean => {
    if (!held || !caughtUpOnce) return false;
    missed = true;
    return true;
  };

  const pullUntilCaughtUp = async (): Promise<void> => {
    let seq = await readCheckpoint();
    for (;;) {
      if (holding()) {
        // The page asked for ahead was read before the hold: the pass after it asks afresh.
        pages.discard();
        return;
      }
      const page = await pages.take(seq, options.pullBatchSize);
      if (stop.signal.aborted) return;
      const next = page.checkpoint.seq;
      const stored = (async () => {
        await store(page.documents);
        if (next !== seq) await db.upsertLocal<StoredCheckpoint>(checkpointDoc, { seq: next });
      })();
      storing = stored.catch(() => undefined);
      await stored;
      seq = next;
      if (page.documents.length < options.pullBatchSize) return;
    }
  };

  const loop = coalescedRetryLoop({
    pacer: session.pacer,
    signal: stop.signal,
    pass: pullUntilCaughtUp,
    onActive: (active) => active$.next(active),
    onError: (message) => error$.next(message),
    onSuccess: () => {
      caughtUpOnce = true;
      caughtUp();
    },
  });
  const run = () => {
    if (holding()) return;
    void loop.run();
  };

  /** A delta the stream sent: stored when it follows the checkpoint, else (a gap) the collection is pulled. */
  const applyDelta = async (delta: { from: number; to: number; documents: readonly unknown[] }) => {
    // Held: the pull after the hold fetches these changes (and whatever else came meanwhile).
    if (holding()) return;
    // During a pull, which may have read before these changes, the loop makes one more pass instead.
    const applied = await loop.exclusive(async (): Promise<boolean> => {
      try {
        const seq = await readCheckpoint();
        if (delta.from > seq) return false;
        if (delta.to > seq && !stop.signal.aborted) {
          // Documents at or before the checkpoint are the versions already stored: storing them again changes nothing.
          const stored = (async () => {
            await store(delta.documents as WithDeleted<T>[]);
            await db.upsertLocal<StoredCheckpoint>(checkpointDoc, { seq: delta.to });
          })();
          storing = stored.catch(() => undefined);
          await stored;
        }
        return true;
      } catch {
        return false;
      }
    });
    if (applied === false) run();
  };

  const resyncs = options.resync$.subscribe(() => run());
  const deltas = options.delta$?.subscribe((delta) => void applyDelta(delta));
  // A hold lasts at most MAX_HOLD_MS in a row: whatever holds it, the feed is never frozen for good.
  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  const release = () => {
    clearTimeout(holdTimer);
    holdTimer = undefined;
    held = false;
    if (missed) {
      missed = false;
      run();
    }
  };
  const holds = options.holdWhile$?.subscribe((hold) => {
    if (!hold) return release();
    if (held) return;
    held = true;
    holdTimer = setTimeout(release, options.maxHoldMs ?? MAX_HOLD_MS);
  });
  run();

  return {
    active$: active$.asObservable(),
    error$: error$.asObservable(),
    awaitInitialReplication: () => initial,
    async cancel() {
      stop.abort();
      resyncs.unsubscribe();
      deltas?.unsubscribe();
      holds?.unsubscribe();
      clearTimeout(holdTimer);
      await storing;
      active$.complete();
      error$.complete();
    },
  };
}
