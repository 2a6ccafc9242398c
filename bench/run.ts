// `npm run bench`: speed targets live here, never in timed tests.
// Writes bench/results/latest.json as { metrics: [{ name, value, unit }] }.
// The sync benchmarks of the data issue (100k first sync in Chromium, offline
// push, PouchDB peer, 500 tills) will add their metrics to this same file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { defaultScanConfig, parseScan } from '../src/core/barcodes';
import { migrate } from '../sync-server/src/db/migrate';
import { openPglite } from '../sync-server/src/db/pglite-database';
import { generateFrenchCatalog } from '../sync-server/src/demo/french-catalog';
import { seedDemoCatalog } from '../sync-server/src/demo/seed-catalog';

interface Metric {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

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

const metrics: Metric[] = [parseScanThroughput(), await seedOnPglite()];
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify({ metrics }, null, 2)}\n`);
for (const metric of metrics) console.log(`${metric.name}: ${metric.value} ${metric.unit}`);
