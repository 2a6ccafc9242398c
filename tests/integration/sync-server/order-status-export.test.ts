import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClickCollectOrder,
  clickCollectOrderSchema,
} from '../../../src/core/orders/click-collect-order';
import {
  EXAMPLE_WEB_ORDER,
  exampleHandover,
  exampleKioskOrder,
  exampleReadyOrder,
  exampleReceivedOrder,
} from '../../../src/core/orders/example-orders';
import type { HandoverLine } from '../../../src/core/orders/handover';
import { mergeHandovers } from '../../../src/core/orders/merge-handovers';
import { recordHandover } from '../../../src/core/orders/record-handover';
import {
  type ClickCollectEvent,
  transitionClickCollectOrder,
} from '../../../src/core/orders/transition-click-collect-order';
import { migrate } from '../../../sync-server/src/db/migrate';
import { MIGRATIONS } from '../../../sync-server/src/migrations';
import {
  exportOrderStatusChanges,
  type OrderStatusChange,
} from '../../../sync-server/src/shop/order-status-export';
import { lockScope, writeDocuments } from '../../../sync-server/src/sync/document-store';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  SHOP_API_KEY,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// The web shop's export of click-and-collect status changes (docs/web-shop.md,
// "Exporting status changes"), on PGlite and PostgreSQL: orders imported
// through the shop API, moved on by two desks pushing as tills do (the
// server's copy as assumed state), handed over in two parts. Each change must
// reach the export once, in commit order: re-imports, replayed pushes and
// two desks marking the same order ready add nothing.

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe.each(DATABASE_KINDS)('order status change export on $name', (kind) => {
  let t: TestServer;
  let deskA: EnrolledTill;
  let deskB: EnrolledTill;

  const importOrder = async (webOrderId: string) => {
    const response = await t.server.app.inject({
      method: 'PUT',
      url: `/shop/v1/orders/${webOrderId}`,
      headers: { authorization: `Bearer ${SHOP_API_KEY}` },
      payload: { ...EXAMPLE_WEB_ORDER, webOrderId },
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json() as { orderId: string; result: string };
  };
  const stored = async (orderId: string): Promise<ClickCollectOrder> => {
    const row = (
      await t.db.query<{ doc: unknown }>(
        "SELECT doc FROM sync_documents WHERE collection = 'orders' AND id = $1",
        [orderId],
      )
    ).rows[0];
    return clickCollectOrderSchema.parse(row?.doc);
  };
  /** A desk's push of its copy, with the server copy it last saw; the server's answer (conflicts). */
  const push = async (desk: EnrolledTill, assumed: ClickCollectOrder, next: ClickCollectOrder) => {
    const response = await desk.request('POST', '/sync/v1/orders/push', [
      { assumedMasterState: { ...assumed, _deleted: false }, newDocumentState: { ...next, _deleted: false } },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ClickCollectOrder[];
  };
  const moved = (order: ClickCollectOrder, event: ClickCollectEvent) =>
    unwrap(transitionClickCollectOrder(order, event));
  const handedOver = (order: ClickCollectOrder, id: string, lines: HandoverLine[], tillId: string) =>
    unwrap(
      recordHandover(order, {
        ...exampleHandover(id, lines, { tillId }),
        orderId: order.id,
        identification: { method: 'id-checked', document: 'passport' },
        signature: { width: 100, height: 50, path: 'M1 2 L3 4' },
      }),
    ).order;
  const exported = async (after = 0, limit = 1000) => {
    const response = await t.server.app.inject({
      method: 'GET',
      url: `/shop/v1/order-status-changes?after=${after}&limit=${limit}`,
      headers: { authorization: `Bearer ${SHOP_API_KEY}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { changes: OrderStatusChange[]; checkpoint: { seq: number } };
  };
  const changesOf = async (orderId: string) =>
    (await exported()).changes.filter((c) => c.orderId === orderId);

  beforeAll(async () => {
    t = await startTestServer(kind);
    deskA = await t.enrol('PAR01', '21');
    deskB = await t.enrol('PAR01', '22');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists received, picking, ready, partly handed over and handed over once each, in commit order, with the handovers (a second partial handover is not a status change)', async () => {
    const { orderId } = await importOrder('WEB-EXP-1');
    expect((await importOrder('WEB-EXP-1')).result).toBe('duplicate');
    const received = await stored(orderId);

    const picking = moved(received, { type: 'start-picking' });
    expect(await push(deskA, received, picking)).toEqual([]);
    // The same push again (a retry after a lost answer): a no-op.
    expect(await push(deskA, received, picking)).toEqual([]);

    // Two desks mark it ready offline, then push at the same moment with the copy they saw.
    const readyA = moved(picking, { type: 'mark-ready', at: '2025-03-02T09:00:00Z' });
    const readyB = moved(picking, { type: 'mark-ready', at: '2025-03-02T09:05:00Z' });
    const [answerA, answerB] = await Promise.all([
      push(deskA, picking, readyA),
      push(deskB, picking, readyB),
    ]);
    // One push wins; the other desk gets the server's copy back and merges (ordersConflictHandler).
    const loser =
      answerA.length > 0
        ? { desk: deskA, mine: readyA, answer: answerA }
        : { desk: deskB, mine: readyB, answer: answerB };
    expect(answerA.length + answerB.length).toBe(1);
    const [master] = loser.answer;
    if (!master) throw new Error('no conflict answer');
    const { _deleted: _d, ...masterOrder } = master as ClickCollectOrder & { _deleted: boolean };
    const merged = unwrap(mergeHandovers(masterOrder, loser.mine));
    // The earlier readyAt wins; if the loser's was earlier its merge is pushed (the status stays).
    if (JSON.stringify(merged) !== JSON.stringify(masterOrder)) {
      expect(await push(loser.desk, masterOrder, merged)).toEqual([]);
    }
    // A third copy, marked ready even earlier on a desk that was offline longer: its merge is
    // written (readyAt moves back) but the status stays, so the export gets nothing.
    const before = await stored(orderId);
    expect(before.readyAt).toBe('2025-03-02T09:00:00Z');
    const earlier = unwrap(
      mergeHandovers(before, moved(picking, { type: 'mark-ready', at: '2025-03-02T08:55:00Z' })),
    );
    expect(await push(deskA, before, earlier)).toEqual([]);
    const ready = await stored(orderId);
    expect(ready.status).toBe('ready-for-pickup');
    expect(ready.readyAt).toBe('2025-03-02T08:55:00Z');

    const partly = handedOver(
      ready,
      '0195509b-0000-7003-8000-0000000000e1',
      [{ lineId: 'l2', quantity: 1 }],
      deskA.tillId,
    );
    expect(await push(deskA, ready, partly)).toEqual([]);
    const second = handedOver(
      partly,
      '0195509b-0000-7003-8000-0000000000e2',
      [{ lineId: 'l2', quantity: 1 }],
      deskB.tillId,
    );
    expect(await push(deskB, partly, second)).toEqual([]);
    const rest = handedOver(
      second,
      '0195509b-0000-7003-8000-0000000000e3',
      [
        { lineId: 'l1', quantity: 1 },
        { lineId: 'l2', quantity: 1 },
        { lineId: 'l3', quantity: 2 },
      ],
      deskB.tillId,
    );
    expect(await push(deskB, second, rest)).toEqual([]);
    // Replayed: the server's copy already is this one.
    expect(await push(deskB, second, rest)).toEqual([]);
    expect((await importOrder('WEB-EXP-1')).result).toBe('duplicate');

    const changes = await changesOf(orderId);
    expect(changes.map((c) => [c.previousStatus, c.status])).toEqual([
      [null, 'received'],
      ['received', 'picking'],
      ['picking', 'ready-for-pickup'],
      ['ready-for-pickup', 'partially-handed-over'],
      ['partially-handed-over', 'handed-over'],
    ]);
    const seqs = changes.map((c) => c.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(5);
    const [, , readyRow, partRow, doneRow] = changes;
    // The ready row is the change as it was stored then.
    expect(readyRow?.readyAt).toBe('2025-03-02T09:00:00Z');
    expect(partRow).toMatchObject({
      webOrderId: 'WEB-EXP-1',
      storeCode: 'PAR01',
      source: 'web',
      handovers: [
        {
          id: '0195509b-0000-7003-8000-0000000000e1',
          tillId: deskA.tillId,
          lines: [{ lineId: 'l2', quantity: 1 }],
        },
      ],
      lines: [
        { lineId: 'l1', ordered: 1, handedOver: 0 },
        { lineId: 'l2', ordered: 3, handedOver: 1 },
        { lineId: 'l3', ordered: 2, handedOver: 0 },
      ],
      handoverConflict: null,
    });
    expect(doneRow?.handovers.map((h) => h.id)).toEqual([
      '0195509b-0000-7003-8000-0000000000e1',
      '0195509b-0000-7003-8000-0000000000e2',
      '0195509b-0000-7003-8000-0000000000e3',
    ]);
    expect(doneRow?.lines.every((l) => l.handedOver === l.ordered)).toBe(true);
    // No signature, staff or identification reaches the shop.
    expect(JSON.stringify(doneRow)).not.toMatch(/signature|staffId|passport|identification/);
  });

  it('a return to stock and a web cancellation come once each', async () => {
    const { orderId } = await importOrder('WEB-EXP-2');
    const ready = moved(moved(await stored(orderId), { type: 'start-picking' }), {
      type: 'mark-ready',
      at: '2025-03-02T10:00:00Z',
    });
    expect(await push(deskA, await stored(orderId), ready)).toEqual([]);
    const returned = moved(ready, { type: 'return' });
    expect(await push(deskA, ready, returned)).toEqual([]);
    // The other desk, offline, also returned it: the server already holds that copy (a no-op).
    const again = await push(deskB, ready, returned);
    expect(again.map((o) => o.status)).toEqual([]);
    expect((await changesOf(orderId)).map((c) => c.status)).toEqual([
      'received',
      'ready-for-pickup',
      'returned',
    ]);

    const { orderId: cancelledId } = await importOrder('WEB-EXP-3');
    const cancel = await t.server.app.inject({
      method: 'PUT',
      url: '/shop/v1/orders/WEB-EXP-3',
      headers: { authorization: `Bearer ${SHOP_API_KEY}` },
      payload: {
        ...EXAMPLE_WEB_ORDER,
        webOrderId: 'WEB-EXP-3',
        webStatus: 'cancelled',
        webUpdatedAt: '2025-03-01T10:00:00Z',
      },
    });
    expect(cancel.json().result).toBe('updated');
    expect((await changesOf(cancelledId)).map((c) => [c.previousStatus, c.status])).toEqual([
      [null, 'received'],
      ['received', 'cancelled'],
    ]);
  });

  it('pages like a pull: after a checkpoint, at most limit, the checkpoint repeated when caught up; bad queries are 400', async () => {
    const all = (await exported()).changes;
    expect(all.length).toBeGreaterThanOrEqual(8);
    const first = await exported(0, 3);
    expect(first.changes.map((c) => c.seq)).toEqual(all.slice(0, 3).map((c) => c.seq));
    const next = await exported(first.checkpoint.seq, 3);
    expect(next.changes.map((c) => c.seq)).toEqual(all.slice(3, 6).map((c) => c.seq));
    const last = all.at(-1)?.seq ?? 0;
    expect(await exported(last)).toEqual({ changes: [], checkpoint: { seq: last } });
    for (const query of ['after=-1', 'limit=0', 'limit=5001', 'after=x', 'since=3']) {
      const response = await t.server.app.inject({
        method: 'GET',
        url: `/shop/v1/order-status-changes?${query}`,
        headers: { authorization: `Bearer ${SHOP_API_KEY}` },
      });
      expect(response.statusCode, query).toBe(400);
    }
    const anonymous = await t.server.app.inject({ method: 'GET', url: '/shop/v1/order-status-changes' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe.each(DATABASE_KINDS)('migration 013 on a server holding orders ($name)', (kind) => {
  it('starts the export with each click-and-collect order once, at its status, and numbers later changes after them', async () => {
    const { db, dispose } = await kind.open();
    try {
      const index = MIGRATIONS.findIndex((m) => m.id === '013-order-status-export');
      await migrate(db, MIGRATIONS.slice(0, index));
      const received = exampleReceivedOrder();
      const ready = {
        ...exampleReadyOrder(),
        id: '0195509a-6c00-7002-8000-0000000000f2',
        webOrderId: 'WEB-OLD-2',
        pickupCode: 'H3TW9NPB',
      };
      const kiosk = exampleKioskOrder();
      await db.transaction(async (tx) => {
        await lockScope(tx, 'orders', 'PAR01');
        await writeDocuments(
          tx,
          'orders',
          'PAR01',
          [received, ready, kiosk].map((order) => ({ id: order.id, doc: { ...order }, deleted: false })),
        );
      });
      // 013 and every migration after it (the slip e-mails, the projection queue: neither touches orders).
      expect(await migrate(db)).toEqual(MIGRATIONS.slice(index).map((m) => m.id));
      const start = await exportOrderStatusChanges(db, 0, 100);
      expect(start.changes.map((c) => [c.seq, c.orderId, c.previousStatus, c.status])).toEqual([
        [1, received.id, null, 'received'],
        [2, ready.id, null, 'ready-for-pickup'],
      ]);
      // The next change, written by the trigger, comes after them.
      const picking = unwrap(transitionClickCollectOrder(received, { type: 'start-picking' }));
      await db.transaction(async (tx) => {
        await lockScope(tx, 'orders', 'PAR01');
        await writeDocuments(tx, 'orders', 'PAR01', [
          { id: picking.id, doc: { ...picking }, deleted: false },
        ]);
      });
      const next = await exportOrderStatusChanges(db, start.lastSeq, 100);
      expect(next.changes.map((c) => [c.seq, c.previousStatus, c.status])).toEqual([
        [3, 'received', 'picking'],
      ]);
    } finally {
      await dispose();
    }
  });
});

// The checkpoint race (as in concurrency.test.ts): writers in four stores
// (four scope locks, so on PostgreSQL they really run at once) import orders
// and keep each transaction open a random moment after the trigger numbered
// its rows; a reader tails the export in small pages all along. It must miss
// no change and see none twice: the counter's row lock makes seq order
// commit order. Checked to fail on PostgreSQL with nextval() of a plain
// sequence in the trigger instead (PGlite runs one transaction at a time).
const STORES = ['ST0', 'ST1', 'ST2', 'ST3'];
const TRANSACTIONS_PER_STORE = 25;
const ORDERS_PER_TRANSACTION = 2;

describe.each(DATABASE_KINDS)('a reader tailing the status change export on $name', (kind) => {
  it(`misses none of ${STORES.length * TRANSACTIONS_PER_STORE * ORDERS_PER_TRANSACTION} changes committed concurrently`, async () => {
    const t = await startTestServer(kind);
    try {
      const base = exampleReceivedOrder();
      const written = new Set<string>();
      let writersDone = false;
      const writer = async (store: string, w: number) => {
        for (let n = 0; n < TRANSACTIONS_PER_STORE; n++) {
          const orders = Array.from({ length: ORDERS_PER_TRANSACTION }, (_, o) => ({
            ...base,
            id: `0195509a-6c00-7002-8${w}${String(n).padStart(2, '0')}-${String(o).padStart(12, '0')}`,
            webOrderId: `WEB-T${w}-${n}-${o}`,
            storeCode: store,
          }));
          await t.db.transaction(async (tx) => {
            await lockScope(tx, 'orders', store);
            await writeDocuments(
              tx,
              'orders',
              store,
              orders.map((order) => ({ id: order.id, doc: { ...order }, deleted: false })),
            );
            await tx.query('SELECT pg_sleep(random() * 0.008)');
          });
          for (const order of orders) written.add(order.id);
        }
      };
      const seen = new Set<string>();
      let duplicates = 0;
      const reader = async () => {
        let after = 0;
        for (;;) {
          await new Promise((resolve) => setImmediate(resolve));
          const caughtUpAfterWriters = writersDone;
          const page = await exportOrderStatusChanges(t.db, after, 7);
          for (const change of page.changes) {
            if (seen.has(change.orderId)) duplicates++;
            seen.add(change.orderId);
          }
          after = page.lastSeq;
          if (caughtUpAfterWriters && page.changes.length < 7) return;
        }
      };
      const tail = reader();
      await Promise.all(STORES.map((store, w) => writer(store, w)));
      writersDone = true;
      await tail;
      expect(written.size).toBe(STORES.length * TRANSACTIONS_PER_STORE * ORDERS_PER_TRANSACTION);
      expect([...written].filter((id) => !seen.has(id))).toEqual([]);
      expect(duplicates).toBe(0);
    } finally {
      await t.close();
    }
  });
});
