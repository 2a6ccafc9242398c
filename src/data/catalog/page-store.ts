import type { CatalogManifest } from '../../core/sync/catalog-wire';
import type { CatalogColumns } from './catalog-columns';

// Where the till keeps its catalog: the snapshot's pages (one record of
// about 1,000 products each, as the server sent them), a log of the changes
// pulled since, and a little state. Plain IndexedDB, outside RxDB: storing
// 100,000 products as 100 records takes 0.34-0.45 s where one record per
// product took 16-20 s (issue 15). The Node tests use the memory store.

export interface CatalogMeta {
  /** The snapshot being fetched or held (absent before the first sync). */
  readonly manifest?: CatalogManifest;
  /** Every page of the manifest is stored. */
  readonly complete: boolean;
  /** The products pull checkpoint the log has reached (the manifest's upTo at first). */
  readonly logSeq: number;
  /** Changes whenever the pages do (a new snapshot, a compaction): saved columns of another generation are stale. */
  readonly generation?: number;
}

/**
 * The columns read from the pages (not the log), saved so that the next
 * start hands them over as they are instead of parsing every page again.
 */
export interface SavedColumns {
  readonly generation: number;
  readonly columns: CatalogColumns;
  /** Saved before the name index was saved apart: the active products' names (JSON of `{ id, name }[]`). */
  readonly names?: string;
}

/**
 * The name index built from the pages' names (src/core/catalog/name-index.ts,
 * `NameIndexTables`), saved apart from the columns once built, so the next
 * start has its searches ready without building it again (10 s at 1M).
 * Strings are the arrays joined by line breaks (no id or folded name has one).
 */
export interface SavedNames {
  readonly generation: number;
  readonly slotIds: string;
  readonly slotNames: string;
  readonly vocabulary: string;
  readonly starts: Int32Array;
  readonly postings: Int32Array;
}

/**
 * A stored page: the server's JSON as it came, kept as its UTF-8 bytes (a
 * first sync's pages: half the size of a string with one accent, never
 * decoded on the screen's thread), or as text (compacted pages, and the
 * pages tills stored before they kept bytes).
 */
export type PageBody = string | Uint8Array;

export interface LogRecord {
  /** Order of arrival (given by the store). */
  readonly key: number;
  /** The pull checkpoint this record reaches (0 for products put on the till itself: tests, demo). */
  readonly seq: number;
  /** JSON array of the pulled documents, tombstones included (`_deleted`). */
  readonly text: string;
}

export interface PageStore {
  meta(): Promise<CatalogMeta>;
  /** Starts a new snapshot: every page and log record of the one before goes. */
  begin(manifest: CatalogManifest): Promise<void>;
  storedPages(): Promise<number[]>;
  putPage(key: number, page: PageBody): Promise<void>;
  /** Marks the snapshot complete. */
  complete(): Promise<void>;
  /** Every page, in key order, a few at a time (bounded memory). */
  readPages(each: (key: number, page: PageBody) => void): Promise<void>;
  /** One pulled page of changes, and the checkpoint it reaches, in one write. */
  appendLog(record: Omit<LogRecord, 'key'>): Promise<void>;
  readLog(): Promise<LogRecord[]>;
  /** Compaction: rewritten pages in (null: emptied), log records up to key `logUpTo` out, in one write. */
  replace(pages: ReadonlyMap<number, PageBody | null>, logUpTo: number): Promise<void>;
  /**
   * Saves the columns; the value is copied before this returns (into Blobs,
   * which IndexedDB then writes in the background), so they may be
   * transferred at once.
   */
  saveColumns(saved: SavedColumns): Promise<void>;
  readColumns(): Promise<SavedColumns | undefined>;
  /** Saves the name index (copied at once, like the columns); gone with them when the pages change. */
  saveNames(saved: SavedNames): Promise<void>;
  readNames(): Promise<SavedNames | undefined>;
  close(): void;
}

const EMPTY: CatalogMeta = { complete: false, logSeq: 0 };

// ---------------------------------------------------------------------------
// IndexedDB

const STORES = ['meta', 'pages', 'log', 'columns'] as const;
const READ_BATCH = 32;

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('catalog transaction aborted'));
  });

export async function openIndexedDbPageStore(
  name: string,
  factory: IDBFactory = indexedDB,
): Promise<PageStore> {
  const open = factory.open(`${name}-catalog`, 2);
  open.onupgradeneeded = () => {
    for (const store of STORES)
      if (!open.result.objectStoreNames.contains(store))
        open.result.createObjectStore(store, store === 'log' ? { autoIncrement: true } : undefined);
  };
  const db = await done(open);
  const readMeta = async (tx: IDBTransaction) =>
    ((await done(tx.objectStore('meta').get('meta'))) as CatalogMeta | undefined) ?? EMPTY;
  // In one transaction: read the meta, change it, write it back.
  const updateMeta = async (
    change: (meta: CatalogMeta, tx: IDBTransaction) => CatalogMeta,
    stores: string[] = ['meta'],
  ) => {
    const tx = db.transaction(stores, 'readwrite');
    const finished = committed(tx);
    const meta = await readMeta(tx);
    tx.objectStore('meta').put(change(meta, tx), 'meta');
    await finished;
  };
  return {
    meta: () => readMeta(db.transaction('meta')),
    begin: (manifest) =>
      updateMeta(
        (meta, tx) => {
          tx.objectStore('pages').clear();
          tx.objectStore('log').clear();
          tx.objectStore('columns').clear();
          return { manifest, complete: false, logSeq: manifest.upTo, generation: (meta.generation ?? 0) + 1 };
        },
        ['meta', 'pages', 'log', 'columns'],
      ),
    storedPages: async () =>
      (await done(db.transaction('pages').objectStore('pages').getAllKeys())) as number[],
    async putPage(key, page) {
      const tx = db.transaction('pages', 'readwrite');
      tx.objectStore('pages').put(page, key);
      await committed(tx);
    },
    complete: () => updateMeta((meta) => ({ ...meta, complete: true })),
    async readPages(each) {
      let after = -Infinity;
      for (;;) {
        const tx = db.transaction('pages');
        const range = after === -Infinity ? undefined : IDBKeyRange.lowerBound(after, true);
        const store = tx.objectStore('pages');
        const [keys, values] = await Promise.all([
          done(store.getAllKeys(range, READ_BATCH)),
          done(store.getAll(range, READ_BATCH)),
        ]);
        for (let i = 0; i < keys.length; i++) each(keys[i] as number, values[i] as PageBody);
        if (keys.length < READ_BATCH) return;
        after = keys[keys.length - 1] as number;
      }
    },
    appendLog: (record) =>
      updateMeta(
        (meta, tx) => {
          tx.objectStore('log').add({ seq: record.seq, text: record.text });
          return { ...meta, logSeq: Math.max(meta.logSeq, record.seq) };
        },
        ['meta', 'log'],
      ),
    async readLog() {
      const store = db.transaction('log').objectStore('log');
      const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
      return keys.map((key, i) => ({ key: key as number, ...(values[i] as { seq: number; text: string }) }));
    },
    replace: (pages, logUpTo) =>
      updateMeta(
        (meta, tx) => {
          for (const [key, page] of pages)
            if (page === null) tx.objectStore('pages').delete(key);
            else tx.objectStore('pages').put(page, key);
          tx.objectStore('log').delete(IDBKeyRange.upperBound(logUpTo));
          tx.objectStore('columns').clear();
          return { ...meta, generation: (meta.generation ?? 0) + 1 };
        },
        ['meta', 'pages', 'log', 'columns'],
      ),
    saveColumns(saved) {
      const tx = db.transaction('columns', 'readwrite');
      tx.objectStore('columns').put(columnsAsBlobs(saved), 'columns');
      return committed(tx);
    },
    async readColumns() {
      const stored = (await done(db.transaction('columns').objectStore('columns').get('columns'))) as
        | SavedColumns
        | BlobColumns
        | undefined;
      if (!stored || !('blobs' in stored)) return stored;
      // A Blob the browser can no longer read (its file gone): the pages are read again instead.
      return columnsOfBlobs(stored).catch(() => undefined);
    },
    saveNames(saved) {
      const tx = db.transaction('columns', 'readwrite');
      tx.objectStore('columns').put(saved, 'names');
      return committed(tx);
    },
    readNames: async () =>
      (await done(db.transaction('columns').objectStore('columns').get('names'))) as SavedNames | undefined,
    close: () => db.close(),
  };
}

/**
 * The columns as IndexedDB keeps them: each buffer in a Blob. Putting 400 MB
 * of typed arrays (1,000,000 products) held the catalog's worker 2.3-4.7 s
 * in the structured clone before the columns could be handed over; making
 * the Blobs copies them in 0.4 s, and the put itself returns at once while
 * the browser writes them (bench/README.md, "catalog").
 */
interface BlobColumns {
  readonly generation: number;
  readonly names?: string;
  readonly count: number;
  readonly blobs: Record<BufferName, Blob>;
}

type BufferName = Exclude<keyof CatalogColumns, 'count'>;
const BUFFER_KINDS = {
  records: Uint8Array,
  recordStart: Int32Array,
  ids: Uint8Array,
  idStart: Int32Array,
  barcodes: Float64Array,
  byBarcode: Int32Array,
  byId: Int32Array,
} as const;
const BUFFER_NAMES = Object.keys(BUFFER_KINDS) as BufferName[];

function columnsAsBlobs({ generation, names, columns }: SavedColumns): BlobColumns {
  const blobs = Object.fromEntries(
    BUFFER_NAMES.map((name) => [name, new Blob([columns[name] as ArrayBufferView<ArrayBuffer>])]),
  );
  return {
    generation,
    ...(names === undefined ? {} : { names }),
    count: columns.count,
    blobs: blobs as Record<BufferName, Blob>,
  };
}

async function columnsOfBlobs({ generation, names, count, blobs }: BlobColumns): Promise<SavedColumns> {
  const buffers = await Promise.all(BUFFER_NAMES.map((name) => blobs[name].arrayBuffer()));
  const columns = Object.fromEntries(
    BUFFER_NAMES.map((name, i) => [name, new BUFFER_KINDS[name](buffers[i] as ArrayBuffer)]),
  ) as Omit<CatalogColumns, 'count'>;
  return { generation, ...(names === undefined ? {} : { names }), columns: { count, ...columns } };
}

// ---------------------------------------------------------------------------
// Memory (Node tests): kept per name for the life of the process, so a till
// "restarted" in a test finds its catalog as a real one would.

interface MemoryState {
  meta: CatalogMeta;
  pages: Map<number, PageBody>;
  log: Map<number, { seq: number; text: string }>;
  nextKey: number;
  columns?: SavedColumns;
  names?: SavedNames;
}
const memory = new Map<string, MemoryState>();

export function openMemoryPageStore(name: string): PageStore {
  let state = memory.get(name);
  if (!state) {
    state = { meta: EMPTY, pages: new Map(), log: new Map(), nextKey: 1 };
    memory.set(name, state);
  }
  const s = state;
  const sorted = <V>(map: Map<number, V>) => [...map].sort(([a], [b]) => a - b);
  return {
    meta: async () => s.meta,
    async begin(manifest) {
      s.pages.clear();
      s.log.clear();
      s.columns = undefined;
      s.names = undefined;
      s.meta = { manifest, complete: false, logSeq: manifest.upTo, generation: (s.meta.generation ?? 0) + 1 };
    },
    storedPages: async () => [...s.pages.keys()],
    async putPage(key, page) {
      s.pages.set(key, page);
    },
    async complete() {
      s.meta = { ...s.meta, complete: true };
    },
    async readPages(each) {
      for (const [key, page] of sorted(s.pages)) each(key, page);
    },
    async appendLog({ seq, text }) {
      s.log.set(s.nextKey++, { seq, text });
      s.meta = { ...s.meta, logSeq: Math.max(s.meta.logSeq, seq) };
    },
    readLog: async () => sorted(s.log).map(([key, record]) => ({ key, ...record })),
    async replace(pages, logUpTo) {
      for (const [key, page] of pages)
        if (page === null) s.pages.delete(key);
        else s.pages.set(key, page);
      for (const key of [...s.log.keys()]) if (key <= logUpTo) s.log.delete(key);
      s.columns = undefined;
      s.names = undefined;
      s.meta = { ...s.meta, generation: (s.meta.generation ?? 0) + 1 };
    },
    async saveColumns(saved) {
      s.columns = saved;
    },
    readColumns: async () => s.columns,
    async saveNames(saved) {
      s.names = saved;
    },
    readNames: async () => s.names,
    close() {},
  };
}

/** Forgets the memory catalogs (tests that reuse a till name). */
export function dropMemoryPageStore(name: string): void {
  memory.delete(name);
}
