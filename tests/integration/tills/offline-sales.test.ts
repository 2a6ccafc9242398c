import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../../scripts/lib/service-process';
import { verifyChain } from '../../../src/core/journal/verify-chain';
import { type FaultProxy, startFaultProxy } from '../../support/fault-proxy';
import { createScratchDatabase, type ScratchDatabase } from '../../support/postgres';
import { startSyncServer, stopAll } from '../../support/processes';
import { enrolNodeTill, eventually, type NodeTill } from '../../support/till-in-node';
import { portOf, serverIncidents, serverJournal } from './server-view';

// The store's link goes down; two tills keep selling; the link comes back.
// Every sale must reach the server exactly once, both chains intact.

const SALES_PER_TILL = 4;

describe.each(['pglite', 'postgres'] as const)('two tills selling through an outage (%s)', (database) => {
  let scratch: ScratchDatabase | undefined;
  let server: ServiceProcess;
  let proxy: FaultProxy;
  let tills: NodeTill[] = [];

  beforeAll(async () => {
    scratch = database === 'postgres' ? await createScratchDatabase('till_offline') : undefined;
    // No catalog: this is about the journal, and the tills start faster.
    server = await startSyncServer({
      seedDemoCatalog: false,
      ...(scratch ? { databaseUrl: scratch.url } : {}),
    });
    proxy = await startFaultProxy(portOf(server.url));
    tills = [
      await enrolNodeTill(server.url, proxy.url, 'PAR01', '01'),
      await enrolNodeTill(server.url, proxy.url, 'PAR01', '02'),
    ];
    await Promise.all(tills.map((till) => till.sync.awaitInitialSync()));
  });

  afterAll(async () => {
    await Promise.all(tills.map((till) => till.close()));
    await proxy?.close();
    await stopAll();
    await scratch?.drop();
  });

  it('holds every sale exactly once after the link returns, chains verified, no incident', async () => {
    const [a, b] = tills;
    if (!a || !b) throw new Error('tills not started');
    expect(await a.status()).toMatchObject({ pending: 0, failed: 0, stream: 'open' });

    proxy.setMode({ kind: 'offline' });
    const sold = { [a.identity.tillId]: [] as string[], [b.identity.tillId]: [] as string[] };
    for (let i = 0; i < SALES_PER_TILL; i++) {
      for (const till of [a, b]) sold[till.identity.tillId]?.push((await till.sell(1 + i)).id);
    }

    // Offline: pushes are tried and refused; the status bar shows the sales
    // waiting and the link failing.
    const refusedPushes = () =>
      proxy.log().filter((r) => r.outcome === 'refused' && r.path.endsWith('/journal/upload')).length;
    await eventually(
      async () =>
        refusedPushes() >= 2 && (await a.status()).error && (await b.status()).error ? true : undefined,
      15_000,
      'pushes of both tills to be refused',
    );
    for (const till of [a, b]) {
      expect(await till.status()).toMatchObject({ pending: SALES_PER_TILL, failed: 0 });
      expect((await till.status()).stream).not.toBe('open');
    }

    proxy.setMode({ kind: 'pass' });
    await Promise.all([a.waitForOutboxEmpty(30_000), b.waitForOutboxEmpty(30_000)]);
    for (const till of [a, b]) expect(await till.status()).toMatchObject({ pending: 0, failed: 0 });

    for (const till of [a, b]) {
      const stored = await serverJournal(server.url, till.identity);
      expect(stored.map((e) => e.id)).toEqual(sold[till.identity.tillId]);
      expect(stored.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
      expect(verifyChain(stored).ok).toBe(true);
      // The till pulls its own journal back: still one copy of each entry locally.
      expect(await till.db.journal.count().exec()).toBe(SALES_PER_TILL);
    }
    if (scratch) {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      try {
        const rows = await client.query<{ total: number; distinct_ids: number }>(
          `SELECT count(*)::int AS total, count(DISTINCT id)::int AS distinct_ids
           FROM sync_documents WHERE collection = 'journal'`,
        );
        expect(rows.rows[0]).toEqual({ total: 2 * SALES_PER_TILL, distinct_ids: 2 * SALES_PER_TILL });
      } finally {
        await client.end();
      }
    }
    expect(await serverIncidents(server.url)).toEqual([]);
  });
});
