import type { Page } from 'playwright-core';
import { createScratchDatabase } from '../../tests/support/postgres';
import type { TillPageApi } from '../browser/till-page';
import type { BenchBrowser } from '../lib/browser';
import { averageJsonBytes, generateLargeCatalog } from '../lib/catalog';
import { type BenchSizes, countLabel } from '../lib/config';
import { emptyResult, quantile, round, type SuiteResult } from '../lib/metrics';
import { logSlowStatements } from '../lib/pg-activity';
import { measurePgInsertLimit } from '../lib/pg-insert-limit';
import { formatProfile, startProfile } from '../lib/profile';
import {
  countDocuments,
  cpuOfSync,
  enrolNodeTill,
  formatCpu,
  issuePairingCode,
  seedProducts,
  startBenchServer,
} from '../lib/server';
import { profileJournalPush, profileProductPull } from '../lib/server-profile';

// The till in Chromium against the sync server on PostgreSQL: first sync of
// the catalog into an empty till, barcode lookups on the full till, then
// sales made offline and pushed when the till reconnects.

type Call<K extends keyof TillPageApi> = TillPageApi[K] extends (...args: infer A) => infer R
  ? (...args: A) => R
  : never;

function tillCall<K extends keyof TillPageApi>(page: Page, method: K): Call<K> {
  return ((...args: unknown[]) =>
    page.evaluate(
      ([name, params]) =>
        (window.tillBench[name as keyof TillPageApi] as (...a: unknown[]) => unknown)(
          ...(params as unknown[]),
        ),
      [method, args] as const,
    )) as Call<K>;
}

export async function runTillSync(browser: BenchBrowser, sizes: BenchSizes): Promise<SuiteResult> {
  const result = emptyResult();
  const { metrics, notes } = result;
  const scratch = await createScratchDatabase('till_bench');
  await logSlowStatements(scratch.url);
  const server = await startBenchServer(scratch.url);
  try {
    const catalog = generateLargeCatalog(sizes.products);
    const seedStarted = performance.now();
    await seedProducts(scratch.url, catalog);
    notes.push(
      `seeded ${catalog.length} products (${averageJsonBytes(catalog)} B JSON each) with one COPY in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    const page = await browser.open('till-page', 'tillBench');
    await tillCall(page, 'open')('bench-till');

    // First sync, profiled (V8 sampling at 1 ms costs a few percent at most).
    const stopProfile = await startProfile(page, 'till-page');
    const first = await tillCall(page, 'firstSync')(
      server.url,
      await issuePairingCode(server.url, 'PAR01', '01'),
    );
    const profile = await stopProfile();
    if (first.products !== sizes.products)
      throw new Error(`first sync stored ${first.products} of ${sizes.products} products`);
    // sync.first_sync_* and data.barcode_lookup_* are the catalog suite's (bench/suites/catalog-sync.ts,
    // beside their limit in the same page); here the first sync only sets the till up for the push.
    notes.push(
      `first sync (set-up of the push, ${first.seconds.toFixed(2)} s): ${first.pulls.count} pull requests, ${(first.pulls.ms / 1000).toFixed(1)} s of it waiting on pull responses (server + network); ${Math.round(sizes.products / first.seconds)} products/s end to end`,
      `first sync profile: ${formatProfile(profile)}`,
    );

    // Lookups on the full till: warm-up first, then the samples.
    const warmup = 100;
    const picks = Array.from(
      { length: sizes.lookups + warmup },
      (_, i) => (catalog[(i * 7_919 + 13) % catalog.length] ?? catalog[0])?.barcode ?? '',
    );
    const lookups = await tillCall(page, 'lookups')(picks, warmup);
    if (lookups.misses > 0) throw new Error(`${lookups.misses} barcode lookups found nothing`);
    notes.push(
      `barcode lookup over ${lookups.samplesMs.length} random barcodes (after ${warmup} warm-up): p50 ${quantile(lookups.samplesMs, 0.5).toFixed(2)} ms, p99 ${quantile(lookups.samplesMs, 0.99).toFixed(2)} ms, max ${Math.max(...lookups.samplesMs).toFixed(2)} ms (Chromium's timer resolution is 0.1 ms)`,
    );

    // Offline sales through the till's journal writer, then reconnect and push.
    await browser.context.setOffline(true);
    const recorded = await tillCall(page, 'recordSalesOffline')(sizes.sales);
    await browser.context.setOffline(false);
    if (recorded.journal !== sizes.sales || recorded.pending !== sizes.sales)
      throw new Error(
        `offline: ${recorded.journal} journal entries, ${recorded.pending} pending in the outbox (entries after the upload cursor)`,
      );
    notes.push(
      `recorded ${recorded.journal} sales offline: the first ${recorded.writerSales} through createJournalWriter at ${Math.round(recorded.writerSales / recorded.writerSeconds)} sales/s, the rest in bulk (same chain, same documents) in ${recorded.bulkSeconds.toFixed(1)} s; real 'sale.completed' entries of ${recorded.avgBytes} B on average (3-5 lines)`,
    );
    const stopPushProfile = await startProfile(page, 'till-page');
    const pushCpu = await cpuOfSync(server, () =>
      tillCall(page, 'pushAfterReconnect')(server.url, sizes.sales),
    );
    const pushed = pushCpu.result;
    const pushProfile = await stopPushProfile();
    const feedCaughtUpAfter = await tillCall(page, 'salesFeedCaughtUp')(sizes.sales);
    const stored = await countDocuments(scratch.url, 'journal', pushed.tillId);
    if (stored !== sizes.sales) throw new Error(`server holds ${stored} of ${sizes.sales} journal entries`);
    metrics.push({
      name: `sync.push_offline_${countLabel(sizes.sales)}.seconds`,
      value: round(pushed.seconds, 2),
      unit: 's',
    });
    // The floor of that upload: the same rows in one multi-row INSERT, from Node, same PostgreSQL.
    const limit = await measurePgInsertLimit(scratch.url, pushed.tillId);
    if (limit.rows !== sizes.sales) throw new Error(`insert limit read ${limit.rows} of ${sizes.sales} rows`);
    metrics.push({
      name: `limit.pg_insert_${countLabel(sizes.sales)}.seconds`,
      value: round(limit.seconds, 3),
      unit: 's',
    });
    notes.push(
      `limit.pg_insert: ${limit.rows} journal rows (${limit.megabytes.toFixed(1)} MB of JSON) in one INSERT ... VALUES into a copy of sync_documents (its keys and indexes), one transaction, once the projector had drained its queue, best of ${limit.tries.map((t) => `${t.toFixed(2)} s`).join(', ')}: ${limit.seconds.toFixed(2)} s; the upload took ${(pushed.seconds / limit.seconds).toFixed(1)}x that`,
    );
    notes.push(
      `push after reconnect: first upload sent ${pushed.firstUploadAfter.toFixed(2)} s after startSync, the cursor past the last one ${pushed.doneAfterLastAnswer.toFixed(2)} s after its answer; ${pushed.pushes.count} push requests, ${(pushed.pushes.ms / 1000).toFixed(1)} s of it waiting on push responses; ${pushed.pulls.count} pulls meanwhile (${
        Object.entries(pushed.pullsBy)
          .map(([name, count]) => `${name} ${count}`)
          .join(', ') || 'none'
      }), ${pushed.salesFeedStored} sales in the till's store sales feed when the last was answered (the feeds wait while a backlog goes up), all ${sizes.sales} of them ${feedCaughtUpAfter === undefined ? 'not within 120 s' : `${feedCaughtUpAfter.toFixed(1)} s`} after it; ${pushed.pending} still pending in the outbox when the last push was acknowledged`,
      `push profile: ${formatProfile(pushProfile)}`,
      `CPU during the push (the projector included, as it runs in the server meanwhile): ${formatCpu(pushCpu)}`,
    );

    await tillCall(page, 'close')();
    await page.close();

    // The server's share of a push, measured in-process on the same database.
    const profileTill = await enrolNodeTill(server.url, 'PAR01', '09');
    const pull = await profileProductPull(
      scratch.url,
      2_000,
      Math.min(10, Math.ceil(sizes.products / 2_000)),
    );
    notes.push(
      `server pull of 2,000 products (in-process, same PostgreSQL): query ${pull.queryMsPerPull.toFixed(0)} ms, reply JSON ${pull.jsonMsPerPull.toFixed(0)} ms`,
    );
    const push = await profileJournalPush(scratch.url, profileTill, catalog.slice(0, 2_000), 1_000, 3);
    notes.push(
      `server handleJournalUpload of ${push.rowsPerPush} sales (in-process, same PostgreSQL, projector not running): ${push.msPerPush.toFixed(0)} ms per upload, of which SQL ${push.sqlMsPerPush.toFixed(0)} ms (${push.statementsPerPush.toFixed(0)} statements besides BEGIN and COMMIT); timed alone: entry validation ${push.validateMsPerPush.toFixed(0)} ms, hash-chain verification ${push.verifyMsPerPush.toFixed(0)} ms`,
    );
  } finally {
    await server.stop();
    await scratch.drop();
  }
  return result;
}
