import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Product } from '../../src/core/catalog/product';
import type { PouchPageApi } from '../browser/pouch-page';
import type { BenchBrowser } from '../lib/browser';
import { generateLargeCatalog } from '../lib/catalog';
import { type BenchSizes, countLabel } from '../lib/config';
import { emptyResult, round, type SuiteResult } from '../lib/metrics';
import { chromiumCpuSeconds, cpuDuring, cpuSeconds, formatCpu, rssMegabytes } from '../lib/server';

// The same two workloads with the classic offline-first peer: PouchDB in the
// same Chromium (IndexedDB adapter) replicating with pouchdb-server (PouchDB
// on LevelDB behind a CouchDB-compatible HTTP API). PouchDB's replication
// batch size is tuned first on a smaller probe, then the full size runs once
// with the best one.

const BATCH_SIZES = [100, 500, 2_000] as const;
const PROBE_PRODUCTS = 10_000;
const PROBE_SALES = 2_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface PouchServer {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

async function startPouchServer(): Promise<PouchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'till-bench-pouchdb-'));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      join(process.cwd(), 'node_modules/pouchdb-server/bin/pouchdb-server'),
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--dir',
      join(dir, 'data'),
      '--no-stdout-logs',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`pouchdb-server exited (code ${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(url)).ok) return { url, child, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`pouchdb-server did not answer within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function seedPouch(url: string, name: string, products: readonly Product[]): Promise<void> {
  const created = await fetch(`${url}/${name}`, { method: 'PUT' });
  if (!created.ok) throw new Error(`create ${name}: HTTP ${created.status}`);
  for (let start = 0; start < products.length; start += 5_000) {
    const docs = products.slice(start, start + 5_000).map((p) => ({ _id: p.id, ...p }));
    const response = await fetch(`${url}/${name}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    if (!response.ok) throw new Error(`seed ${name}: HTTP ${response.status} ${await response.text()}`);
  }
}

async function docCount(url: string, name: string): Promise<number> {
  const response = await fetch(`${url}/${name}`);
  return ((await response.json()) as { doc_count: number }).doc_count;
}

type Call<K extends keyof PouchPageApi> = PouchPageApi[K];

function pouchCall<K extends keyof PouchPageApi>(page: Page, method: K): Call<K> {
  return ((...args: unknown[]) =>
    page.evaluate(
      ([name, params]) =>
        (window.pouchBench[name as keyof PouchPageApi] as (...a: unknown[]) => unknown)(
          ...(params as unknown[]),
        ),
      [method, args] as const,
    )) as unknown as Call<K>;
}

export async function runPouchdbPeer(browser: BenchBrowser, sizes: BenchSizes): Promise<SuiteResult> {
  const result = emptyResult();
  const { metrics, notes } = result;
  const pouch = await startPouchServer();
  let peakRss = 0;
  const sampler = setInterval(() => {
    if (pouch.child.pid) peakRss = Math.max(peakRss, rssMegabytes(pouch.child.pid));
  }, 500);
  try {
    const catalog = generateLargeCatalog(sizes.products);
    const probeSize = Math.min(PROBE_PRODUCTS, catalog.length);
    const seedStarted = performance.now();
    await seedPouch(pouch.url, 'products', catalog);
    await seedPouch(pouch.url, 'products_probe', catalog.slice(0, probeSize));
    notes.push(
      `seeded pouchdb-server (LevelDB) with ${catalog.length} + ${probeSize} products through _bulk_docs in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    const page = await browser.open('pouch-page', 'pouchBench');
    const firstSync = pouchCall(page, 'firstSync');
    const serverPid = pouch.child.pid;
    if (serverPid === undefined) throw new Error('pouchdb-server has no pid');
    const pushOffline = async (
      remoteUrl: string,
      count: number,
      batchSize: number,
      products: readonly Product[],
    ) => {
      const recorded = await pouchCall(page, 'recordOffline')(count, products);
      const pushed = await cpuDuring(
        { 'pouchdb-server': () => cpuSeconds(serverPid), Chromium: chromiumCpuSeconds },
        () => pouchCall(page, 'replicateTo')(recorded.database, remoteUrl, batchSize),
      );
      return { ...recorded, ...pushed.result, cpu: pushed };
    };

    // First sync: probe the batch sizes, then the full catalog with the best.
    const pullRates: { batch: number; docsPerSecond: number }[] = [];
    for (const batch of BATCH_SIZES) {
      const probe = await firstSync(`${pouch.url}/products_probe`, batch);
      if (probe.docs !== probeSize) throw new Error(`pouch probe pulled ${probe.docs} of ${probeSize}`);
      pullRates.push({ batch, docsPerSecond: Math.round(probeSize / probe.seconds) });
    }
    const bestPull = pullRates.reduce((a, b) => (b.docsPerSecond > a.docsPerSecond ? b : a));
    const full = await firstSync(`${pouch.url}/products`, bestPull.batch);
    if (full.docs !== catalog.length)
      throw new Error(`pouch first sync pulled ${full.docs} of ${catalog.length}`);
    metrics.push({
      name: `peer.pouchdb.first_sync_${countLabel(sizes.products)}.seconds`,
      value: round(full.seconds, 2),
      unit: 's',
    });
    notes.push(
      `first sync batch-size probe (${probeSize} products, adapter "${full.adapter}"): ${pullRates.map((r) => `batch_size ${r.batch}: ${r.docsPerSecond} docs/s`).join(', ')}; full run with ${bestPull.batch}: ${Math.round(catalog.length / full.seconds)} docs/s`,
    );

    // Offline push: the same probe, then the full size.
    const sample = catalog.slice(0, 2_000);
    const probeSales = Math.min(PROBE_SALES, sizes.sales);
    const pushRates: { batch: number; docsPerSecond: number }[] = [];
    let trial = 0;
    for (const batch of BATCH_SIZES) {
      const target = `journal_probe_${trial++}`;
      const probe = await pushOffline(`${pouch.url}/${target}`, probeSales, batch, sample);
      if ((await docCount(pouch.url, target)) !== probeSales)
        throw new Error(`pouch push probe: not all stored`);
      pushRates.push({ batch, docsPerSecond: Math.round(probeSales / probe.seconds) });
    }
    const bestPush = pushRates.reduce((a, b) => (b.docsPerSecond > a.docsPerSecond ? b : a));
    const pushed = await pushOffline(`${pouch.url}/journal`, sizes.sales, bestPush.batch, sample);
    const stored = await docCount(pouch.url, 'journal');
    if (stored !== sizes.sales) throw new Error(`pouchdb-server holds ${stored} of ${sizes.sales} entries`);
    metrics.push({
      name: `peer.pouchdb.push_offline_${countLabel(sizes.sales)}.seconds`,
      value: round(pushed.seconds, 2),
      unit: 's',
    });
    notes.push(
      `push batch-size probe (${probeSales} sales): ${pushRates.map((r) => `batch_size ${r.batch}: ${r.docsPerSecond} docs/s`).join(', ')}; full run with ${bestPush.batch}: ${Math.round(sizes.sales / pushed.seconds)} docs/s (same ${pushed.avgBytes} B journal entries, recorded with bulkDocs in ${pushed.recordSeconds.toFixed(1)} s)`,
      `CPU during that push: ${formatCpu(pushed.cpu)}`,
      `pouchdb-server peak RSS ${peakRss.toFixed(0)} MB`,
    );
    await page.close();
  } finally {
    clearInterval(sampler);
    await pouch.stop();
  }
  return result;
}
