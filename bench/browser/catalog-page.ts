// The catalog benchmarks' page (issue 15), bundled for Chromium and driven by
// bench/suites/catalog-sync.ts. Opened plainly it exposes `catalogBench`;
// opened with `?start=<database>&barcode=<code>` it is a till starting with
// its catalog already stored: from page load to that barcode's product found
// (window.catalogStart). Durations are taken here with performance.now().
import type { Product } from '../../src/core/catalog/product';
import { findProductByBarcode } from '../../src/data/product-lookup';
import { type RunningSync, startSync } from '../../src/data/sync/start-sync';
import { createTillDatabase, type TillDatabase } from '../../src/data/till-database';
import { tillStorage } from '../../src/data/till-storage';
import { generateLargeCatalog } from '../lib/catalog';

export interface CatalogPageApi {
  /** The floor: raw IndexedDB, `count` products in records of `perRecord`, one transaction. */
  limitIdbPages(count: number, perRecord: number): Promise<{ seconds: number; records: number }>;
  firstSync(
    name: string,
    syncUrl: string,
    pairingCode: string,
  ): Promise<{
    seconds: number;
    products: number;
    /** Database opened, till enrolled, sync started. */
    enrolledMs: number;
    /** The snapshot's completion: the catalog read into memory. */
    completeMs: number;
    /** Time spent storing pages (worker), summed over the lanes. */
    storeMs: number;
    firstPageAtMs: number;
    lastPageAtMs: number;
    pageRequests: number;
    /** Sum of the page requests' durations (fetch to body read), several at once. */
    pageRequestMs: number;
    /** From the first page request's start to the last one's end. */
    pageSpanMs: number;
  }>;
  lookups(barcodes: readonly string[], warmup: number): Promise<{ samplesMs: number[]; misses: number }>;
  /** Starts waiting for `barcode` to show `priceMinor`; resolves with the page time it was seen. */
  watchPrice(barcode: string, priceMinor: number): { startedMs: number };
  priceSeen(): Promise<{ seenMs: number; startedMs: number }>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    catalogBench: CatalogPageApi;
    catalogStart:
      | {
          ms: number;
          searchReadyMs: number;
          found: boolean;
          columnBytes: number;
          products: number;
          source: string;
          namesSource: string;
        }
      | { error: string };
  }
}

const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;
let db: TillDatabase | undefined;
let sync: RunningSync | undefined;
let watching: Promise<{ seenMs: number; startedMs: number }> | undefined;

const page = new URLSearchParams(location.search);
const startName = page.get('start');

if (startName) {
  // A till starting with its catalog stored: the database, the catalog read
  // into memory by its worker, then the scan's lookup.
  void (async () => {
    try {
      const till = await createTillDatabase(startName, tillStorage());
      const product = await findProductByBarcode(till.catalog, page.get('barcode') ?? '');
      const ms = performance.now();
      // Measured once the name index is built too (in the worker), so its memory is there.
      await till.catalog.searchReady();
      window.catalogStart = {
        ms,
        searchReadyMs: performance.now(),
        found: product !== undefined,
        columnBytes: till.catalog.stats().columnBytes,
        source: till.catalog.stats().source ?? 'none',
        namesSource: till.catalog.stats().namesSource ?? 'none',
        products: till.catalog.size(),
      };
    } catch (error) {
      window.catalogStart = { error: error instanceof Error ? error.message : String(error) };
    }
  })();
} else {
  // Every page request of a 1M first sync in the timings (the default buffer keeps 250).
  performance.setResourceTimingBufferSize(100_000);
  window.catalogBench = {
    async limitIdbPages(count, perRecord) {
      const products = generateLargeCatalog(count);
      const records: Product[][] = [];
      for (let i = 0; i < count; i += perRecord) records.push(products.slice(i, i + perRecord));
      const name = `limit-pages-${Date.now()}`;
      const started = performance.now();
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => open.result.createObjectStore('pages');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = idb.transaction('pages', 'readwrite');
        records.forEach((record, key) => {
          tx.objectStore('pages').put(record, key);
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      const elapsed = seconds(started);
      idb.close();
      indexedDB.deleteDatabase(name);
      return { seconds: elapsed, records: records.length };
    },

    async firstSync(name, syncUrl, pairingCode) {
      const started = performance.now();
      db = await createTillDatabase(name, tillStorage());
      // The snapshot's completion (the catalog read into memory) timed apart.
      const snapshot = db.catalog.snapshot;
      const complete = snapshot.complete;
      let completeMs = 0;
      // Time spent storing pages (the worker: IndexedDB write, parse into columns), summed over the 4 lanes.
      let storeMs = 0;
      const putPage = snapshot.putPage;
      snapshot.putPage = async (key, text) => {
        const at = performance.now();
        await putPage(key, text);
        storeMs += performance.now() - at;
      };
      snapshot.complete = async () => {
        const at = performance.now();
        await complete();
        completeMs = performance.now() - at;
      };
      sync = await startSync(db, { syncUrl, enrolment: { pairingCode, deviceName: 'bench till' } });
      const enrolledMs = performance.now() - started;
      await sync.awaitInitialSync();
      await db.catalog.ready;
      const elapsed = seconds(started);
      const pages = performance
        .getEntriesByType('resource')
        .filter((e): e is PerformanceResourceTiming => e.name.includes('/catalog/pages'));
      return {
        seconds: elapsed,
        products: db.catalog.size(),
        enrolledMs: Math.round(enrolledMs),
        completeMs: Math.round(completeMs),
        storeMs: Math.round(storeMs),
        firstPageAtMs: Math.round(Math.min(...pages.map((e) => e.startTime)) - started),
        lastPageAtMs: Math.round(Math.max(...pages.map((e) => e.responseEnd)) - started),
        pageRequests: pages.length,
        pageRequestMs: Math.round(pages.reduce((sum, e) => sum + e.duration, 0)),
        pageSpanMs: Math.round(
          Math.max(...pages.map((e) => e.responseEnd)) - Math.min(...pages.map((e) => e.startTime)),
        ),
      };
    },

    async lookups(barcodes, warmup) {
      if (!db) throw new Error('firstSync() first');
      const samplesMs: number[] = [];
      let misses = 0;
      for (let i = 0; i < barcodes.length; i++) {
        const barcode = barcodes[i] as string;
        const at = performance.now();
        // The cashier screen's lookup (src/state/till-services.ts → product-search.ts).
        const product = await findProductByBarcode(db.catalog, barcode);
        const elapsed = performance.now() - at;
        if (product?.barcode !== barcode) misses++;
        if (i >= warmup) samplesMs.push(elapsed);
      }
      return { samplesMs, misses };
    },

    watchPrice(barcode, priceMinor) {
      const catalog = db?.catalog;
      if (!catalog) throw new Error('firstSync() first');
      const startedMs = performance.now();
      watching = new Promise((resolve) => {
        const check = () => {
          if (catalog.byBarcode(barcode)?.priceMinor === priceMinor)
            resolve({ seenMs: performance.now(), startedMs });
          else setTimeout(check, 5);
        };
        check();
      });
      return { startedMs };
    },

    async priceSeen() {
      if (!watching) throw new Error('watchPrice() first');
      return watching;
    },

    async close() {
      await sync?.close();
      await db?.close();
      sync = undefined;
      db = undefined;
    },
  };
}
