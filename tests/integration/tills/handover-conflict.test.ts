import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../../scripts/lib/service-process';
import {
  type ClickCollectOrder,
  clickCollectOrderSchema,
} from '../../../src/core/orders/click-collect-order';
import { createClickCollectOrder } from '../../../src/core/orders/create-click-collect-order';
import { EXAMPLE_WEB_ORDER } from '../../../src/core/orders/example-orders';
import type { HandoverLine } from '../../../src/core/orders/handover';
import { transitionClickCollectOrder } from '../../../src/core/orders/transition-click-collect-order';
import type { Database } from '../../../sync-server/src/db/database';
import { openPostgres } from '../../../sync-server/src/db/pg-database';
import { lockScope, writeDocuments } from '../../../sync-server/src/sync/document-store';
import { type FaultProxy, startFaultProxy } from '../../support/fault-proxy';
import { createScratchDatabase, type ScratchDatabase } from '../../support/postgres';
import { startSyncServer, stopAll } from '../../support/processes';
import { enrolNodeTill, eventually, type NodeTill } from '../../support/till-in-node';
import { portOf, serverIncidents, serverJournal, serverOrders } from './server-view';

// One click-and-collect order, two pickup desks, the store's link down: each
// desk hands goods over on its own. When the link returns the server takes
// the first push, answers the second with a conflict, and that till merges
// both handover lists and pushes the merge. Both tills and the server must
// end with the same order, every handover record kept.
//
// The orders are written the way the server's web shop import writes them
// (document store, scope lock, NOTIFY), into the PostgreSQL the real server
// process runs on.

function readyOrder(id: string, webOrderId: string, pickupCode: string): ClickCollectOrder {
  const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  const received = unwrap(
    createClickCollectOrder({ id, pickupCode, webOrder: { ...EXAMPLE_WEB_ORDER, webOrderId } }),
  );
  const picking = unwrap(transitionClickCollectOrder(received, { type: 'start-picking' }));
  return clickCollectOrderSchema.parse(unwrap(transitionClickCollectOrder(picking, { type: 'mark-ready' })));
}

const DISJOINT = readyOrder('0195509a-6c00-7002-8000-0000000000d1', 'WEB-200001', '7KQ4M2XD');
const OVERLAP = readyOrder('0195509a-6c00-7002-8000-0000000000d2', 'WEB-200002', 'H3TW9NPB');

async function importOrders(db: Database, orders: readonly ClickCollectOrder[]): Promise<void> {
  await db.transaction(async (tx) => {
    await lockScope(tx, 'orders', 'PAR01');
    await writeDocuments(
      tx,
      'orders',
      'PAR01',
      orders.map((order) => ({ id: order.id, doc: { ...order }, deleted: false })),
    );
  });
}

describe('the same order handed over on two tills while offline (postgres)', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  let server: ServiceProcess;
  let proxy: FaultProxy;
  let a: NodeTill;
  let b: NodeTill;
  let conflictsResolved = 0;

  beforeAll(async () => {
    scratch = await createScratchDatabase('till_handover');
    server = await startSyncServer({ databaseUrl: scratch.url, seedDemoCatalog: false });
    db = openPostgres(scratch.url);
    proxy = await startFaultProxy(portOf(server.url));
    a = await enrolNodeTill(server.url, proxy.url, 'PAR01', '01');
    b = await enrolNodeTill(server.url, proxy.url, 'PAR01', '02');
    for (const till of [a, b]) till.sync.replications.orders.conflict$.subscribe(() => conflictsResolved++);
    await Promise.all([a.sync.awaitInitialSync(), b.sync.awaitInitialSync()]);
    await importOrders(db, [DISJOINT, OVERLAP]);
    // The live stream tells both tills; each pulls both orders.
    for (const till of [a, b]) {
      for (const order of [DISJOINT, OVERLAP])
        await eventually(() => till.order(order.id), 15_000, `order ${order.webOrderId} on a till`);
    }
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await proxy?.close();
    await stopAll();
    await db?.close();
    await scratch?.drop();
  });

  const scanned = (order: ClickCollectOrder) =>
    ({ method: 'pickup-code-scanned', pickupCode: order.pickupCode }) as const;

  /** Both tills hand over while the link is down, then the link returns; resolves once all three agree. */
  async function handOverOffline(
    order: ClickCollectOrder,
    onA: readonly HandoverLine[],
    onB: readonly HandoverLine[],
  ): Promise<ClickCollectOrder> {
    proxy.setMode({ kind: 'offline' });
    const handedA = await a.handOver(order.id, onA, scanned(order));
    const handedB = await b.handOver(order.id, onB, scanned(order));
    // Each till sees only its own handover; a journal entry and the order wait in each outbox.
    expect(handedA.handovers).toHaveLength(1);
    expect(handedB.handovers).toHaveLength(1);
    expect(await a.status()).toMatchObject({ pending: 2, failed: 0 });
    expect(await b.status()).toMatchObject({ pending: 2, failed: 0 });

    proxy.setMode({ kind: 'pass' });
    await Promise.all([a.waitForOutboxEmpty(30_000), b.waitForOutboxEmpty(30_000)]);
    return eventually(
      async () => {
        const onServer = (await serverOrders(server.url, a.identity)).find((o) => o.id === order.id);
        const [tillA, tillB] = [await a.order(order.id), await b.order(order.id)];
        const agreed = onServer?.kind === 'click-and-collect' && onServer.handovers.length === 2;
        return agreed && isSame(tillA, onServer) && isSame(tillB, onServer) ? onServer : undefined;
      },
      20_000,
      'both tills and the server to hold the same merged order',
    );
  }

  it('disjoint lines: the merge keeps both records and completes the order', async () => {
    const before = conflictsResolved;
    const merged = await handOverOffline(
      DISJOINT,
      [{ lineId: 'l1', quantity: 1 }],
      [
        { lineId: 'l2', quantity: 3 },
        { lineId: 'l3', quantity: 2 },
      ],
    );
    expect(merged.status).toBe('handed-over');
    expect(merged.handoverConflict).toBeNull();
    expect(new Set(merged.handovers.map((h) => h.tillId))).toEqual(
      new Set([a.identity.tillId, b.identity.tillId]),
    );
    // The second push really was a conflict, resolved by the merge.
    expect(conflictsResolved).toBeGreaterThan(before);
  });

  it('over-delivery: both tills handed over the kettle; both records kept and flagged everywhere', async () => {
    const merged = await handOverOffline(
      OVERLAP,
      [{ lineId: 'l1', quantity: 1 }],
      [
        { lineId: 'l1', quantity: 1 },
        { lineId: 'l2', quantity: 2 },
      ],
    );
    expect(merged.status).toBe('partially-handed-over');
    expect(merged.handoverConflict).toEqual({
      overHandedLines: [{ lineId: 'l1', ordered: 1, handedOver: 2 }],
      handoversAfterClosure: [],
    });
    for (const till of [a, b])
      expect((await till.order(OVERLAP.id))?.handoverConflict).toEqual(merged.handoverConflict);

    // Each handover is also in its till's journal on the server, once.
    for (const till of [a, b]) {
      const handovers = (await serverJournal(server.url, till.identity)).filter(
        (e) => e.kind === 'order.handover',
      );
      expect(handovers).toHaveLength(2);
    }
    expect(await serverIncidents(server.url)).toEqual([]);
    expect(await a.status()).toMatchObject({ pending: 0, failed: 0 });
  });
});

function isSame(a: ClickCollectOrder | undefined, b: ClickCollectOrder | undefined): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}
