import { randomFillSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../../scripts/lib/service-process';
import { createUuidV7Generator } from '../../../src/core/ids';
import { EXAMPLE_KIOSK_INPUT } from '../../../src/core/orders/example-orders';
import { type KioskOrder, kioskOrderSchema } from '../../../src/core/orders/kiosk-order';
import { placeKioskOrder } from '../../../src/data/place-kiosk-order';
import type { Database } from '../../../sync-server/src/db/database';
import { openPostgres } from '../../../sync-server/src/db/pg-database';
import { type FaultProxy, startFaultProxy } from '../../support/fault-proxy';
import { createScratchDatabase, type ScratchDatabase } from '../../support/postgres';
import { startSyncServer, stopAll } from '../../support/processes';
import { enrolNodeTill, eventually, type NodeTill } from '../../support/till-in-node';
import { accessTokenOf, portOf, serverIncidents, serverJournal, serverOrders } from './server-view';

// The endless aisle with the store's link down: the customer orders at the
// kiosk while it is offline; the order waits in the kiosk's journal. When the
// link returns, the push's response is lost once, so the kiosk sends it
// again. The server must hold the order exactly once, list it once in the
// kiosk export for fulfilment, and the pickup desk (another till of the
// store) must pull it. Real server process on PostgreSQL, real TCP proxy,
// the renderer's data layer in Node.

const SHOP_KEY = 'kiosk-test-shop-key-0123456789';
const newId = createUuidV7Generator({
  now: () => Date.now(),
  randomBytes: (n) => randomFillSync(new Uint8Array(n)),
});

describe('a kiosk order placed offline (postgres)', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  let server: ServiceProcess;
  let proxy: FaultProxy;
  let kiosk: NodeTill;
  let desk: NodeTill;

  beforeAll(async () => {
    scratch = await createScratchDatabase('till_kiosk_order');
    server = await startSyncServer({
      databaseUrl: scratch.url,
      seedDemoCatalog: false,
      shopApiKey: SHOP_KEY,
    });
    db = openPostgres(scratch.url);
    proxy = await startFaultProxy(portOf(server.url));
    kiosk = await enrolNodeTill(server.url, proxy.url, 'PAR01', 'K1');
    desk = await enrolNodeTill(server.url, proxy.url, 'PAR01', '02');
    await Promise.all([kiosk.sync.awaitInitialSync(), desk.sync.awaitInitialSync()]);
  });

  afterAll(async () => {
    await Promise.all([kiosk?.close(), desk?.close()]);
    await proxy?.close();
    await stopAll();
    await db?.close();
    await scratch?.drop();
  });

  const exportedOrders = async () => {
    const response = await fetch(`${server.url}/shop/v1/kiosk-orders?after=0`, {
      headers: { authorization: `Bearer ${SHOP_KEY}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { documents: { id: string; _deleted: boolean }[] }).documents;
  };
  const localOrder = async (till: NodeTill, id: string) => {
    const doc = await till.db.orders.findOne(id).exec();
    return doc ? kioskOrderSchema.parse(doc.toMutableJSON()) : undefined;
  };

  it('reaches the server once, the export once, and the pickup desk', async () => {
    proxy.setMode({ kind: 'offline' });
    const placed = await placeKioskOrder(
      kiosk.journal,
      {
        ...EXAMPLE_KIOSK_INPUT,
        id: newId(),
        storeCode: kiosk.identity.storeCode,
        kioskId: kiosk.identity.tillId,
        fulfilment: { type: 'store-pickup' },
        paymentMethod: 'at-till',
      },
      { placedAt: new Date().toISOString() },
      { id: newId(), recordedAt: new Date().toISOString() },
    );
    if (!placed.ok) throw new Error(JSON.stringify(placed.error));
    const order: KioskOrder = placed.value;
    expect(order.status).toBe('submitted');
    // Offline: the order waits in the kiosk's outbox; nobody else knows it.
    expect(await kiosk.status()).toMatchObject({ pending: 1, failed: 0 });
    expect(await localOrder(kiosk, order.id)).toBeUndefined();

    // The link comes back, but the answer to the first journal push is lost: the kiosk sends it again.
    const isJournalPush = (r: { method: string; path: string }) =>
      r.method === 'POST' && r.path.startsWith('/sync/v1/journal/upload');
    proxy.setMode({ kind: 'lose-responses', match: isJournalPush, times: 1 });
    await kiosk.waitForOutboxEmpty(30_000);
    expect(proxy.log().some((r) => isJournalPush(r) && r.outcome === 'response-lost')).toBe(true);
    proxy.setMode({ kind: 'pass' });

    // The pickup desk, and the kiosk itself, get the order back as the server's.
    for (const till of [desk, kiosk]) {
      const pulled = await eventually(() => localOrder(till, order.id), 20_000, 'the order on a till');
      expect(pulled).toEqual(order);
    }

    // Exactly once: one order, one placement, one journal entry, one export row, no incident.
    const counts = await db.query<{ orders: number; placed: number; exported: number }>(
      `SELECT (SELECT count(*)::int FROM sync_documents WHERE collection = 'orders' AND id = $1) AS orders,
              (SELECT count(*)::int FROM kiosk_orders_placed WHERE order_id = $1) AS placed,
              (SELECT count(*)::int FROM kiosk_order_exports WHERE order_id = $1) AS exported`,
      [order.id],
    );
    expect(counts.rows[0]).toEqual({ orders: 1, placed: 1, exported: 1 });
    const journaled = (await serverJournal(server.url, kiosk.identity)).filter(
      (e) => e.kind === 'kiosk-order.placed',
    );
    expect(journaled.map((e) => e.payload.id)).toEqual([order.id]);
    expect((await exportedOrders()).map((o) => o.id)).toEqual([order.id]);
    expect((await serverOrders(server.url, desk.identity)).map((o) => o.id)).toEqual([order.id]);
    expect(await serverIncidents(server.url)).toEqual([]);

    // A late re-push of the same entry (a restored backup, a confused client) is a no-op.
    const token = await accessTokenOf(server.url, kiosk.identity);
    const entry = journaled[0];
    const again = await fetch(`${server.url}/sync/v1/journal/push`, {
      method: 'POST',
      headers: {
        'x-till-protocol': '1',
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify([{ assumedMasterState: null, newDocumentState: { ...entry, _deleted: false } }]),
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual([]);
    expect(await exportedOrders()).toHaveLength(1);
    const after = await db.query<{ seq: number }>(
      "SELECT seq FROM sync_documents WHERE collection = 'orders' AND id = $1",
      [order.id],
    );
    expect(after.rows).toHaveLength(1);
  });
});
