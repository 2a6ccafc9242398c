import type { WithDeleted } from 'rxdb';
import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import type { Product } from '../../core/catalog/product';
import { AUTO_PAGE_SIZE, type CatalogManifest, catalogManifestSchema } from '../../core/sync/catalog-wire';
import { coalescedRetryLoop } from '../sync/backoff-loop';
import { type PulledPage, prefetchingPages } from '../sync/prefetching-pages';
import type { ReplicationStatus } from '../sync/pull-replication';
import type { TillSession } from '../sync/till-session';
import type { TillCatalog } from './till-catalog';

// The catalog's replication (docs/sync-protocol.md, 5.2). A first sync takes
// the server's snapshot: its manifest first (kept, so an interrupted first
// sync resumes with the same pages), then every page not yet stored, a few
// at a time, each stored as it came (one record per page). Then, and on every
// resync, the changes after the snapshot through the products pull, into the
// catalog's log. A change made on the server while the pages download has a
// seq past the snapshot's, so it comes with that first pull.

export interface CatalogReplicationOptions {
  readonly session: TillSession;
  /** Emits when the server says products changed (and on every stream reconnect). */
  readonly resync$: Observable<unknown>;
  /** Told how many products are still to come (snapshot, then pull): progress only. */
  readonly onRemaining?: (remaining: number) => void;
  /** Pages fetched at once during a first sync. */
  readonly concurrency?: number;
  /**
   * Products per snapshot page (one request, one stored record), or 'auto'
   * (the default): the server chooses from the catalog's size, small pages
   * first and last around pages of 5,000 (sync-server/src/sync/catalog-page-plan.ts).
   */
  readonly pageSize?: number | typeof AUTO_PAGE_SIZE;
  readonly pullBatchSize?: number;
}

/** The first pull after a snapshot, asked for while the snapshot completes, from its checkpoint. */
interface FirstPull {
  readonly seq: number;
  readonly page: Promise<PulledPage<Product>>;
}

export function catalogReplication(
  catalog: TillCatalog,
  options: CatalogReplicationOptions,
): ReplicationStatus {
  const { session } = options;
  const concurrency = options.concurrency ?? 4;
  const pageSize = options.pageSize ?? AUTO_PAGE_SIZE;
  const pullBatchSize = options.pullBatchSize ?? 2_000;
  const pages = prefetchingPages<Product>('products', session, options.onRemaining);
  const active$ = new BehaviorSubject(false);
  const error$ = new Subject<string | undefined>();
  const stop = new AbortController();
  let caughtUp!: () => void;
  const initial = new Promise<void>((resolve) => {
    caughtUp = resolve;
  });
  let working: Promise<unknown> = Promise.resolve();

  // A 401 (the token expired or the server's keys changed) renews the token once, as every sync request does.
  // The page's bytes, never decoded on this thread: the catalog's worker reads and stores them.
  const fetchPage = (range: { after: number; upTo: number }): Promise<Uint8Array> =>
    session.getBytes(
      `/sync/v1/catalog/pages?after=${range.after}&upTo=${range.upTo}`,
      AbortSignal.any([stop.signal, AbortSignal.timeout(60_000)]),
    );

  const takeSnapshot = async (): Promise<FirstPull | undefined> => {
    let { manifest } = await catalog.snapshot.meta();
    // A new snapshot's first pages download while the worker clears the last one's (it holds none yet).
    let began: Promise<void> = Promise.resolve();
    let stored = new Set<number>();
    if (!manifest) {
      manifest = catalogManifestSchema.parse(
        await session.request<CatalogManifest>('GET', manifestPath(pageSize), undefined, stop.signal),
      );
      began = catalog.snapshot.begin(manifest);
      began.catch(() => undefined);
    } else stored = new Set(await catalog.snapshot.storedPages());
    let downloaded = 0;
    for (const key of stored) downloaded += manifest.pages[key]?.count ?? 0;
    const tell = () => {
      catalog.snapshot.downloaded(downloaded);
      options.onRemaining?.(Math.max(0, (manifest?.total ?? 0) - downloaded));
    };
    tell();
    const missing = manifest.pages.map((_, key) => key).filter((key) => !stored.has(key));
    let next = 0;
    // One failed download stops the others taking new pages: the pass is retried after a back-off.
    let broken = false;
    // Pages fetched and waiting to be stored by the worker: a lane fetches its next page
    // meanwhile, so downloading and storing overlap, with at most this many held.
    const stores = new Set<Promise<void>>();
    const maxStoring = concurrency * 2;
    const worker = async () => {
      while (next < missing.length && !stop.signal.aborted && !broken) {
        const key = missing[next++] as number;
        const range = manifest.pages[key] as CatalogManifest['pages'][number];
        const page = await fetchPage(range).catch((error: unknown) => {
          broken = true;
          throw error;
        });
        if (stop.signal.aborted) return;
        const storing = began
          .then(() => catalog.snapshot.putPage(key, page))
          .then(
            () => {
              downloaded += range.count;
              tell();
            },
            (error: unknown) => {
              broken = true;
              throw error;
            },
          );
        stores.add(storing);
        storing.then(
          () => stores.delete(storing),
          () => undefined,
        );
        while (stores.size >= maxStoring) await Promise.race(stores);
      }
    };
    // Every download and store settles before a retry starts, so no page is fetched twice at once.
    const settled = await Promise.allSettled(
      Array.from({ length: Math.min(concurrency, missing.length) }, worker),
    );
    const storedAll = await Promise.allSettled([...stores]);
    const failed = [...settled, ...storedAll, ...(await Promise.allSettled([began]))].find(
      (s): s is PromiseRejectedResult => s.status === 'rejected',
    );
    if (failed) throw failed.reason;
    if (stop.signal.aborted) return;
    // The first pull of the changes after the snapshot is asked for while the worker completes it.
    const firstPull = pages.take(manifest.upTo, pullBatchSize);
    firstPull.catch(() => undefined);
    await catalog.snapshot.complete();
    return { seq: manifest.upTo, page: firstPull };
  };

  const pullChanges = async (first?: FirstPull): Promise<void> => {
    let { logSeq: seq } = await catalog.snapshot.meta();
    let early = first?.seq === seq ? first.page : undefined;
    for (;;) {
      const page = await (early ?? pages.take(seq, pullBatchSize));
      early = undefined;
      if (stop.signal.aborted) return;
      const next = page.checkpoint.seq;
      await catalog.applyPulled(page.documents as WithDeleted<Product>[], next);
      seq = next;
      if (page.documents.length < pullBatchSize) return;
    }
  };

  const pass = async (): Promise<void> => {
    const first = (await catalog.snapshot.meta()).complete ? undefined : await takeSnapshot();
    if (stop.signal.aborted) return;
    await pullChanges(first);
  };

  const loop = coalescedRetryLoop({
    pacer: session.pacer,
    signal: stop.signal,
    pass: () => {
      const current = pass();
      working = current.catch(() => undefined);
      return current;
    },
    onActive: (active) => active$.next(active),
    onError: (message) => error$.next(message),
    onSuccess: () => caughtUp(),
  });
  const run = loop.run;

  const resyncs = options.resync$.subscribe(() => void run());
  void run();

  return {
    active$: active$.asObservable(),
    error$: error$.asObservable(),
    awaitInitialReplication: () => initial,
    async cancel() {
      stop.abort();
      resyncs.unsubscribe();
      await working;
      active$.complete();
      error$.complete();
    },
  };
}

/** The manifest request: pages of `pageSize`, or of the sizes the server chooses ('auto'). */
export function manifestPath(pageSize: number | typeof AUTO_PAGE_SIZE): string {
  return `/sync/v1/catalog/snapshot?pageSize=${pageSize}`;
}
