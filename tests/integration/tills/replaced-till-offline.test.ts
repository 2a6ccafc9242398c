import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../../scripts/lib/service-process';
import { receiptNumberOf } from '../../../src/core/journal/journal-entry';
import { type FaultProxy, startFaultProxy } from '../../support/fault-proxy';
import { createScratchDatabase, type ScratchDatabase } from '../../support/postgres';
import { startSyncServer, stopAll, TEST_ADMIN_TOKEN } from '../../support/processes';
import { enrolNodeTill, type NodeTill } from '../../support/till-in-node';
import { portOf, serverIncidents, serverJournal } from './server-view';

// Two real till clients (RxDB, outbox, replication) and the built server.
// Till 01 sells, loses the link, sells once more offline and is replaced by
// a new device meanwhile. The new device continues the numbering; when the
// old one reaches the server again, revoked, its outbox still empties: the
// offline sale is stored (held for a person, its number being the new
// device's), so replacing the till lost nothing.

describe.each(['pglite', 'postgres'] as const)('a till replaced while it was offline (%s)', (database) => {
  let scratch: ScratchDatabase | undefined;
  let server: ServiceProcess;
  let proxy: FaultProxy;
  let old: NodeTill | undefined;
  let replacement: NodeTill | undefined;

  beforeAll(async () => {
    scratch = database === 'postgres' ? await createScratchDatabase('till_replaced') : undefined;
    server = await startSyncServer({
      seedDemoCatalog: false,
      ...(scratch ? { databaseUrl: scratch.url } : {}),
    });
    proxy = await startFaultProxy(portOf(server.url));
    old = await enrolNodeTill(server.url, proxy.url, 'PAR01', '01');
    await old.sync.awaitInitialSync();
  });

  afterAll(async () => {
    await old?.close();
    await replacement?.close();
    await proxy?.close();
    await stopAll();
    await scratch?.drop();
  });

  it('the new device continues the numbering; the revoked one still uploads its offline sale', async () => {
    if (!old) throw new Error('no till');
    const first = await old.sell(1);
    await old.waitForOutboxEmpty(30_000);

    proxy.setMode({ kind: 'offline' });
    const offline = await old.sell(2);
    expect(offline.sequence).toBe(first.sequence + 1);

    // The replacement talks to the server directly (the proxy is the old till's link).
    replacement = await enrolNodeTill(server.url, server.url, 'PAR01', '01');
    expect(replacement.identity.journalStart).toEqual({ sequence: first.sequence, prevHash: first.hash });
    const sold = await replacement.sell(1);
    expect(receiptNumberOf(sold)).toBe(`PAR01-01-${String(first.sequence + 1).padStart(6, '0')}`);
    await replacement.waitForOutboxEmpty(30_000);

    proxy.setMode({ kind: 'pass' });
    await old.waitForOutboxEmpty(60_000);
    expect(await old.status()).toMatchObject({ pending: 0, failed: 0 });

    const answer = await fetch(`${server.url}/admin/v1/journals`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    const { journals } = (await answer.json()) as { journals: { tillId: string; storedEntries: number }[] };
    expect(journals.find((j) => j.tillId === old?.identity.tillId)?.storedEntries).toBe(2);
    expect((await serverJournal(server.url, replacement.identity)).map((e) => e.id)).toEqual([sold.id]);
    const incidents = (await serverIncidents(server.url)) as {
      code: string;
      entryId: string;
      held: boolean;
    }[];
    expect(incidents).toEqual([
      expect.objectContaining({ code: 'receipt-number-reused', entryId: offline.id, held: true }),
    ]);
  });
});
