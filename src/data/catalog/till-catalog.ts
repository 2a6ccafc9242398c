import type { WithDeleted } from 'rxdb';
import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import { type NameIndex, nameIndexOf } from '../../core/catalog/name-index';
import type { Product } from '../../core/catalog/product';
import type { CatalogManifest } from '../../core/sync/catalog-wire';
import {
  type CatalogColumns,
  columnBytes,
  emptyColumns,
  positionOfId,
  productAt,
  productOfBarcode,
} from './catalog-columns';
import { type CatalogEngineApi, type CatalogLoad, type StoreKind, tablesOf } from './catalog-engine';
import { startCatalogEngine } from './catalog-engine-client';
import type { CatalogMeta, PageBody } from './page-store';

// The till's catalog (issue 15): a snapshot in pages plus a log of changes
// since (page-store.ts), read into compact columns by the engine in a Web
// Worker (catalog-engine.ts), and on this thread a small overlay of the
// changes applied since those columns were built. Lookups by barcode and id
// are synchronous binary searches (no IndexedDB round trip); a price change
// pulled from the server is in the overlay, so every lookup sees it at once,
// and in the log, so it survives a restart, without rewriting the catalog.
// The log is folded into the pages in the background (compact) once it grows.

export interface CatalogChange {
  readonly id: string;
  /** The product as it is now, or undefined once withdrawn. */
  readonly product: Product | undefined;
}

export interface TillCatalog {
  /** Resolves once the stored catalog is in memory (at once on a till that holds none). */
  readonly ready: Promise<void>;
  /** Resolves once its names are indexed too (searches wait for it; lookups do not). */
  searchReady(): Promise<void>;
  /** Products held (during a first sync: the products downloaded so far). */
  readonly size$: Observable<number>;
  size(): number;
  /** The product a barcode names (active or not); undefined before `ready`. */
  byBarcode(barcode: string): Product | undefined;
  byId(id: string): Product | undefined;
  /** The same, once the catalog is in memory. */
  findByBarcode(barcode: string): Promise<Product | undefined>;
  getMany(ids: readonly string[]): Promise<Map<string, Product>>;
  /** Active products whose name matches what was typed, best first (src/core/catalog/name-index.ts). */
  search(typed: string, limit?: number): Promise<Product[]>;
  /** Every product held, a slice at a time (the kiosk's search index). */
  slices(sliceSize?: number): AsyncGenerator<Product[]>;
  /** Each batch of changes applied after `ready` (kiosk search, tests). */
  readonly changes$: Observable<readonly CatalogChange[]>;
  /** Products written on the till itself (tests, demo set-up): kept in the log like pulled ones. */
  put(products: readonly Product[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  /** One pulled page of the products collection (deltas), stored with the checkpoint it reaches. */
  applyPulled(documents: readonly WithDeleted<Product>[], checkpoint: number): Promise<void>;
  /** The snapshot's storage, for the first sync (catalog-replication.ts). */
  readonly snapshot: {
    meta(): Promise<CatalogMeta>;
    begin(manifest: CatalogManifest): Promise<void>;
    storedPages(): Promise<number[]>;
    /** A page as the server sent it; its bytes are handed to the catalog's worker (not usable after). */
    putPage(key: number, page: PageBody): Promise<void>;
    /** Every page is stored: the catalog is read into memory again from them. */
    complete(): Promise<void>;
    /** Products downloaded so far, for the start screen while the first sync runs. */
    downloaded(count: number): void;
  };
  /** The log folded into the pages now (normally done in the background). */
  compact(): Promise<void>;
  stats(): {
    readonly columns: number;
    readonly overlay: number;
    readonly columnBytes: number;
    readonly loads: number;
    /** Where the last load's columns came from (catalog-engine.ts). */
    readonly source: CatalogLoad['source'] | undefined;
    /** Where the name index came from: read back as saved with the columns, or built from the names. */
    readonly namesSource: 'saved' | 'built' | undefined;
  };
  close(): Promise<void>;
}

export interface TillCatalogOptions {
  /** Where pages live: IndexedDB in a browser, memory in Node. */
  readonly store?: StoreKind;
  /** The engine (tests); by default a Web Worker where there is one. */
  readonly engine?: CatalogEngineApi;
  /** Fold the log into the pages once it holds this many pulled pages. */
  readonly compactAt?: number;
}

const DEFAULT_SEARCH_LIMIT = 20;

export async function openTillCatalog(name: string, options: TillCatalogOptions = {}): Promise<TillCatalog> {
  const engine = options.engine ?? (await startCatalogEngine());
  const kind = options.store ?? (typeof indexedDB === 'undefined' ? 'memory' : 'indexeddb');
  await engine.open(name, kind);
  const compactAt = options.compactAt ?? 200;

  let columns: CatalogColumns = emptyColumns();
  // Changes since `columns` were built: the product, or null once withdrawn.
  const overlay = new Map<string, Product | null>();
  const overlayBarcodes = new Map<string, string>();
  // While a load runs, the changes applied meanwhile (kept over the new columns).
  let sinceLoad: [string, Product | null][] | undefined;
  let count = 0;
  let loads = 0;
  let source: CatalogLoad['source'] | undefined;
  let loaded = false;
  const size$ = new BehaviorSubject(0);
  const changes$ = new Subject<readonly CatalogChange[]>();
  let compacting: Promise<void> | undefined;
  // The name index, on this thread (the worker builds its tables or reads them back): a search
  // is a fraction of a millisecond, a round trip to the worker more than the rest of a keystroke.
  let names: NameIndex | undefined;
  let namesSource: 'saved' | 'built' | undefined;
  let namesIndexed: Promise<unknown> = Promise.resolve();
  let closing: Promise<void> | undefined;

  const inColumns = (id: string): Product | undefined => {
    const position = positionOfId(columns, id);
    return position < 0 ? undefined : productAt(columns, position);
  };
  const current = (id: string): Product | undefined => {
    const changed = overlay.get(id);
    if (changed !== undefined) return changed ?? undefined;
    return inColumns(id);
  };
  const indexName = (index: NameIndex | undefined, id: string, product: Product | null) => {
    if (!index) return;
    if (product?.active) index.put({ id, name: product.name });
    else index.remove(id);
  };
  const setOverlay = (id: string, product: Product | null) => {
    overlay.set(id, product);
    if (product) overlayBarcodes.set(product.barcode, id);
    indexName(names, id, product);
  };

  const apply = (entries: readonly [string, Product | null][]) => {
    const changes: CatalogChange[] = [];
    for (const [id, product] of entries) {
      const before = current(id);
      setOverlay(id, product);
      sinceLoad?.push([id, product]);
      count += (product ? 1 : 0) - (before ? 1 : 0);
      changes.push({ id, product: product ?? undefined });
    }
    size$.next(count);
    if (changes.length > 0) changes$.next(changes);
  };

  const load = async () => {
    sinceLoad = [];
    try {
      const result = await engine.load();
      columns = result.columns;
      source = result.source;
      overlay.clear();
      overlayBarcodes.clear();
      count = columns.count;
      // The log over the pages, then what was applied while they were read.
      for (const [id, product] of [...result.logged, ...sinceLoad]) {
        const before = current(id);
        setOverlay(id, product);
        count += (product ? 1 : 0) - (before ? 1 : 0);
      }
      loads++;
      loaded = true;
      size$.next(count);
    } finally {
      sinceLoad = undefined;
    }
    // The names' index next, in the worker, while lookups already answer; on
    // arrival, the changes held over these columns (the overlay) go over it.
    const ofLoad = loads;
    namesIndexed = engine.indexNames().then(
      (indexed) => {
        // A later load's index is on its way: this one would lack what it folded into the pages.
        if (ofLoad !== loads) return;
        const index = nameIndexOf(tablesOf(indexed.tables));
        for (const [id, product] of overlay) indexName(index, id, product);
        names = index;
        namesSource = indexed.source;
      },
      () => undefined,
    );
  };

  // What the pages hold, kept here: the worker may be busy (name index's tables) when the replication asks.
  let meta: CatalogMeta | undefined;
  const ready = (async () => {
    meta = await engine.meta();
    await load();
  })();

  // Lookups and searches see a change at once; the log (and the checkpoint with it) follows
  // in the worker, which may be busy a while building the name index's tables: until
  // it is stored the pull does not go on, and a change pulled twice is the same.
  const store = async (seq: number, documents: readonly WithDeleted<Product>[]) => {
    if (documents.length === 0) return;
    apply(documents.map(({ _deleted, ...product }) => [product.id, _deleted ? null : (product as Product)]));
    const { logRecords } = await engine.appendChanges(seq, JSON.stringify(documents));
    if (meta) meta = { ...meta, logSeq: Math.max(meta.logSeq, seq) };
    if (logRecords >= compactAt) void compact();
  };

  // Folds the log into the pages, then reads them again so the overlay empties.
  function compact(): Promise<void> {
    compacting ??= (async () => {
      const { changes } = await engine.compact();
      if (changes > 0) await load();
    })().finally(() => {
      compacting = undefined;
    });
    return compacting;
  }

  const byBarcode = (barcode: string): Product | undefined => {
    const id = overlayBarcodes.get(barcode);
    if (id !== undefined) {
      const changed = overlay.get(id);
      if (changed?.barcode === barcode) return changed;
    }
    const stored = productOfBarcode(columns, barcode);
    if (!stored || !overlay.has(stored.id)) return stored;
    const changed = overlay.get(stored.id);
    return changed?.barcode === barcode ? changed : undefined;
  };

  return {
    ready,
    size$: size$.asObservable(),
    size: () => count,
    byBarcode,
    byId: current,
    async findByBarcode(barcode) {
      if (!loaded) await ready;
      return byBarcode(barcode);
    },
    async getMany(ids) {
      if (!loaded) await ready;
      const found = new Map<string, Product>();
      for (const id of ids) {
        const product = current(id);
        if (product) found.set(id, product);
      }
      return found;
    },
    async searchReady() {
      await ready;
      await namesIndexed;
    },
    async search(typed, limit = DEFAULT_SEARCH_LIMIT) {
      // The index of the columns held (after a load, the one on its way).
      if (!loaded) await ready;
      await namesIndexed;
      const found: Product[] = [];
      for (const hit of names?.search(typed, limit) ?? []) {
        const product = current(hit.id);
        if (product?.active) found.push(product);
      }
      return found;
    },
    async *slices(sliceSize = 2_000) {
      if (!loaded) await ready;
      const held = columns;
      let slice: Product[] = [];
      for (let position = 0; position < held.count; position++) {
        const product = productAt(held, position);
        if (overlay.has(product.id)) continue;
        slice.push(product);
        if (slice.length >= sliceSize) {
          yield slice;
          slice = [];
        }
      }
      for (const product of overlay.values()) if (product) slice.push(product);
      if (slice.length > 0) yield slice;
    },
    changes$: changes$.asObservable(),
    put: (products) =>
      store(
        0,
        products.map((p) => ({ ...p, _deleted: false })),
      ),
    async remove(ids) {
      const documents: WithDeleted<Product>[] = [];
      for (const id of ids) {
        const product = current(id);
        if (product) documents.push({ ...product, _deleted: true });
      }
      await store(0, documents);
    },
    applyPulled: (documents, checkpoint) => store(checkpoint, documents),
    snapshot: {
      async meta() {
        await ready;
        meta ??= await engine.meta();
        return meta;
      },
      async begin(manifest) {
        await engine.begin(manifest);
        meta = { manifest, complete: false, logSeq: manifest.upTo };
      },
      storedPages: () => engine.storedPages(),
      putPage: (key, page) => engine.putPage(key, page),
      async complete() {
        await engine.complete();
        if (meta) meta = { ...meta, complete: true };
        await load();
      },
      downloaded(n) {
        size$.next(n);
      },
    },
    compact,
    stats: () => ({
      columns: columns.count,
      overlay: overlay.size,
      columnBytes: columnBytes(columns),
      loads,
      source,
      namesSource,
    }),
    async close() {
      // RxDB may close a database twice (closeDuplicates, remove): the worker goes once.
      if (closing) return closing;
      closing = (async () => {
        await compacting?.catch(() => undefined);
        size$.complete();
        changes$.complete();
        await engine.close();
      })();
      return closing;
    },
  };
}
