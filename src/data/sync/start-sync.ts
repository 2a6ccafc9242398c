import type { WithDeleted } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import {
  BehaviorSubject,
  combineLatest,
  distinctUntilChanged,
  filter,
  map,
  merge,
  type Observable,
  Subject,
  startWith,
} from 'rxjs';
import type { JournalEntry } from '../../core/journal/journal-entry';
import type { SyncCollectionName } from '../../core/sync/collections';
import type { DeltaCollection } from '../../core/sync/wire';
import { catalogReplication } from '../catalog/catalog-replication';
import { type OnlineSaleLookup, onlineSaleLookup } from '../returnable-sales';
import type { TillDatabase } from '../till-database';
import { storePulledVouchers } from '../vouchers';
import { openChangeStream, type StreamState } from './change-stream';
import { type JournalUpload, startJournalUpload } from './journal-upload';
import { watchOrderConflicts } from './orders-conflict-handler';
import { pullReplication, type ReplicationStatus } from './pull-replication';
import { replicateCollection } from './replicate-collection';
import { storePulledJournal } from './store-pulled-journal';
import { ensureTillIdentity, openTillSession, type TillIdentity } from './till-session';

export interface SyncOptions {
  readonly syncUrl: string;
  readonly enrolment?: { readonly pairingCode: string; readonly deviceName: string };
  /** Products per catalog snapshot page (default: the largest the server allows; tests ask for small pages). */
  readonly catalogPageSize?: number;
}

export interface SyncProgress {
  readonly stream: StreamState;
  /** A replication is pulling or pushing right now. */
  readonly active: boolean;
  /** The last error of any replication, cleared by the next success. */
  readonly error: string | undefined;
}

export interface RunningSync {
  readonly identity: TillIdentity;
  /** The orders, pushed through RxDB's replication (conflict detection, sent$, conflict$). */
  readonly replications: {
    readonly orders: RxReplicationState<never, unknown>;
  };
  /** The journal's upload (docs/sync-protocol.md, 6.1): what was answered, and the conflicting ids. */
  readonly journalUpload: JournalUpload;
  readonly progress$: Observable<SyncProgress>;
  /** The server's look-up of a sale older than the store's feed (findReturnableSale's last resort). */
  readonly lookupSale: OnlineSaleLookup;
  /** Products the server still has to send (upper bound): the first catalog sync's progress. */
  readonly catalogRemaining$: Observable<number>;
  /** Resolves when every collection has caught up once (the first sync is complete). */
  awaitInitialSync(): Promise<void>;
  /**
   * The server is reachable again (a health check got through): every
   * request waiting out its back-off is retried now rather than up to a
   * minute later.
   */
  retryNow(): void;
  /** One authenticated request to the sync server (a fresh token when needed), e.g. a shift's totals. */
  request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, signal?: AbortSignal): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts replication of every collection for this till: server-owned data
 * is pulled, the till's journal is pushed (and pulled back, so a reinstalled
 * till recovers it), and handovers recorded here are pushed on their orders.
 * Checkpoints live in the till's database, so a first catalog sync cut short
 * resumes where it stopped.
 */
export async function startSync(db: TillDatabase, options: SyncOptions): Promise<RunningSync> {
  const identity = await ensureTillIdentity(db, options.syncUrl, options.enrolment);
  const session = openTillSession(options.syncUrl, identity);
  // The store's stock and (when this till keeps it) sales feed come as deltas in the stream.
  const stream = openChangeStream(
    options.syncUrl,
    session,
    db.sales ? ['inventory', 'sales'] : ['inventory'],
  );
  const deltaOf = (name: DeltaCollection) => stream.delta$.pipe(filter((delta) => delta.collection === name));
  const resyncOf = (name: SyncCollectionName) =>
    stream.resync$.pipe(filter((collections) => collections.includes(name)));
  const common = (name: SyncCollectionName, pullBatchSize = 500) => ({
    name,
    session,
    resync$: resyncOf(name),
    pullBatchSize,
  });

  // Pushes only handovers recorded here (recordOrderHandover); offline
  // conflicts are merged by the collection's conflict handler.
  const succeeded = { orders: new Subject<void>() };
  const orders = replicateCollection(db.orders, {
    ...common('orders'),
    outbox: db.outbox,
    onSuccess: () => succeeded.orders.next(),
  });
  const orderConflicts = watchOrderConflicts(orders.conflict$, db.outbox);
  const catalogRemaining$ = new BehaviorSubject(0);
  // The journal: uploaded by a loop of its own keyed on the till's sequence
  // (journal-upload.ts), and pulled back so that a till that lost entries
  // recovers them; the pull stores only the entries the till lacks (right
  // after an upload: none), without RxDB's per-document replication state.
  const journal = pullReplication(
    db,
    (entries: readonly WithDeleted<JournalEntry>[]) => storePulledJournal(db.journal, entries),
    common('journal'),
  );
  const journalUpload = startJournalUpload(db, session);
  // While it sends a backlog, the store's stock and sales feeds wait (pullReplication's holdWhile$):
  // storing them is IndexedDB work per document on the same thread and disk, and what the server
  // projects from the backlog comes in those feeds anyway; they catch up in one pull afterwards.
  // (The server does the same: bulk uploads before projections, docs/projections.md.)
  // Server-owned collections: pulled only, each page stored once (pull-replication.ts).
  const pulled: Partial<Record<Exclude<SyncCollectionName, 'orders' | 'journal'>, ReplicationStatus>> = {
    // The catalog: snapshot pages on a first sync, then the changes after it (src/data/catalog/).
    products: catalogReplication(db.catalog, {
      session,
      resync$: resyncOf('products'),
      onRemaining: (remaining) => catalogRemaining$.next(remaining),
      ...(options.catalogPageSize ? { pageSize: options.catalogPageSize } : {}),
    }),
    inventory: pullReplication(db, db.inventory, {
      ...common('inventory', 2_000),
      delta$: deltaOf('inventory'),
      holdWhile$: journalUpload.bulk$,
    }),
    staff: pullReplication(db, db.staff, common('staff')),
    settings: pullReplication(db, db.settings, common('settings')),
    // The store's recent sales, for returns of another till's sale (absent in a two-till Node test).
    ...(db.sales
      ? {
          sales: pullReplication(db, db.sales, {
            ...common('sales', 2_000),
            delta$: deltaOf('sales'),
            holdWhile$: journalUpload.bulk$,
          }),
        }
      : {}),
    // Kept as local documents, not a collection (vouchers.ts).
    vouchers: pullReplication(db, storePulledVouchers(db), common('vouchers')),
  };
  const replications = { orders } as unknown as RunningSync['replications'];
  const all: ReplicationStatus[] = [
    ...Object.values(pulled).filter((r) => r !== undefined),
    rxReplicationStatus(orders as never, succeeded.orders),
    journal,
    journalUpload,
  ];

  const active$ = combineLatest(all.map((r) => r.active$.pipe(startWith(false)))).pipe(
    map((flags) => flags.some(Boolean)),
  );
  const error$ = combineLatest(
    all.map((r) =>
      r.error$.pipe(
        map((message): string | undefined => message),
        startWith(undefined),
      ),
    ),
  ).pipe(map((errors) => errors.find((e) => e !== undefined)));
  const progress$ = combineLatest([
    stream.state$.pipe(startWith<StreamState>('connecting')),
    active$,
    error$,
  ]).pipe(map(([streamState, active, error]) => ({ stream: streamState, active, error })));

  return {
    identity,
    replications,
    journalUpload,
    lookupSale: onlineSaleLookup(session),
    progress$,
    catalogRemaining$: catalogRemaining$.asObservable(),
    async awaitInitialSync() {
      await Promise.all(all.map((r) => r.awaitInitialReplication()));
    },
    retryNow() {
      session.pacer.linkUp();
    },
    request: (method, path, body, signal) => session.request(method, path, body, signal),
    async close() {
      orderConflicts.unsubscribe();
      stream.close();
      await Promise.all(all.map((r) => r.cancel()));
    },
  };
}

/** RxDB's replication as a ReplicationStatus: its errors, cleared by the next request that gets through. */
function rxReplicationStatus(
  replication: RxReplicationState<never, unknown>,
  succeeded: Observable<void>,
): ReplicationStatus {
  return {
    active$: replication.active$,
    error$: merge(
      replication.error$.pipe(map((error) => error.parameters.errors?.[0]?.message ?? error.message)),
      succeeded.pipe(map(() => undefined)),
    ).pipe(distinctUntilChanged()),
    awaitInitialReplication: () => replication.awaitInitialReplication(),
    cancel: async () => {
      await replication.cancel();
    },
  };
}
