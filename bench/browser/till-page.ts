// The till side of the sync benchmarks, bundled for Chromium and driven by
// bench/suites/till-sync.ts through page.evaluate. It uses the product's own
// modules: the local database (createTillDatabase, Dexie under the z-schema
// validator as in src/state/till-services.ts), the real replication
// (startSync → replicateCollection) and the till's journal writer.
// Every duration is taken here with performance.now().
import { firstValueFrom } from 'rxjs';
import type { Product } from '../../src/core/catalog/product';
import { appendEntry } from '../../src/core/journal/append-entry';
import type { JournalEntry } from '../../src/core/journal/journal-entry';
import { createJournalWriter, findJournalHead } from '../../src/data/journal-writer';
import { watchOutbox } from '../../src/data/outbox-state';
import { findProductByBarcode } from '../../src/data/product-lookup';
import { type RunningSync, startSync } from '../../src/data/sync/start-sync';
import { loadTillIdentity } from '../../src/data/sync/till-session';
import { createTillDatabase, type TillDatabase } from '../../src/data/till-database';
import { tillStorage } from '../../src/data/till-storage';
import { benchIdGenerator, buildSale, saleDraft } from '../lib/sales';

export interface RequestTally {
  count: number;
  /** Sum of the time from fetch() to response headers, in ms. */
  ms: number;
}

export interface TillPageApi {
  open(name: string): Promise<void>;
  firstSync(
    syncUrl: string,
    pairingCode: string,
  ): Promise<{
    seconds: number;
    products: number;
    pulls: RequestTally;
    other: RequestTally;
  }>;
  lookups(barcodes: readonly string[], warmup: number): Promise<{ samplesMs: number[]; misses: number }>;
  recordSalesOffline(count: number): Promise<{
    writerSales: number;
    writerSeconds: number;
    bulkSeconds: number;
    avgBytes: number;
    journal: number;
    pending: number;
  }>;
  pushAfterReconnect(
    syncUrl: string,
    expected: number,
  ): Promise<{
    seconds: number;
    sent: number;
    pushes: RequestTally;
    pulls: RequestTally;
    /** Pull requests per collection during the push. */
    pullsBy: Record<string, number>;
    /** The store's sales feed the till held when the last upload was answered. */
    salesFeedStored: number;
    pending: number;
    tillId: string;
    /** Seconds from startSync to the first upload sent, and from the last answer to the last cursor move. */
    firstUploadAfter: number;
    doneAfterLastAnswer: number;
  }>;
  /**
   * Seconds from the last upload's answer until the till's store sales feed held `expected` sales
   * (the feeds wait while a backlog goes up: the server projects the sales, then the till pulls
   * them); undefined if not within 120 s.
   */
  salesFeedCaughtUp(expected: number): Promise<number | undefined>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    tillBench: TillPageApi;
  }
}

// fetch is wrapped (not changed) so the suite can tell network and server
// time from the time the till spends storing what it received.
const tallies = new Map<string, RequestTally>();
const tally = (kind: string): RequestTally => {
  let found = tallies.get(kind);
  if (!found) {
    found = { count: 0, ms: 0 };
    tallies.set(kind, found);
  }
  return found;
};
const originalFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const kind = url.includes('/pull?')
    ? 'pull'
    : url.endsWith('/push') || url.endsWith('/journal/upload')
      ? 'push'
      : url.endsWith('/stream')
        ? 'stream'
        : 'other';
  const started = performance.now();
  const response = await originalFetch(input, init);
  if (kind !== 'stream') {
    const t = tally(kind);
    t.count++;
    t.ms += performance.now() - started;
    const pulled = /\/sync\/v1\/([a-z-]+)\/pull\?/.exec(url)?.[1];
    if (pulled) tally(`pull:${pulled}`).count++;
    if (url.endsWith('/journal/upload')) {
      pushWindow.first ??= started;
      pushWindow.last = performance.now();
    }
  }
  return response;
};
/** When the first upload of a push went out and when the last answer came (performance.now()). */
const pushWindow: { first?: number; last?: number } = {};
const snapshot = (kind: string): RequestTally => ({ ...tally(kind) });
/** Pull requests per collection so far. */
const pullsByCollection = (): Map<string, number> =>
  new Map([...tallies].flatMap(([kind, t]) => (kind.startsWith('pull:') ? [[kind.slice(5), t.count]] : [])));
const since = (before: RequestTally, kind: string): RequestTally => {
  const now = tally(kind);
  return { count: now.count - before.count, ms: Math.round(now.ms - before.ms) };
};

let db: TillDatabase | undefined;
let sync: RunningSync | undefined;
const mustDb = (): TillDatabase => {
  if (!db) throw new Error('open() first');
  return db;
};

const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;
/** Sales recorded through createJournalWriter before the bulk path takes over. */
const WRITER_SALES = 200;

window.tillBench = {
  async open(name) {
    db = await createTillDatabase(name, tillStorage());
  },

  async firstSync(syncUrl, pairingCode) {
    const till = mustDb();
    const pulls = snapshot('pull');
    const other = snapshot('other');
    const started = performance.now();
    sync = await startSync(till, { syncUrl, enrolment: { pairingCode, deviceName: 'bench till' } });
    await sync.awaitInitialSync();
    const elapsed = seconds(started);
    return {
      seconds: elapsed,
      products: till.catalog.size(),
      pulls: since(pulls, 'pull'),
      other: since(other, 'other'),
    };
  },

  async lookups(barcodes, warmup) {
    const till = mustDb();
    const samplesMs: number[] = [];
    let misses = 0;
    for (let i = 0; i < barcodes.length; i++) {
      const barcode = barcodes[i] as string;
      const started = performance.now();
      // The cashier screen's lookup (src/state/till-services.ts).
      const product = await findProductByBarcode(till.catalog, barcode);
      const elapsed = performance.now() - started;
      if (product?.barcode !== barcode) misses++;
      if (i >= warmup) samplesMs.push(elapsed);
    }
    return { samplesMs, misses };
  },

  async recordSalesOffline(count) {
    const till = mustDb();
    // The till loses its link: replication stops, sales go on.
    if (sync) await sync.close();
    sync = undefined;
    const identity = await loadTillIdentity(till);
    if (!identity) throw new Error('till not enrolled');
    const { storeCode, tillCode, tillId } = identity;
    const products: Product[] = [];
    for await (const slice of till.catalog.slices()) {
      products.push(...slice);
      if (products.length >= 2_000) break;
    }
    const writer = createJournalWriter(till, { storeCode, tillCode, tillId });
    const newId = benchIdGenerator(0x5eed);
    let bytes = 0;
    // The first sales go through the till's journal writer one by one, as at
    // the counter; the rest continue the same chain with bulk writes of the
    // same documents (the entries) so that setting up 10k stays quick.
    const viaWriter = Math.min(count, WRITER_SALES);
    const started = performance.now();
    for (let n = 0; n < viaWriter; n++) {
      const appended = await writer.append(
        saleDraft(buildSale(n, products, { storeCode, tillCode }, newId), newId),
      );
      if (!appended.ok) throw new Error(`journal append: ${JSON.stringify(appended.error)}`);
      bytes += JSON.stringify(appended.value).length;
    }
    const writerSeconds = seconds(started);
    let head = await findJournalHead(till);
    const bulkStarted = performance.now();
    for (let start = viaWriter; start < count; start += 500) {
      const entries: JournalEntry[] = [];
      for (let n = start; n < Math.min(count, start + 500); n++) {
        const appended = appendEntry(
          head,
          saleDraft(buildSale(n, products, { storeCode, tillCode }, newId), newId),
          { storeCode, tillCode, tillId },
        );
        if (!appended.ok) throw new Error(`append: ${JSON.stringify(appended.error)}`);
        const entry = appended.value.entry;
        head = { sequence: entry.sequence, hash: entry.hash };
        bytes += JSON.stringify(entry).length;
        entries.push(structuredClone(entry) as JournalEntry);
      }
      const inserted = await till.journal.bulkInsert(entries);
      if (inserted.error.length > 0)
        throw new Error(`journal bulkInsert: ${JSON.stringify(inserted.error[0])}`);
    }
    return {
      writerSales: viaWriter,
      writerSeconds,
      bulkSeconds: seconds(bulkStarted),
      avgBytes: Math.round(bytes / count),
      journal: await till.journal.count().exec(),
      pending: (await firstValueFrom(watchOutbox(till, tillId, 1))).pending,
    };
  },

  async pushAfterReconnect(syncUrl, expected) {
    const till = mustDb();
    const pushes = snapshot('push');
    const pulls = snapshot('pull');
    const pullsBefore = pullsByCollection();
    pushWindow.first = undefined;
    pushWindow.last = undefined;
    const started = performance.now();
    sync = await startSync(till, { syncUrl });
    const running = sync;
    let sent = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${sent} of ${expected} pushed after 120 s`)),
        120_000,
      );
      // The journal upload answers batches: count what the server answered for.
      running.journalUpload.uploaded$.subscribe((answered) => {
        sent += answered;
        if (sent >= expected) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const elapsed = seconds(started);
    const pending = (await firstValueFrom(watchOutbox(till, running.identity.tillId, 1))).pending;
    const salesFeedStored = (await till.sales?.count().exec()) ?? 0;
    const pullsDuringPush = since(pulls, 'pull');
    const pullsByDuringPush = Object.fromEntries(
      [...pullsByCollection()].flatMap(([name, count]) => {
        const meanwhile = count - (pullsBefore.get(name) ?? 0);
        return meanwhile > 0 ? [[name, meanwhile]] : [];
      }),
    );
    return {
      seconds: elapsed,
      sent,
      pushes: since(pushes, 'push'),
      pulls: pullsDuringPush,
      pullsBy: pullsByDuringPush,
      salesFeedStored,
      pending,
      tillId: running.identity.tillId,
      firstUploadAfter: ((pushWindow.first ?? started) - started) / 1000,
      doneAfterLastAnswer: elapsed - ((pushWindow.last ?? started) - started) / 1000,
    };
  },

  async salesFeedCaughtUp(expected) {
    const till = mustDb();
    if (!till.sales) return undefined;
    const deadline = performance.now() + 120_000;
    while (performance.now() < deadline) {
      if ((await till.sales.count().exec()) >= expected)
        return (performance.now() - (pushWindow.last ?? performance.now())) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return undefined;
  },

  async close() {
    if (sync) await sync.close();
    sync = undefined;
    if (db) await db.close();
    db = undefined;
  },
};
