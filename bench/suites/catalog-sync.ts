import type { CDPSession, Page } from 'playwright-core';
import { openPostgres } from '../../sync-server/src/db/pg-database';
import { lockScope, writeDocuments } from '../../sync-server/src/sync/document-store';
import { createScratchDatabase } from '../../tests/support/postgres';
import type { CatalogPageApi } from '../browser/catalog-page';
import type { BenchBrowser } from '../lib/browser';
import { averageJsonBytes, generateLargeCatalog } from '../lib/catalog';
import { type BenchSizes, countLabel } from '../lib/config';
import { emptyResult, quantile, round, type SuiteResult } from '../lib/metrics';
import { formatProfile, startProfile } from '../lib/profile';
import { cpuOfSync, formatCpu, issuePairingCode, seedProducts, startBenchServer } from '../lib/server';

// The catalog on the till (issue 15), for 100,000 products and for
// 1,000,000: the floor (raw IndexedDB, records of 1,000 products, in the
// same page), the first sync through the snapshot pages, barcode lookups,
// a price change on the server until the till's lookup shows it, then a
// fresh page load of a till whose catalog is stored: to the first scan's
// product found, and the page's memory after it.

type Call<K extends keyof CatalogPageApi> = CatalogPageApi[K] extends (...args: infer A) => infer R
  ? (...args: A) => R
  : never;

function call<K extends keyof CatalogPageApi>(page: Page, method: K): Call<K> {
  return ((...args: unknown[]) =>
    page.evaluate(
      ([name, params]) =>
        (window.catalogBench[name as keyof CatalogPageApi] as (...a: unknown[]) => unknown)(
          ...(params as unknown[]),
        ),
      [method, args] as const,
    )) as Call<K>;
}

/** Catalog sizes: the bench's product count, and BENCH_CATALOG_LARGE (default 1,000,000; 0 leaves it out). */
export function catalogSizes(sizes: BenchSizes): number[] {
  const raw = process.env.BENCH_CATALOG_LARGE;
  const large = raw === undefined || raw === '' ? 1_000_000 : Number(raw);
  if (!Number.isInteger(large) || large < 0)
    throw new Error(`BENCH_CATALOG_LARGE must be an integer >= 0 (got "${raw}")`);
  return large > 0 && large !== sizes.products ? [sizes.products, large] : [sizes.products];
}

const mb = (bytes: number) => bytes / (1024 * 1024);

/**
 * The catalog worker's V8 heap used, after a GC: the page's CDP session
 * attaches to its worker (auto-attach, not flattened) and talks to it
 * through Target.sendMessageToTarget. Undefined when it cannot be read.
 */
async function catalogWorkerHeap(cdp: CDPSession): Promise<{ usedSize: number } | undefined> {
  const sessions: string[] = [];
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker' && event.targetInfo.url.includes('catalog-worker'))
      sessions.push(event.sessionId);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const sessionId = sessions[0];
  if (!sessionId) return undefined;
  const answer = new Promise<{ usedSize: number } | undefined>((resolve) => {
    setTimeout(() => resolve(undefined), 15_000);
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
      if (message.id === 2) resolve(message.result);
    });
  });
  const send = (id: number, method: string) =>
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
  await send(1, 'HeapProfiler.collectGarbage');
  await send(2, 'Runtime.getHeapUsage');
  return answer;
}

export async function runCatalogSync(browser: BenchBrowser, sizes: BenchSizes): Promise<SuiteResult> {
  const result = emptyResult();
  for (const count of catalogSizes(sizes)) await measureCatalog(browser, count, sizes.lookups, result);
  return result;
}

async function measureCatalog(
  browser: BenchBrowser,
  count: number,
  lookupCount: number,
  { metrics, notes }: SuiteResult,
): Promise<void> {
  const label = countLabel(count);
  const scratch = await createScratchDatabase('catalog_bench');
  const server = await startBenchServer(scratch.url);
  try {
    const catalog = generateLargeCatalog(count);
    const seedStarted = performance.now();
    await seedProducts(scratch.url, catalog);
    notes.push(
      `${label}: seeded ${catalog.length} products (${averageJsonBytes(catalog)} B JSON each) with one COPY in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    const page = await browser.open('catalog-page', 'catalogBench');
    const limit = await call(page, 'limitIdbPages')(count, 1_000);
    metrics.push({ name: `limit.idb_pages_${label}.seconds`, value: round(limit.seconds, 2), unit: 's' });

    const name = `catalog-bench-${label}`;
    const stopProfile = await startProfile(page, 'catalog-page');
    const pairingCode = await issuePairingCode(server.url, 'PAR01', '01');
    const firstCpu = await cpuOfSync(server, () => call(page, 'firstSync')(name, server.url, pairingCode));
    const first = firstCpu.result;
    const profile = await stopProfile();
    if (first.products !== count) throw new Error(`first sync holds ${first.products} of ${count} products`);
    metrics.push({ name: `sync.first_sync_${label}.seconds`, value: round(first.seconds, 2), unit: 's' });
    const transferSeconds = first.pageSpanMs / 1000;
    notes.push(
      `${label} first sync ${first.seconds.toFixed(2)} s: ${first.pageRequests} page requests (gzip), ${(first.pageRequestMs / 1000).toFixed(1)} s of request time summed over 4 at once, ${transferSeconds.toFixed(2)} s from the first page asked to the last received; floor limit.idb_pages_${label} ${limit.seconds.toFixed(2)} s (${limit.records} records): ${(first.seconds / limit.seconds).toFixed(1)}x the floor, ${((first.seconds - transferSeconds) / limit.seconds).toFixed(1)}x after the page transfer (target <= 3x the floor + the transfer)`,
      `${label} first sync phases: database open and enrolment ${first.enrolledMs} ms; first page asked at ${first.firstPageAtMs} ms, last received at ${first.lastPageAtMs} ms (page requests ${(first.pageRequestMs / first.pageRequests).toFixed(0)} ms each on average, storing a page in the worker ${(first.storeMs / Math.max(1, first.pageRequests)).toFixed(0)} ms); snapshot completion (columns built in the worker, handed over) ${first.completeMs} ms; end at ${Math.round(first.seconds * 1000)} ms`,
      `${label} first sync profile: ${formatProfile(profile)}`,
      `${label} first sync CPU: ${formatCpu(firstCpu)}`,
    );

    const warmup = 100;
    const picks = Array.from(
      { length: lookupCount + warmup },
      (_, i) => (catalog[(i * 7_919 + 13) % catalog.length] ?? catalog[0])?.barcode ?? '',
    );
    const lookups = await call(page, 'lookups')(picks, warmup);
    if (lookups.misses > 0) throw new Error(`${lookups.misses} barcode lookups found nothing`);
    metrics.push({
      name: `data.barcode_lookup_${label}.p99_ms`,
      value: round(quantile(lookups.samplesMs, 0.99), 3),
      unit: 'ms',
    });
    notes.push(
      `${label} barcode lookup over ${lookups.samplesMs.length} random barcodes: p50 ${quantile(lookups.samplesMs, 0.5).toFixed(3)} ms, p99 ${quantile(lookups.samplesMs, 0.99).toFixed(3)} ms, max ${Math.max(...lookups.samplesMs).toFixed(2)} ms (Chromium's timer resolution is 0.1 ms, 5 µs with cross-origin isolation)`,
    );

    // A price change on the server, through the live stream and the pull, to the till's lookup.
    const changed = catalog[Math.floor(count / 2)];
    if (changed) {
      const newPrice = changed.priceMinor + 1;
      await call(page, 'watchPrice')(changed.barcode, newPrice);
      const db = openPostgres(scratch.url);
      try {
        await db.transaction(async (tx) => {
          await lockScope(tx, 'products', '*');
          await writeDocuments(tx, 'products', '*', [
            { id: changed.id, doc: { ...changed, priceMinor: newPrice }, deleted: false },
          ]);
        });
      } finally {
        await db.close();
      }
      const seen = await call(page, 'priceSeen')();
      metrics.push({
        name: `sync.price_change_to_lookup_${label}.seconds`,
        value: round((seen.seenMs - seen.startedMs) / 1000, 3),
        unit: 's',
      });
    }
    await call(page, 'close')();
    await page.close();

    // A till that starts with its catalog stored: page load to the first scan's product found.
    const starting = await browser.context.newPage();
    starting.on('pageerror', (error) => console.error(`[catalog-start] page error: ${error.message}`));
    const barcode = (catalog[count - 7] ?? catalog[0])?.barcode ?? '';
    await starting.goto(`${new URL(page.url()).origin}/catalog-page.html?start=${name}&barcode=${barcode}`);
    await starting.waitForFunction(() => 'catalogStart' in window, undefined, { timeout: 120_000 });
    const start = await starting.evaluate(() => window.catalogStart);
    if ('error' in start) throw new Error(`start: ${start.error}`);
    if (!start.found || start.products !== count)
      throw new Error(`start: found ${start.found}, ${start.products} of ${count} products`);
    metrics.push({
      name: `till.start_to_ready_${label}.seconds`,
      value: round(start.ms / 1000, 2),
      unit: 's',
    });

    // The page's memory once started: V8's heap used plus the ArrayBuffers' backing stores
    // (the catalog's columns live there), after a full GC. The catalog worker's own heap
    // (the name index) is another isolate: printed apart.
    const cdp = await browser.context.newCDPSession(starting);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      totalSize: number;
      backingStorageSize?: number;
    };
    const perf = (await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics'))) as {
      metrics: { name: string; value: number }[];
    };
    const backing = heap.backingStorageSize ?? start.columnBytes;
    const worker = await catalogWorkerHeap(cdp);
    metrics.push({
      name: `till.renderer_memory_${label}.mb`,
      value: round(mb(heap.usedSize + backing + (worker?.usedSize ?? 0)), 1),
      unit: 'MB',
    });
    const jsHeapUsed = perf.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    notes.push(
      `${label} start: ${start.ms.toFixed(0)} ms from navigation to the scan's product (columns from: ${start.source}); memory after GC: V8 heap used ${mb(heap.usedSize).toFixed(1)} MB + ArrayBuffers ${mb(backing).toFixed(1)} MB (the catalog's columns: ${mb(start.columnBytes).toFixed(1)} MB); Performance.getMetrics JSHeapUsedSize ${mb(jsHeapUsed).toFixed(1)} MB; ${worker ? `the catalog worker's V8 heap used ${mb(worker.usedSize).toFixed(1)} MB, counted in the figure` : "the catalog worker's heap could not be read: NOT in the figure"}; search ready ${(start.searchReadyMs / 1000).toFixed(2)} s after navigation (name index: ${start.namesSource})`,
    );
    await cdp.detach();
    await starting.close();
  } finally {
    await server.stop();
    await scratch.drop();
  }
}
