import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../../scripts/lib/service-process';
import { type Product, productSchema } from '../../../src/core/catalog/product';
import { verifyChain } from '../../../src/core/journal/verify-chain';
import {
  type FaultProxy,
  type LoggedRequest,
  type SeenRequest,
  startFaultProxy,
} from '../../support/fault-proxy';
import { makeTempDir, startSyncServer, stopAll } from '../../support/processes';
import { enrolNodeTill, eventually, type NodeTill } from '../../support/till-in-node';
import { portOf, serverDocuments, serverIncidents, serverJournal } from './server-view';

// One till behind a misbehaving link, against the real server on embedded
// PGlite (the store's default), in the order a bad day would bring them:
// the first catalog download is cut, a push's answer is lost, the server
// crashes mid-push and comes back, the link stays down for a while.

const isPush = (r: SeenRequest) => r.method === 'POST' && r.path.endsWith('/journal/upload');
const checkpointOf = (r: SeenRequest) => Number(new URL(r.path, 'http://x').searchParams.get('checkpoint'));
const pageOf = (r: SeenRequest) => new URL(r.path, 'http://x').searchParams.get('after');

describe('a till on a faulty link (pglite)', () => {
  const databaseUrl = `pglite:${join(makeTempDir('till-faults'), 'db')}`;
  let server: ServiceProcess;
  let proxy: FaultProxy;
  let till: NodeTill;
  const sold: string[] = [];
  let journalConflicts = 0;

  beforeAll(async () => {
    server = await startSyncServer({ databaseUrl });
    proxy = await startFaultProxy(portOf(server.url));
  });

  afterAll(async () => {
    await till?.close();
    await proxy?.close();
    await stopAll();
  });

  it('connection cut mid-download of the catalog snapshot: the till fetches only the pages it lacks, full catalog, no duplicate', async () => {
    // The pages of the snapshot (1,000 products each) download together; the second is cut after 4 KiB.
    proxy.setMode({
      kind: 'cut-mid-response',
      match: (r) => r.path.includes('/catalog/pages') && Number(pageOf(r)) > 0,
      afterBytes: 4 * 1024,
      times: 1,
    });
    till = await enrolNodeTill(server.url, proxy.url, 'PAR01', '01', { catalogPageSize: 1000 });
    till.sync.journalUpload.conflict$.subscribe(() => journalConflicts++);
    await till.sync.awaitInitialSync();

    const pages = proxy.log().filter((r) => r.path.includes('/catalog/pages'));
    const cut = pages.find((r) => r.outcome === 'response-cut') as LoggedRequest;
    expect(cut).toBeDefined();
    // The cut page was asked for again; every other page exactly once; one manifest.
    const asked = pages.map(pageOf);
    expect(asked.filter((after) => after === pageOf(cut))).toHaveLength(2);
    expect(new Set(asked).size).toBe(asked.length - 1);
    expect(proxy.log().filter((r) => r.path.includes('/catalog/snapshot'))).toHaveLength(1);
    // The changes after the snapshot were pulled from its checkpoint, never from 0.
    const pulls = proxy.log().filter((r) => r.path.includes('/products/pull'));
    expect(pulls.length).toBeGreaterThan(0);
    expect(pulls.map(checkpointOf)).not.toContain(0);

    const onServer = await serverDocuments(server.url, till.identity, 'products', productSchema);
    const local: Product[] = [];
    for await (const slice of till.db.catalog.slices()) local.push(...slice);
    expect(onServer.length).toBeGreaterThan(2_000);
    expect(local).toHaveLength(onServer.length);
    expect(new Set(local.map((p) => p.id))).toEqual(new Set(onServer.map((p) => p.id)));
    expect(await till.status()).toMatchObject({ pending: 0, failed: 0, stream: 'open' });
  });

  it('response lost after the server committed a push: the till sends it again; stored once, no conflict, no incident', async () => {
    proxy.setMode({ kind: 'lose-responses', match: isPush, times: 1 });
    for (let i = 0; i < 3; i++) sold.push((await till.sell()).id);
    await eventually(
      async () => (proxy.log().some((r) => isPush(r) && r.outcome === 'response-lost') ? true : undefined),
      10_000,
      'a push whose response is lost',
    );
    // Hold the retry back to show the server did commit what the till never heard about.
    proxy.setMode({ kind: 'offline' });
    const committed = (await serverJournal(server.url, till.identity)).map((e) => e.id);
    expect(committed.length).toBeGreaterThan(0);
    expect((await till.status()).pending).toBeGreaterThan(0);

    proxy.setMode({ kind: 'pass' });
    await till.waitForOutboxEmpty(30_000);
    const stored = await serverJournal(server.url, till.identity);
    expect(stored.map((e) => e.id)).toEqual(sold);
    expect(journalConflicts).toBe(0);
    expect(await serverIncidents(server.url)).toEqual([]);
    expect(await till.status()).toMatchObject({ pending: 0, failed: 0 });
  });

  it('server killed during a push and restarted on the same data on a new port: nothing lost, nothing doubled', async () => {
    const crashed = server;
    const exited = new Promise((resolve) => crashed.child.once('exit', resolve));
    let killedDuring: LoggedRequest | undefined;
    const stopWatching = proxy.onRequest((request) => {
      if (!isPush(request)) return;
      stopWatching();
      killedDuring = request;
      // As the request leaves the proxy: the server is receiving, reading or committing it. (A
      // journal upload without the projections in its transaction is answered within 5 ms.)
      crashed.child.kill('SIGKILL');
    });
    for (let i = 0; i < 3; i++) sold.push((await till.sell()).id);
    await exited;
    // The till never heard back about that push.
    expect(killedDuring?.outcome).toMatch(/in-flight|upstream-down/);
    await eventually(
      async () => ((await till.status()).error ? true : undefined),
      10_000,
      'the failure to show',
    );
    expect((await till.status()).pending).toBeGreaterThan(0);

    server = await startSyncServer({ databaseUrl });
    proxy.retarget(portOf(server.url));
    await till.waitForOutboxEmpty(60_000);

    const stored = await serverJournal(server.url, till.identity);
    expect(stored.map((e) => e.id)).toEqual(sold);
    expect(stored.map((e) => e.sequence)).toEqual(sold.map((_, i) => i + 1));
    expect(verifyChain(stored).ok).toBe(true);
    expect(journalConflicts).toBe(0);
    expect(await serverIncidents(server.url)).toEqual([]);
  });

  it('while the link is down the till backs off instead of hammering the server', async () => {
    await eventually(
      async () => ((await till.status()).active ? undefined : true),
      10_000,
      'the till to be idle',
    );
    proxy.setMode({ kind: 'offline' });
    const since = Date.now();
    sold.push((await till.sell()).id);
    await new Promise((resolve) => setTimeout(resolve, 12_000));

    const attempts = proxy.log().filter((r) => r.at >= since && r.outcome === 'refused');
    const pushes = attempts.filter(isPush).map((r) => r.at);
    const gaps = pushes.slice(1).map((at, i) => at - (pushes[i] ?? at));
    // A fixed 1 s retry would push about twelve times; the journal upload's back-off (1 s doubling,
    // full jitter: the n-th wait is 2^(n-1) s times 0.5 to 1) four or five times, further and further apart.
    expect(pushes.length).toBeGreaterThanOrEqual(3);
    expect(pushes.length).toBeLessThanOrEqual(5);
    expect(Math.min(...gaps)).toBeGreaterThan(450);
    expect(gaps.at(-1)).toBeGreaterThan(gaps[0] ?? Number.POSITIVE_INFINITY);
    // Every loop of the till together (pulls, pushes, live stream) stays well under one attempt a second.
    expect(attempts.length).toBeLessThan(20);
    expect(await till.status()).toMatchObject({ pending: 1, failed: 0 });
    expect((await till.status()).stream).not.toBe('open');
    expect((await till.status()).error).toBeDefined();

    // The link returns and a health check notices: the sale leaves at once rather than at the end of its back-off.
    proxy.setMode({ kind: 'pass' });
    till.sync.retryNow();
    await till.waitForOutboxEmpty(5_000);
    expect((await serverJournal(server.url, till.identity)).map((e) => e.id)).toEqual(sold);
    // The status bar no longer shows the outage's error once every request loop got through again.
    await eventually(
      async () => ((await till.status()).error === undefined ? true : undefined),
      10_000,
      'the sync error to clear',
    );
  });
});
