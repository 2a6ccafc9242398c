// The PouchDB peer of the till benchmarks, bundled for Chromium and driven by
// bench/suites/pouchdb-peer.ts: PouchDB's IndexedDB adapter (pouchdb-browser's
// default, "idb") replicating with pouchdb-server over CouchDB's protocol.
// Same documents as the till: the large catalog, and real journal entries.
import PouchDB from 'pouchdb-browser';
import type { Product } from '../../src/core/catalog/product';
import { appendEntry } from '../../src/core/journal/append-entry';
import type { ChainHead } from '../../src/core/journal/journal-entry';
import { benchIdGenerator, buildSale, saleDraft } from '../lib/sales';

export interface PouchPageApi {
  firstSync(
    remoteUrl: string,
    batchSize: number,
  ): Promise<{ seconds: number; docs: number; adapter: string }>;
  /** Records `count` sales offline in a new local database; `replicateTo` then pushes them. */
  recordOffline(
    count: number,
    products: readonly Product[],
  ): Promise<{ database: string; avgBytes: number; recordSeconds: number }>;
  /** Pushes a database `recordOffline` filled, then destroys it. */
  replicateTo(
    database: string,
    remoteUrl: string,
    batchSize: number,
  ): Promise<{ seconds: number; written: number }>;
}

declare global {
  interface Window {
    pouchBench: PouchPageApi;
  }
}

let databases = 0;
const recorded = new Map<string, InstanceType<typeof PouchDB>>();
const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;

window.pouchBench = {
  async firstSync(remoteUrl, batchSize) {
    const local = new PouchDB(`pouch-products-${batchSize}-${databases++}-${Date.now()}`);
    const started = performance.now();
    const result = await local.replicate.from(remoteUrl, { batch_size: batchSize });
    const elapsed = seconds(started);
    if (!result.ok) throw new Error(`pouch pull: ${JSON.stringify(result.errors.slice(0, 1))}`);
    const { doc_count } = await local.info();
    const adapter = local.adapter;
    await local.destroy();
    return { seconds: elapsed, docs: doc_count, adapter };
  },

  async recordOffline(count, products) {
    const database = `pouch-journal-${databases++}-${Date.now()}`;
    const local = new PouchDB(database);
    const till = { storeCode: 'PAR01', tillCode: '02', tillId: 'pouch-bench-till' };
    const newId = benchIdGenerator(0xc0ffee);
    let head: ChainHead | null = null;
    let bytes = 0;
    const recordStarted = performance.now();
    for (let start = 0; start < count; start += 500) {
      const docs: object[] = [];
      for (let n = start; n < Math.min(count, start + 500); n++) {
        const appended = appendEntry(head, saleDraft(buildSale(n, products, till, newId), newId), till);
        if (!appended.ok) throw new Error(`append: ${JSON.stringify(appended.error)}`);
        const entry = appended.value.entry;
        head = { sequence: entry.sequence, hash: entry.hash };
        bytes += JSON.stringify(entry).length;
        docs.push({ _id: entry.id, ...entry });
      }
      await local.bulkDocs(docs);
    }
    recorded.set(database, local);
    return { database, avgBytes: Math.round(bytes / count), recordSeconds: seconds(recordStarted) };
  },

  async replicateTo(database, remoteUrl, batchSize) {
    const local = recorded.get(database);
    if (!local) throw new Error(`pouch push: no database ${database} recorded`);
    recorded.delete(database);
    const started = performance.now();
    const result = await local.replicate.to(remoteUrl, { batch_size: batchSize });
    const elapsed = seconds(started);
    if (!result.ok) throw new Error(`pouch push: ${JSON.stringify(result.errors.slice(0, 1))}`);
    await local.destroy();
    return { seconds: elapsed, written: result.docs_written };
  },
};
