import {
  buildNameIndex,
  type NamedEntry,
  type NameIndex,
  type NameIndexTables,
  nameIndexOf,
} from '../../core/catalog/name-index';
import type { Product } from '../../core/catalog/product';
import type { CatalogManifest } from '../../core/sync/catalog-wire';
import { type CatalogColumns, ColumnsBuilder, emptyColumns } from './catalog-columns';
import { productLines } from './page-lines';
import {
  type CatalogMeta,
  openIndexedDbPageStore,
  openMemoryPageStore,
  type PageStore,
  type SavedNames,
} from './page-store';

// The catalog's heavy work, off the screen's thread (catalog-worker.ts runs
// it in a Web Worker; the Node tests run it in-process): it owns the stored
// pages and log, builds the in-memory columns (handed to the screen's thread
// without copying) and holds the name index that answers searches.

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
  putPage(key: number, text: string): Promise<void>;
  complete(): Promise<void>;
  /** Every stored product (pages, then the log over them) as columns; the names kept for indexNames. */
  load(): Promise<CatalogLoad>;
  /**
   * The name index of what the last load read, with the changes since: read
   * back as saved with the columns, or built (then saved) apart, after the
   * columns are handed over, so lookups by barcode answer meanwhile (the name
   * index of 100,000 names takes 1.5-3.7 s to build, of 1,000,000 about 10 s).
   */
  indexNames(): Promise<{ readonly ms: number; readonly source: 'saved' | 'built' }>;
  /** Pulled changes (JSON array, tombstones as `_deleted`) stored in the log, and the name index told. */
  appendChanges(seq: number, text: string): Promise<{ readonly logRecords: number }>;
  /** Ids of active products whose name matches, best first (name-index.ts). */
  search(typed: string, limit: number): Promise<string[]>;
  /** The log folded into the pages it touches (new products in new pages), then the log emptied. */
  compact(): Promise<{ readonly pagesRewritten: number; readonly changes: number }>;
  close(): Promise<void>;
}

const PAGE_SIZE = 1_000;

const productsOfPage = (text: string): Pulled[] => (JSON.parse(text) as { products: Pulled[] }).products;

/** A page's live products into the columns and the names to index (no copy of a product without `_deleted`). */
function readPage(text: string, builder: ColumnsBuilder, names: { id: string; name: string }[]): void {
  const products = productsOfPage(text);
  const lines = productLines(text, products.length);
  products.forEach((pulled, i) => {
    if (pulled._deleted) return;
    let product: Product = pulled;
    let record = lines?.[i];
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

const tablesOf = (saved: SavedNames): NameIndexTables => ({
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
  let index: NameIndex = buildNameIndex([]);
  let logRecords = 0;
  // What indexNames starts from, set by the last load (the names it read, as
  // an array or as saved JSON, or the saved index of that generation); and the
  // changes that arrive meanwhile, re-applied to that index.
  let pendingNames:
    | { readonly generation: number; readonly names: { id: string; name: string }[] | string }
    | { readonly generation: number; readonly saved: true }
    | undefined;
  let duringLoad: Pulled[] | undefined;
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
  const indexChange = (target: NameIndex, { _deleted, ...product }: Pulled) => {
    if (_deleted || !product.active) target.remove(product.id);
    else target.put({ id: product.id, name: product.name });
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
    async putPage(key, text) {
      // The page is read into the columns while IndexedDB commits it.
      const storing = must().putPage(key, text);
      try {
        if (!downloading || downloading.keys.has(key)) return;
        downloading.keys.add(key);
        readPage(text, downloading.builder, downloading.names);
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
      // The name index built next gets the log over the pages' names.
      duringLoad = logged.map(([id, product]) => product ?? ({ id, _deleted: true } as Pulled));
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
        await s.readPages((_, text) => readPage(text, builder, names));
        columns = builder.build();
        source = 'pages';
      }
      pendingNames = { generation, names };
      // Copied by IndexedDB before this returns: the columns can be handed over at once.
      // The names are saved once indexed (indexNames), off the way to the first lookup.
      saving = s.saveColumns({ generation, columns }).catch(() => undefined);
      return done(columns, source);
    },

    async indexNames() {
      const started = performance.now();
      const pending = pendingNames;
      if (pending === undefined) return { ms: 0, source: 'built' };
      pendingNames = undefined;
      const s = must();
      let built: NameIndex | undefined;
      if ('saved' in pending) {
        const saved = await s.readNames();
        if (saved?.generation === pending.generation) built = nameIndexOf(tablesOf(saved));
      }
      const source = built ? 'saved' : 'built';
      if (!built) {
        let entries: readonly NamedEntry[] = [];
        if ('names' in pending)
          entries =
            typeof pending.names === 'string' ? (JSON.parse(pending.names) as NamedEntry[]) : pending.names;
        else {
          // Saved columns without their names' index (closed before it was saved): the pages' names.
          const names: NamedEntry[] = [];
          await s.readPages((_, text) => {
            for (const p of productsOfPage(text))
              if (!p._deleted && p.active) names.push({ id: p.id, name: p.name });
          });
          entries = names;
        }
        built = buildNameIndex(entries);
        // An empty catalog's (a first sync still downloading) is not worth saving.
        if (built.size > 0) {
          const tables = savedNamesOf(pending.generation, built.tables);
          const previous = saving;
          saving = Promise.all([previous, s.saveNames(tables)]).then(
            () => undefined,
            () => undefined,
          );
        }
      }
      for (const change of duringLoad ?? []) indexChange(built, change);
      duringLoad = undefined;
      index = built;
      return { ms: performance.now() - started, source };
    },

    async appendChanges(seq, text) {
      await must().appendLog({ seq, text });
      logRecords++;
      for (const change of JSON.parse(text) as Pulled[]) {
        indexChange(index, change);
        duringLoad?.push(change);
      }
      return { logRecords };
    },

    search: async (typed, limit) => index.search(typed, limit).map((hit) => hit.id),

    async compact() {
      const s = must();
      const log = await s.readLog();
      const last = log.at(-1);
      // Without a complete snapshot there are no pages to fold into: the log is the catalog.
      if (!last || !(await s.meta()).complete) return { pagesRewritten: 0, changes: 0 };
      const changes = foldLog(log.map((r) => r.text));
      const total = changes.size;
      const rewritten = new Map<number, string | null>();
      let lastKey = -1;
      await s.readPages((key, text) => {
        lastKey = Math.max(lastKey, key);
        const products = productsOfPage(text);
        if (!products.some((p) => changes.has(p.id))) return;
        const kept: Product[] = [];
        for (const { _deleted, ...product } of products) {
          const change = changes.get(product.id);
          changes.delete(product.id);
          if (change === undefined) {
            if (!_deleted) kept.push(product);
          } else if (change) kept.push(change);
        }
        rewritten.set(key, kept.length > 0 ? JSON.stringify({ products: kept }) : null);
      });
      // What no page held: new products, in new pages after the last one.
      const added = [...changes.values()].filter((p): p is Product => p !== null);
      for (let i = 0; i < added.length; i += PAGE_SIZE)
        rewritten.set(++lastKey, JSON.stringify({ products: added.slice(i, i + PAGE_SIZE) }));
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
