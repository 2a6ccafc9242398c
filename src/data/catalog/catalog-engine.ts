import { buildNameIndex, type NamedEntry, type NameIndexTables } from '../../core/catalog/name-index';
import type { Product } from '../../core/catalog/product';
import type { CatalogManifest } from '../../core/sync/catalog-wire';
import { type CatalogColumns, ColumnsBuilder, emptyColumns } from './catalog-columns';
import { pageOfProducts, productLineRanges } from './page-lines';
import {
  type CatalogMeta,
  openIndexedDbPageStore,
  openMemoryPageStore,
  type PageBody,
  type PageStore,
  type SavedNames,
} from './page-store';

// The catalog's heavy work, off the screen's thread (catalog-worker.ts runs
// it in a Web Worker; the Node tests run it in-process): it owns the stored
// pages and log, builds the in-memory columns and the name index's tables
// (or reads them back as saved), and hands both to the screen's thread, the
// typed arrays without copying. Searches are answered there: a search takes
// well under a millisecond, a round trip to a worker on a busy machine 5-15 ms.

export type StoreKind = 'indexeddb' | 'memory';

type Pulled = Product & { readonly _deleted?: boolean };

export interface CatalogLoad {
  /** The products of the pages (the snapshot, compacted). */
  readonly columns: CatalogColumns;
  /** The log over them, last change of each id winning: the product, or null once withdrawn. */
  readonly logged: readonly (readonly [string, Product | null])[];
  /** Where the columns came from: a first sync's pages as they arrived, the saved columns, or every page read again. */
  readonly source: 'empty' | 'download' | 'saved' | 'pages';
  readonly ms: number;
}

export interface CatalogEngineApi {
  ping(): Promise<true>;
  open(name: string, kind: StoreKind): Promise<void>;
  meta(): Promise<CatalogMeta>;
  begin(manifest: CatalogManifest): Promise<void>;
  storedPages(): Promise<number[]>;
  /** A snapshot page as the server sent it (UTF-8 bytes, transferred to a worker rather than copied). */
  putPage(key: number, page: PageBody): Promise<void>;
  complete(): Promise<void>;
  /** Every stored product (pages, then the log over them) as columns; the names kept for indexNames. */
  load(): Promise<CatalogLoad>;
  /**
   * The name index of what the last load read, with the changes since: read
   * back as saved with the columns, or built (then saved) apart, after the
   * columns are handed over, so lookups by barcode answer meanwhile (the name
   * index of 100,000 names takes 1.5-3.7 s to build, of 1,000,000 about 10 s).
   */
  indexNames(): Promise<IndexedNames>;
  /** Pulled changes (JSON array, tombstones as `_deleted`) stored in the log. */
  appendChanges(seq: number, text: string): Promise<{ readonly logRecords: number }>;
  /** The log folded into the pages it touches (new products in new pages), then the log emptied. */
  compact(): Promise<{ readonly pagesRewritten: number; readonly changes: number }>;
  close(): Promise<void>;
}

/**
 * The name index of the pages' active products (not the log: the screen's
 * thread applies the changes it holds over it), as saved (`SavedNames`,
 * strings joined: one string crosses to the screen's thread as one copy).
 */
export interface IndexedNames {
  readonly ms: number;
  readonly source: 'saved' | 'built';
  readonly tables: SavedNames;
}

const PAGE_SIZE = 1_000;

const utf8 = new TextDecoder();
const textOf = (page: PageBody): string => (typeof page === 'string' ? page : utf8.decode(page));
const productsOfPage = (page: PageBody): Pulled[] =>
  (JSON.parse(textOf(page)) as { products: Pulled[] }).products;

const utf8Encoder = new TextEncoder();

/**
 * Each product's record as the page holds it, when the page is laid out one
 * product a line. A page stored as text (by an older version) is encoded
 * once, so one parser reads both.
 */
function recordsOfPage(page: PageBody, count: number): ((i: number) => Uint8Array) | undefined {
  const bytes = typeof page === 'string' ? utf8Encoder.encode(page) : page;
  const ranges = productLineRanges(bytes, count);
  return ranges && ((i) => bytes.subarray(ranges[i * 2] as number, ranges[i * 2 + 1] as number));
}

/** A page's live products into the columns and the names to index (no copy of a product without `_deleted`). */
function readPage(page: PageBody, builder: ColumnsBuilder, names: { id: string; name: string }[]): void {
  const products = productsOfPage(page);
  const records = recordsOfPage(page, products.length);
  products.forEach((pulled, i) => {
    if (pulled._deleted) return;
    let product: Product = pulled;
    let record = records?.(i);
    if ('_deleted' in pulled) {
      const { _deleted, ...rest } = pulled;
      product = rest;
      record = undefined;
    }
    builder.add(product, record);
    if (product.active) names.push({ id: product.id, name: product.name });
  });
  builder.seal();
}

const LINE = '\n';

const savedNamesOf = (generation: number, tables: NameIndexTables): SavedNames => ({
  generation,
  slotIds: tables.slotIds.join(LINE),
  slotNames: tables.slotNames.join(LINE),
  vocabulary: tables.vocabulary.join(LINE),
  starts: tables.starts,
  postings: tables.postings,
});

const lines = (text: string): string[] => (text.length === 0 ? [] : text.split(LINE));

/** The name index's tables from their saved form (split on the screen's thread: about 5 ms per 100,000 names). */
export const tablesOf = (saved: SavedNames): NameIndexTables => ({
  slotIds: lines(saved.slotIds),
  slotNames: lines(saved.slotNames),
  vocabulary: lines(saved.vocabulary),
  starts: saved.starts,
  postings: saved.postings,
});

/** What the log says, last change of each id winning: the product, or null when withdrawn. */
function foldLog(texts: readonly string[]): Map<string, Product | null> {
  const changes = new Map<string, Product | null>();
  for (const text of texts)
    for (const { _deleted, ...product } of JSON.parse(text) as Pulled[])
      changes.set(product.id, _deleted ? null : product);
  return changes;
}

export function createCatalogEngine(): CatalogEngineApi {
  let store: PageStore | undefined;
  let logRecords = 0;
  // What indexNames starts from, set by the last load: the names it read, as
  // an array or as saved JSON, or the saved index of that generation.
  let pendingNames:
    | { readonly generation: number; readonly names: { id: string; name: string }[] | string }
    | { readonly generation: number; readonly saved: true }
    | undefined;
  // A first sync's pages, read into columns as they are stored: once the
  // snapshot is complete, the load only sorts instead of reading it all back.
  let saving: Promise<void> = Promise.resolve();
  let downloading:
    | { builder: ColumnsBuilder; names: { id: string; name: string }[]; keys: Set<number> }
    | undefined;
  const must = (): PageStore => {
    if (!store) throw new Error('catalog engine: open() first');
    return store;
  };

  return {
    ping: async () => true,
    async open(name, kind) {
      store = kind === 'memory' ? openMemoryPageStore(name) : await openIndexedDbPageStore(name);
    },
    meta: () => must().meta(),
    async begin(manifest) {
      await must().begin(manifest);
      downloading = { builder: new ColumnsBuilder(), names: [], keys: new Set() };
    },
    storedPages: () => must().storedPages(),
    async putPage(key, page) {
      // The page is read into the columns while IndexedDB commits it.
      const storing = must().putPage(key, page);
      try {
        if (!downloading || downloading.keys.has(key)) return;
        downloading.keys.add(key);
        readPage(page, downloading.builder, downloading.names);
      } finally {
        await storing;
      }
    },
    complete: () => must().complete(),

    async load() {
      const started = performance.now();
      const s = must();
      const log = await s.readLog();
      logRecords = log.length;
      const folded = foldLog(log.map((r) => r.text));
      const logged = [...folded];
      const meta = await s.meta();
      const generation = meta.generation ?? 0;
      const read = downloading;
      downloading = undefined;
      const done = (columns: CatalogColumns, source: CatalogLoad['source']): CatalogLoad => ({
        columns,
        logged,
        source,
        ms: performance.now() - started,
      });
      // Pages of a snapshot still downloading are not the catalog yet.
      if (!meta.complete) {
        pendingNames = { generation, names: [] };
        return done(emptyColumns(), 'empty');
      }
      const saved = await s.readColumns();
      if (saved && saved.generation === generation) {
        // The name index saved with them is read by indexNames (columns before names).
        pendingNames =
          saved.names === undefined ? { generation, saved: true } : { generation, names: saved.names };
        return done(saved.columns, 'saved');
      }
      let columns: CatalogColumns;
      let names: { id: string; name: string }[];
      let source: CatalogLoad['source'];
      if (read && read.keys.size === (await s.storedPages()).length) {
        // Every page of the snapshot came through putPage here.
        columns = read.builder.build();
        names = read.names;
        source = 'download';
      } else {
        const builder = new ColumnsBuilder();
        names = [];
        await s.readPages((_, page) => readPage(page, builder, names));
        columns = builder.build();
        source = 'pages';
      }
      pendingNames = { generation, names };
      // Copied (into Blobs) before this returns: the columns can be handed over at once.
      // The names are saved once indexed (indexNames), off the way to the first lookup.
      saving = s.saveColumns({ generation, columns }).catch(() => undefined);
      return done(columns, source);
    },

    async indexNames() {
      const started = performance.now();
      const pending = pendingNames ?? { generation: 0, names: [] };
      pendingNames = undefined;
      const s = must();
      if ('saved' in pending) {
        const saved = await s.readNames();
        if (saved?.generation === pending.generation)
          return { ms: performance.now() - started, source: 'saved', tables: saved };
      }
      let entries: readonly NamedEntry[] = [];
      if ('names' in pending)
        entries =
          typeof pending.names === 'string' ? (JSON.parse(pending.names) as NamedEntry[]) : pending.names;
      else {
        // Saved columns without their names' index (closed before it was saved): the pages' names.
        const names: NamedEntry[] = [];
        await s.readPages((_, page) => {
          for (const p of productsOfPage(page))
            if (!p._deleted && p.active) names.push({ id: p.id, name: p.name });
        });
        entries = names;
      }
      const tables = savedNamesOf(pending.generation, buildNameIndex(entries).tables);
      // An empty catalog's (a first sync still downloading) is not worth saving. Copied at once (put).
      if (tables.starts.length > 1) {
        const previous = saving;
        saving = Promise.all([previous, s.saveNames(tables)]).then(
          () => undefined,
          () => undefined,
        );
      }
      return { ms: performance.now() - started, source: 'built', tables };
    },

    async appendChanges(seq, text) {
      await must().appendLog({ seq, text });
      logRecords++;
      return { logRecords };
    },

    async compact() {
      const s = must();
      const log = await s.readLog();
      const last = log.at(-1);
      // Without a complete snapshot there are no pages to fold into: the log is the catalog.
      if (!last || !(await s.meta()).complete) return { pagesRewritten: 0, changes: 0 };
      const changes = foldLog(log.map((r) => r.text));
      const total = changes.size;
      const rewritten = new Map<number, PageBody | null>();
      let lastKey = -1;
      await s.readPages((key, page) => {
        lastKey = Math.max(lastKey, key);
        const products = productsOfPage(page);
        if (!products.some((p) => changes.has(p.id))) return;
        const kept: Product[] = [];
        for (const { _deleted, ...product } of products) {
          const change = changes.get(product.id);
          changes.delete(product.id);
          if (change === undefined) {
            if (!_deleted) kept.push(product);
          } else if (change) kept.push(change);
        }
        rewritten.set(key, kept.length > 0 ? pageOfProducts(kept) : null);
      });
      // What no page held: new products, in new pages after the last one.
      const added = [...changes.values()].filter((p): p is Product => p !== null);
      for (let i = 0; i < added.length; i += PAGE_SIZE)
        rewritten.set(++lastKey, pageOfProducts(added.slice(i, i + PAGE_SIZE)));
      await s.replace(rewritten, last.key);
      logRecords = Math.max(0, logRecords - log.length);
      return { pagesRewritten: rewritten.size, changes: total };
    },

    async close() {
      // A till closed right after a first sync still starts from the saved columns next time.
      await saving;
      store?.close();
      store = undefined;
    },
  };
}
