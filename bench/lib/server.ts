import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type ServiceProcess, startService } from '../../scripts/lib/service-process';
import type { Product } from '../../src/core/catalog/product';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../src/core/sync/protocol';
import { openPostgres } from '../../sync-server/src/db/pg-database';
import { TEST_ADMIN_TOKEN } from '../../tests/support/processes';
import { BUILD_DIR } from './browser';
import { copyProducts } from './copy-products';

// The sync server exactly as it ships (sync-server/src/main.ts bundled the
// way scripts/build-node.ts does it), built fresh from the current sources
// into node_modules/.cache/bench so the bench never measures a stale dist/,
// run as its own process on a scratch PostgreSQL database.

const SERVER_BUNDLE = join(BUILD_DIR, 'sync-server.js');

export async function buildServer(): Promise<void> {
  await build({
    entryPoints: ['sync-server/src/main.ts'],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    format: 'esm',
    sourcemap: true,
    logLevel: 'warning',
  });
}

/** `seedDemo`: the demo store (catalog, staff with their PINs, settings), as `npm start` seeds it. */
export function startBenchServer(databaseUrl: string, { seedDemo = false } = {}): Promise<ServiceProcess> {
  return startService({
    name: 'sync-server',
    // BENCH_SERVER_CPU_PROF=<dir> writes a V8 CPU profile of the server there (open it in Chrome DevTools).
    args: [
      '--enable-source-maps',
      ...(process.env.BENCH_SERVER_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_CPU_PROF}`]
        : []),
      SERVER_BUNDLE,
    ],
    env: {
      TILL_SYNC_PORT: '0',
      TILL_DATABASE_URL: databaseUrl,
      TILL_SEED_DEMO_CATALOG: seedDemo ? 'true' : 'false',
      // BENCH_SERVER_LOG_LEVEL=info prints the server's request log (with response times) into the bench output.
      TILL_LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'warn',
      TILL_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    },
    readyTimeoutMs: 120_000,
    echo: process.env.BENCH_SERVER_LOG_LEVEL !== undefined,
  });
}

/** Resident set size of a process, from /proc (Linux). */
export function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/**
 * The read and write system calls a process has made so far, with their bytes, from /proc (Linux):
 * on this machine a system call on a socket costs tens of microseconds, so their count is part of
 * what a request costs, whatever the load.
 */
export function systemCalls(pid: number): {
  reads: number;
  writes: number;
  readBytes: number;
  writtenBytes: number;
} {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)`, 'm').exec(io)?.[1] ?? Number.NaN);
  return {
    reads: field('syscr'),
    writes: field('syscw'),
    readBytes: field('rchar'),
    writtenBytes: field('wchar'),
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after "pid (comm) ".
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds used so far by every process on this machine whose name (`comm`) passes `named`. */
export function cpuSecondsOfProcesses(named: (comm: string) => boolean): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (named(readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) total += cpuSeconds(Number(entry));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/**
 * CPU seconds used so far by every process named `postgres` on this machine
 * (the local PostgreSQL the bench runs against): with the server, the tills
 * and PostgreSQL on 2 cores, its share is part of what a push waits for.
 */
export function postgresCpuSeconds(): number {
  return cpuSecondsOfProcesses((comm) => comm === 'postgres');
}

/** The same for Chromium's processes (browser, renderers, GPU, utilities): the page's side of a push. */
export function chromiumCpuSeconds(): number {
  return cpuSecondsOfProcesses((comm) => comm.startsWith('chrom'));
}

/**
 * CPU seconds spent by each process of a push while `work` runs, and what
 * they add up to on this machine's cores: a push cannot take less wall time
 * than its CPU seconds over the cores, whatever it overlaps.
 */
export async function cpuDuring<T>(
  processes: Record<string, () => number>,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: Record<string, number>; total: number; coreSeconds: number }> {
  const before = Object.fromEntries(Object.entries(processes).map(([name, read]) => [name, read()]));
  const result = await work();
  const cpu = Object.fromEntries(
    Object.entries(processes).map(([name, read]) => [name, read() - (before[name] ?? 0)]),
  );
  const total = Object.values(cpu).reduce((sum, seconds) => sum + seconds, 0);
  return { result, cpu, total, coreSeconds: total / availableParallelism() };
}

/** cpuDuring for the processes of a till's sync in the bench: the sync server, PostgreSQL and Chromium. */
export function cpuOfSync<T>(server: ServiceProcess, work: () => Promise<T>) {
  const pid = server.child.pid;
  if (pid === undefined) throw new Error('sync server has no pid');
  return cpuDuring(
    { 'sync server': () => cpuSeconds(pid), PostgreSQL: postgresCpuSeconds, Chromium: chromiumCpuSeconds },
    work,
  );
}

/** "server 2.1 s, PostgreSQL 1.3 s, Chromium 0.9 s: 4.3 CPU-s, 2.15 s on 2 cores". */
export function formatCpu(measured: {
  cpu: Record<string, number>;
  total: number;
  coreSeconds: number;
}): string {
  const parts = Object.entries(measured.cpu).map(([name, seconds]) => `${name} ${seconds.toFixed(2)} s`);
  return `${parts.join(', ')}: ${measured.total.toFixed(2)} CPU-s, at least ${measured.coreSeconds.toFixed(2)} s of wall time on ${availableParallelism()} cores`;
}

/** Products written server-side straight into the document store with one COPY, as the catalog import would. */
export async function seedProducts(databaseUrl: string, products: readonly Product[]): Promise<void> {
  await copyProducts(databaseUrl, products);
}

/** Counts the documents of a collection (and scope) in the server's database. */
export async function countDocuments(databaseUrl: string, collection: string, scope?: string) {
  const db = openPostgres(databaseUrl);
  try {
    const result = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM sync_documents WHERE collection = $1 ${scope ? 'AND scope = $2' : ''}`,
      scope ? [collection, scope] : [collection],
    );
    return result.rows[0]?.count ?? 0;
  } finally {
    await db.close();
  }
}

const protocol = { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) };

/** One pairing code from the admin API, as a store manager would issue it. */
export async function issuePairingCode(
  syncUrl: string,
  storeCode: string,
  tillCode: string,
): Promise<string> {
  const response = await fetch(`${syncUrl}/admin/v1/pairing-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json', ...protocol },
    body: JSON.stringify({ storeCode, tillCode }),
  });
  if (response.status !== 201)
    throw new Error(
      `pairing code ${storeCode}/${tillCode}: HTTP ${response.status} ${await response.text()}`,
    );
  return ((await response.json()) as { pairingCode: string }).pairingCode;
}

export interface NodeTill {
  readonly tillId: string;
  readonly storeCode: string;
  readonly tillCode: string;
  readonly accessToken: string;
}

/** Enrols a till with a fresh pairing code and fetches its access token (the till's own steps). */
export async function enrolNodeTill(syncUrl: string, storeCode: string, tillCode: string): Promise<NodeTill> {
  const pairingCode = await issuePairingCode(syncUrl, storeCode, tillCode);
  const enrol = await fetch(`${syncUrl}/sync/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...protocol },
    body: JSON.stringify({ pairingCode, deviceName: `bench ${storeCode}-${tillCode}` }),
  });
  if (enrol.status !== 201) throw new Error(`enrol: HTTP ${enrol.status} ${await enrol.text()}`);
  const identity = (await enrol.json()) as { tillId: string; credential: string };
  const token = await fetch(`${syncUrl}/sync/v1/token`, {
    method: 'POST',
    headers: { authorization: `Bearer ${identity.tillId}.${identity.credential}`, ...protocol },
  });
  if (token.status !== 200) throw new Error(`token: HTTP ${token.status} ${await token.text()}`);
  const { accessToken } = (await token.json()) as { accessToken: string };
  return { tillId: identity.tillId, storeCode, tillCode, accessToken };
}

export const syncHeaders = (till: NodeTill): Record<string, string> => ({
  authorization: `Bearer ${till.accessToken}`,
  ...protocol,
});
