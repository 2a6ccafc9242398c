import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../../scripts/lib/service-process';
import { idSequence } from '../../../src/core/cart/test-builders';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import { aReturnAt, aSaleAt } from '../../../src/core/returns/store-sale-test-builders';
import type { CompletedSale } from '../../../src/core/sale/completed-sale';
import { markIncidentsSeen, readSeenIncidents, watchFlaggedSales } from '../../../src/data/return-incidents';
import { findReturnableSale } from '../../../src/data/returnable-sales';
import {
  createReturnIncidentsStore,
  incidentsToShow,
  startReturnIncidents,
} from '../../../src/state/return-incidents';
import type { Database } from '../../../sync-server/src/db/database';
import { openPostgres } from '../../../sync-server/src/db/pg-database';
import { type FaultProxy, startFaultProxy } from '../../support/fault-proxy';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import { createScratchDatabase, type ScratchDatabase } from '../../support/postgres';
import { startSyncServer, stopAll } from '../../support/processes';
import { enrolNodeTill, eventually, issuePairingCode, type NodeTill } from '../../support/till-in-node';
import { portOf, serverIncidents } from './server-view';

// Issue 12, "Double returns": a sale made on till 01 reaches till 02 through
// the store's sales feed (as a delta in its live stream, issue 15); with the link down, till 02 finds it and returns a
// line, while till 03 (offline too) returns the same line. Both sync: the
// server records one incident naming both returns, the back office lists it,
// and till 02 shows it to a manager. Till 02 runs the real data layer (RxDB,
// replication, live stream); tills 01 and 03 push their journals over HTTP
// (two RxDB tills with the feed would not fit RxDB's 13 collections per process).

const PROTOCOL = { 'x-till-protocol': '1' };
const entryId = idSequence(Date.now());

interface HttpTill {
  readonly journal: TestJournal;
  readonly till: { storeCode: string; tillCode: string };
  push(entries: readonly JournalEntry[]): Promise<void>;
}

async function enrolHttpTill(serverUrl: string, storeCode: string, tillCode: string): Promise<HttpTill> {
  const pairingCode = await issuePairingCode(serverUrl, storeCode, tillCode);
  const enrolled = await fetch(`${serverUrl}/sync/v1/enrol`, {
    method: 'POST',
    headers: { ...PROTOCOL, 'content-type': 'application/json' },
    body: JSON.stringify({ pairingCode, deviceName: `caisse ${tillCode}` }),
  });
  const identity = (await enrolled.json()) as { tillId: string; credential: string };
  const token = await fetch(`${serverUrl}/sync/v1/token`, {
    method: 'POST',
    headers: { ...PROTOCOL, authorization: `Bearer ${identity.tillId}.${identity.credential}` },
  });
  const { accessToken } = (await token.json()) as { accessToken: string };
  return {
    journal: new TestJournal({ storeCode, tillCode, tillId: identity.tillId }),
    till: { storeCode, tillCode },
    async push(entries) {
      const response = await fetch(`${serverUrl}/sync/v1/journal/push`, {
        method: 'POST',
        headers: { ...PROTOCOL, 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify(asNewRows(entries)),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      expect(await response.json()).toEqual([]);
    },
  };
}

interface DoubleReturnIncident {
  id: number;
  code: string;
  held: boolean;
  detail: { saleId: string; returns: { returnId: string; tillCode: string }[] };
}

describe('the same sale line returned on two offline tills (postgres)', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  let server: ServiceProcess;
  let proxy: FaultProxy;
  let seller: HttpTill;
  let other: HttpTill;
  let till: NodeTill;
  let sale: CompletedSale;

  beforeAll(async () => {
    scratch = await createScratchDatabase('till_double_return');
    server = await startSyncServer({ databaseUrl: scratch.url, seedDemoCatalog: false });
    db = openPostgres(scratch.url);
    proxy = await startFaultProxy(portOf(server.url));
    seller = await enrolHttpTill(server.url, 'PAR01', '01');
    other = await enrolHttpTill(server.url, 'PAR01', '03');
    till = await enrolNodeTill(server.url, proxy.url, 'PAR01', '02', { storeSales: true });
    await till.sync.awaitInitialSync();
  }, 60_000);

  afterAll(async () => {
    await till?.close();
    await proxy?.close();
    await stopAll();
    await db?.close();
    await scratch?.drop();
  });

  it("brings till 01's sale to till 02, which finds it with no network", async () => {
    // The till asks its stream for the store's sales as deltas (docs/sync-protocol.md, section 8).
    await eventually(
      async () => proxy.log().find((r) => r.path.startsWith('/sync/v1/stream')),
      15_000,
      'the live stream',
    );
    expect(proxy.log().find((r) => r.path.startsWith('/sync/v1/stream'))?.path).toBe(
      '/sync/v1/stream?deltas=inventory,sales',
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // the pulls that follow the connect
    const beforeSale = proxy.log().length;
    sale = aSaleAt(seller.till, new Date().toISOString());
    await seller.push([seller.journal.append({ kind: 'sale.completed', payload: sale })]);
    await eventually(
      async () => (await till.db.sales?.findOne(sale.saleId).exec()) ?? undefined,
      15_000,
      'the sale in the feed',
    );
    // It came in a delta: till 02 did not pull the store's sales for it.
    expect(
      proxy
        .log()
        .slice(beforeSale)
        .filter((r) => r.path.startsWith('/sync/v1/sales/pull')),
    ).toEqual([]);

    proxy.setMode({ kind: 'offline' });
    const found = await findReturnableSale(
      till.db,
      { receiptNumber: 'PAR01-01-000001' },
      till.sync.lookupSale,
    );
    expect(found).toMatchObject({
      ok: true,
      value: { foundIn: 'store-feed', receiptNumber: 'PAR01-01-000001' },
    });
    // An older sale is not on the till, and the server cannot be asked.
    expect(
      await findReturnableSale(till.db, { receiptNumber: 'PAR01-01-000099' }, till.sync.lookupSale),
    ).toEqual({
      ok: false,
      error: { code: 'online-only' },
    });
  });

  it('both tills return the same line offline; once both sync, one incident names both returns', async () => {
    const line = sale.lines[0]?.lineId ?? '';
    const here = aReturnAt(till.identity, sale, 0, new Date().toISOString());
    const appended = await till.journal.append({
      kind: 'return.completed',
      payload: here,
      id: entryId(),
      recordedAt: new Date().toISOString(),
    });
    expect(appended.ok).toBe(true);
    // Offline, the till counts its own return at once: nothing of that line is left to return here.
    const after = await findReturnableSale(till.db, { receiptNumber: 'PAR01-01-000001' });
    expect(after.ok && after.value.alreadyReturned).toEqual({ [line]: 1 });

    const there = aReturnAt(other.till, sale, 0, new Date().toISOString());
    await other.push([other.journal.append({ kind: 'return.completed', payload: there })]);
    expect(
      (await serverIncidents(server.url)).filter((i) => (i as DoubleReturnIncident).code === 'double-return'),
    ).toEqual([]);

    proxy.setMode({ kind: 'pass' });
    await till.waitForOutboxEmpty(30_000);

    const incidents = await eventually(async () => {
      const all = (await serverIncidents(server.url)) as DoubleReturnIncident[];
      const found = all.filter((i) => i.code === 'double-return');
      return found.length > 0 ? found : undefined;
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ held: false, detail: { saleId: sale.saleId } });
    expect(incidents[0]?.detail.returns.map((r) => [r.returnId, r.tillCode])).toEqual([
      [there.returnId, '03'],
      [here.returnId, '02'],
    ]);
    // Both refunds are in the books: the money went out twice, and the incident says so.
    const books = await db.query<{ till_code: string; total_minor: string }>(
      "SELECT till_code, total_minor FROM returns WHERE source_type = 'sale' AND source_id = $1 ORDER BY till_code",
      [sale.saleId],
    );
    expect(books.rows.map((r) => [r.till_code, Number(r.total_minor)])).toEqual([
      ['02', 250],
      ['03', 250],
    ]);

    // The till learns it through the feed, and shows it to a manager, not to a cashier.
    const store = createReturnIncidentsStore();
    const stop = startReturnIncidents(store, {
      watchFlaggedSales: (listener) => watchFlaggedSales(till.db, listener),
      readSeenIncidents: () => readSeenIncidents(till.db),
      markIncidentsSeen: (ids) => markIncidentsSeen(till.db, ids),
    });
    const shown = await eventually(async () => {
      const list = incidentsToShow(store.getState(), 'manager');
      return list.length > 0 ? list : undefined;
    }, 15_000);
    stop();
    expect(shown.map((i) => [i.incidentId, i.receiptNumber])).toEqual([
      [incidents[0]?.id, 'PAR01-01-000001'],
    ]);
    expect(shown[0]?.returns.map((r) => r.tillCode)).toEqual(['03', '02']);
    expect(incidentsToShow(store.getState(), 'cashier')).toEqual([]);
    const feed = await till.db.sales?.findOne(sale.saleId).exec();
    expect(feed?.lines[0]?.returned).toBe(2);
  });
});
