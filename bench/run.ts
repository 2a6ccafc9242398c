// `npm run bench`: speed targets live here, never in timed tests.
// Writes bench/results/latest.json as { metrics: [{ name, value, unit }] }:
// core micro-benchmarks, the till in Chromium against the sync server on
// PostgreSQL (first sync, barcode lookup, offline push), the PouchDB peer on
// the same workloads, and 500 simulated tills against one server.
// Every metric comes from this run; a suite that cannot measure prints why
// and writes nothing for it. See bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ensureSystemPackages } from '../scripts/system-deps';
import { defaultScanConfig, parseScan } from '../src/core/barcodes';
import { migrate } from '../sync-server/src/db/migrate';
import { openPglite } from '../sync-server/src/db/pglite-database';
import { generateFrenchCatalog } from '../sync-server/src/demo/french-catalog';
import { seedDemoCatalog } from '../sync-server/src/demo/seed-catalog';
import { type BenchBrowser, buildPages, launchBenchBrowser, serveStatic } from './lib/browser';
import { benchSizes, isFullSize, selectedSuites } from './lib/config';
import {
  describeFloorRatios,
  describeMetric,
  describePeerComparison,
  type Metric,
  PEER_COMPARISONS,
  type SuiteResult,
  TARGETS,
  unmetFloorRatios,
} from './lib/metrics';
import { buildServer } from './lib/server';
import { runCatalogSync } from './suites/catalog-sync';
import { runKioskSearch } from './suites/kiosk-search';
import { runPouchdbPeer } from './suites/pouchdb-peer';
import { runPushManyTills } from './suites/push-many-tills';
import { runStoreSalesFeed } from './suites/store-sales-feed';
import { runTillSync } from './suites/till-sync';
import { runUiCashier } from './suites/ui-cashier';

function parseScanThroughput(): Metric {
  const codes = generateFrenchCatalog().map((p) => p.barcode);
  const rounds = 50;
  const started = performance.now();
  let parsed = 0;
  for (let round = 0; round < rounds; round++) {
    for (const code of codes) if (parseScan(code, defaultScanConfig).ok) parsed++;
  }
  const seconds = (performance.now() - started) / 1000;
  if (parsed !== codes.length * rounds) throw new Error('parseScan rejected a demo barcode');
  return { name: 'core.parse_scan.per_second', value: Math.round(parsed / seconds), unit: 'scans/s' };
}

async function seedOnPglite(): Promise<Metric> {
  const db = await openPglite(undefined);
  await migrate(db);
  const started = performance.now();
  const seeded = await seedDemoCatalog(db);
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  if (seeded < 2000) throw new Error(`seeded only ${seeded} products`);
  return { name: 'server.seed_demo_catalog_pglite.seconds', value: Number(seconds.toFixed(3)), unit: 's' };
}

// The bench drives Debian's Chromium, like the tests: a fresh machine gets it here too.
ensureSystemPackages();
const sizes = benchSizes();
const suites = selectedSuites();
const fullSize =
  isFullSize(sizes) &&
  ['core', 'till', 'catalog', 'pouchdb', 'tills', 'ui', 'kiosk'].every((s) => suites.has(s));
const benchStarted = performance.now();
const load = () => loadavg()[0]?.toFixed(1) ?? '?';
const loadAtStart = load();
const metrics: Metric[] = [];
const report: { suite: string; result: SuiteResult }[] = [];
const failures: string[] = [];

/** Runs one suite; a failure is reported and its metrics stay absent. */
async function suite(name: string, run: () => Promise<SuiteResult>): Promise<void> {
  if (!suites.has(name)) return;
  const started = performance.now();
  console.log(`[bench] ${name}…`);
  try {
    const result = await run();
    metrics.push(...result.metrics);
    report.push({ suite: name, result });
    for (const metric of result.metrics) console.log(`[bench]   ${describeMetric(metric)}`);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failures.push(`${name}: ${message}`);
    console.error(`[bench] ${name} failed, its metrics are not written:\n${message}`);
  }
  console.log(`[bench] ${name} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

await suite('core', async () => ({
  metrics: [parseScanThroughput(), await seedOnPglite()],
  notes: [],
  missing: [],
}));

// The store sales feed's size for 10 tills over 30 days (issue 12): Node only, about a minute.
await suite('returns', runStoreSalesFeed);

if (['till', 'catalog', 'pouchdb', 'tills', 'ui', 'kiosk'].some((s) => suites.has(s))) {
  await Promise.all([buildServer(), buildPages()]);
  const statics = await serveStatic();
  let browser: BenchBrowser | undefined;
  try {
    if (['till', 'catalog', 'pouchdb', 'ui', 'kiosk'].some((s) => suites.has(s)))
      browser = await launchBenchBrowser(statics.url);
    const inBrowser = browser;
    if (inBrowser) {
      await suite('till', () => runTillSync(inBrowser, sizes));
      await suite('catalog', () => runCatalogSync(inBrowser, sizes));
      await suite('pouchdb', () => runPouchdbPeer(inBrowser, sizes));
      await suite('ui', () => runUiCashier(inBrowser, sizes));
      await suite('kiosk', () => runKioskSearch(inBrowser, sizes));
    }
  } finally {
    await browser?.close();
    await statics.close();
  }
  await suite('tills', () => runPushManyTills(sizes));
}

const file = fullSize ? 'bench/results/latest.json' : 'bench/results/latest.tmp.json';
mkdirSync('bench/results', { recursive: true });
writeFileSync(file, `${JSON.stringify({ metrics }, null, 2)}\n`);

console.log(`\n=== bench results (${file}, ${((performance.now() - benchStarted) / 1000).toFixed(0)} s) ===`);
console.log(
  `machine: ${cpus().length} cores, load average ${loadAtStart} at start and ${load()} at the end (other work on the machine slows every figure)`,
);
for (const metric of metrics) console.log(describeMetric(metric));
const peerVerdicts = PEER_COMPARISONS.flatMap((comparison) => {
  const verdict = describePeerComparison(metrics, comparison);
  return verdict ? [{ name: `${comparison.ours} vs PouchDB`, ...verdict }] : [];
});
for (const verdict of peerVerdicts) console.log(verdict.line);
for (const line of describeFloorRatios(metrics)) console.log(line);
for (const { suite: name, result } of report) {
  for (const missing of result.missing) console.log(`${missing.name}: NOT MEASURED: ${missing.reason}`);
  if (result.notes.length > 0) {
    console.log(`\n-- ${name}: where the time goes`);
    for (const note of result.notes) console.log(`  ${note}`);
  }
}
const unmet = [
  ...metrics.filter((m) => TARGETS[m.name] && !TARGETS[m.name]?.met(m.value)).map((m) => m.name),
  ...peerVerdicts.filter((v) => !v.met).map((v) => v.name),
  ...unmetFloorRatios(metrics),
];
if (unmet.length > 0) console.log(`\ntargets not met: ${unmet.join(', ')}`);
if (failures.length > 0) {
  console.log(
    `\nsuites that failed (no metric written for them): ${failures.map((f) => f.split(':')[0]).join(', ')}`,
  );
  process.exitCode = 1;
}
