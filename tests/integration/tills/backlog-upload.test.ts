import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../../scripts/lib/service-process';
import { verifyChain } from '../../../src/core/journal/verify-chain';
import { BULK_UPLOAD_ENTRIES } from '../../../src/data/sync/journal-upload';
import { type FaultProxy, startFaultProxy } from '../../support/fault-proxy';
import { startSyncServer, stopAll } from '../../support/processes';
import { enrolNodeTill, eventually, type NodeTill } from '../../support/till-in-node';
import { portOf, serverIncidents, serverJournal } from './server-view';

// A till back online after a long outage uploads its backlog before it takes
// in the store's feeds (stock, sales), which wait meanwhile
// (pullReplication's holdWhile$). Here: the backlog reaches the server once,
// and the feeds are not left held afterwards: the till finds every sale of
// the backlog in the store's sales feed.

const BACKLOG = BULK_UPLOAD_ENTRIES + 20;

describe('a backlog of offline sales (pglite)', () => {
  let server: ServiceProcess;
  let proxy: FaultProxy;
  let till: NodeTill | undefined;

  beforeAll(async () => {
    server = await startSyncServer({ seedDemoCatalog: false });
    proxy = await startFaultProxy(portOf(server.url));
    till = await enrolNodeTill(server.url, proxy.url, 'PAR01', '01', { storeSales: true });
    await till.sync.awaitInitialSync();
  });

  afterAll(async () => {
    await till?.close();
    await proxy?.close();
    await stopAll();
  });

  it('goes up first, once; then the feeds catch up', async () => {
    const a = till;
    if (!a?.db.sales) throw new Error('till not started with the sales feed');
    proxy.setMode({ kind: 'offline' });
    const sold: string[] = [];
    for (let i = 0; i < BACKLOG; i++) {
      const entry = await a.sell(1);
      if (entry.kind !== 'sale.completed') throw new Error(`not a sale: ${entry.kind}`);
      sold.push(entry.payload.saleId);
    }
    expect((await a.status()).pending).toBe(BACKLOG);

    // Back online: when the backlog starts and ends going up (tried offline meanwhile, it said so
    // and stopped each time the link refused it).
    const told: { bulk: boolean; at: number }[] = [];
    const watching = a.sync.journalUpload.bulk$.subscribe((bulk) => told.push({ bulk, at: Date.now() }));
    proxy.setMode({ kind: 'pass' });
    await a.waitForOutboxEmpty(60_000);
    const stored = await serverJournal(server.url, a.identity);
    expect(stored).toHaveLength(BACKLOG);
    expect(verifyChain(stored).ok).toBe(true);
    expect(await serverIncidents(server.url)).toEqual([]);
    // The upload said it was sending a backlog, and said when it was done.
    await eventually(
      async () => (told.at(-1)?.bulk === false ? true : undefined),
      10_000,
      'the backlog to end',
    );
    watching.unsubscribe();
    const start = told.findLastIndex((t) => t.bulk);
    expect(start).toBeGreaterThanOrEqual(0);
    const [from, to] = [told[start]?.at ?? 0, told[start + 1]?.at ?? 0];
    // Meanwhile the till asked for neither of the store's feeds.
    const feedPulls = proxy
      .log()
      .filter((r) => r.at >= from && r.at <= to && /\/(inventory|sales)\/pull/.test(r.path));
    expect(feedPulls).toEqual([]);

    // The feeds were held, not dropped: every sale of the backlog reaches the till's sales feed.
    await eventually(
      async () => ((await a.db.sales?.findByIds(sold).exec())?.size === BACKLOG ? true : undefined),
      30_000,
      'the backlog in the sales feed',
    );
  });
});
