import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../../scripts/lib/service-process';
import type { PosBridge } from '../../../src/core/bridge/pos-bridge';
import { createCart } from '../../../src/core/cart/cart';
import { STORE_POLICY, unwrap } from '../../../src/core/cart/test-builders';
import { createUuidV7Generator } from '../../../src/core/ids';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import type { ClickCollectOrder } from '../../../src/core/orders/click-collect-order';
import { EXAMPLE_LINES } from '../../../src/core/orders/example-orders';
import { pickupOrderSale } from '../../../src/core/orders/pickup-order-sale';
import { pickupPaymentState } from '../../../src/core/orders/pickup-payment';
import type { CompletedSale } from '../../../src/core/sale';
import { ownSaleOfOrder } from '../../../src/data/pickup-order-sales';
import { findPickupOrderToPay } from '../../../src/data/pickup-order-to-pay';
import { returnRefusedAtPickup } from '../../../src/state/pickup-refused-return';
import { openPostgres } from '../../../sync-server/src/db/pg-database';
import { lockScope, writeDocuments } from '../../../sync-server/src/sync/document-store';
import { type FaultProxy, startFaultProxy } from '../../support/fault-proxy';
import { asNewRows } from '../../support/journal-builder';
import { createScratchDatabase, type ScratchDatabase } from '../../support/postgres';
import { startSyncServer, stopAll } from '../../support/processes';
import { enrolNodeTill, eventually, type NodeTill } from '../../support/till-in-node';
import { accessTokenOf, portOf, serverIncidents } from './server-view';

// Paid at pickup with the real server (docs/pickup.md): click-and-collect
// orders imported through the shop API without payments; tills running the
// real renderer data layer over a fault proxy. A till sells the order from
// its pickup QR (found and checked offline), the sale is pushed, the server
// writes the payment on the order once, and the desk sees it paid. Offline,
// a second till that sells the same order is refused nothing (it cannot
// know), but the server keeps the first payment and records an incident
// for the second; the first till refuses a second sale itself.

const SHOP_KEY = 'integration-shop-key-pickup-pay-0123';
const newV7 = createUuidV7Generator({
  now: () => Date.now(),
  randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
});

describe('paid at pickup, on the server (postgres)', () => {
  let scratch: ScratchDatabase;
  let server: ServiceProcess;
  let proxy: FaultProxy;
  let desk: NodeTill;
  let till: NodeTill;
  let other: NodeTill;

  const query = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      return (await client.query<R>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  const serverOrder = async (orderId: string) =>
    (
      await query<{ doc: ClickCollectOrder }>(
        "SELECT doc FROM sync_documents WHERE collection = 'orders' AND id = $1",
        [orderId],
      )
    )[0]?.doc;

  async function importOrder(
    webOrderId: string,
    { paid = false } = {},
  ): Promise<{ orderId: string; pickupCode: string }> {
    const response = await fetch(`${server.url}/shop/v1/orders/${webOrderId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${SHOP_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        source: 'web',
        webOrderId,
        webUpdatedAt: '2025-03-01T09:00:00Z',
        webStatus: 'open',
        storeCode: 'PAR01',
        currency: 'EUR',
        lines: EXAMPLE_LINES,
        customer: { name: 'Camille Martin', email: 'camille.martin@example.fr' },
        placedAt: '2025-03-01T09:59:00+01:00',
        ...(paid
          ? {
              payments: [
                {
                  paymentId: `psp-${webOrderId}`,
                  type: 'card',
                  amount: { minor: 10_329, currency: 'EUR' },
                  reference: `PSP-${webOrderId}`,
                  accountId: null,
                },
              ],
            }
          : {}),
      }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { orderId: string; pickupCode: string };
  }

  /** The cashier scans the pickup QR and takes the payment (cash here: any tender does). */
  async function sellAtTill(at: NodeTill, pickupCode: string): Promise<CompletedSale> {
    const found = await findPickupOrderToPay(at.db, `POS1:P:${pickupCode}`);
    if (!found.ok) throw new Error(`refused: ${found.error}`);
    const order = found.value;
    const now = new Date().toISOString();
    const sale = unwrap(
      pickupOrderSale({
        order,
        empty: createCart({ currency: 'EUR', discountPolicy: STORE_POLICY, promotions: [] }),
        lineIds: order.lines.map(() => newV7()),
        tender: {
          type: 'cash',
          tenderId: newV7(),
          given: { minor: 11_000, currency: 'EUR' },
        },
        details: {
          saleId: newV7(),
          storeCode: at.identity.storeCode,
          tillCode: at.identity.tillCode,
          staffId: 'staff-camille',
          startedAt: now,
          completedAt: now,
        },
      }),
    );
    const entry = await at.journal.append({
      kind: 'sale.completed',
      payload: sale,
      id: newV7(),
      recordedAt: now,
    });
    if (!entry.ok) throw new Error('not journaled');
    return sale;
  }

  beforeAll(async () => {
    scratch = await createScratchDatabase('till_pickup_pay');
    // The demo store's settings carry the key tills check order signatures with.
    server = await startSyncServer({ databaseUrl: scratch.url, shopApiKey: SHOP_KEY });
    proxy = await startFaultProxy(portOf(server.url));
    desk = await enrolNodeTill(server.url, proxy.url, 'PAR01', 'P1');
    till = await enrolNodeTill(server.url, proxy.url, 'PAR01', '01');
    await Promise.all([desk.sync.awaitInitialSync(), till.sync.awaitInitialSync()]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([other ? other.close() : desk?.close(), till?.close()]);
    await proxy?.close();
    await stopAll();
    await scratch?.drop();
  });

  it('a till sells the order from its pickup QR offline; after sync the server pays the order once and the desk sees it paid', async () => {
    const { orderId, pickupCode } = await importOrder('WEB-770001');
    for (const at of [desk, till]) await eventually(() => at.order(orderId), 15_000, 'the order on the till');
    const onDesk = await desk.order(orderId);
    if (!onDesk) throw new Error('no order');
    expect(pickupPaymentState(onDesk)).toEqual({ kind: 'due', amount: { minor: 10_329, currency: 'EUR' } });

    proxy.setMode({ kind: 'offline' });
    const sale = await sellAtTill(till, pickupCode);
    expect(sale.clickCollectOrder).toEqual({ orderId, pickupCode });
    // The same till refuses a second sale of it at once, offline.
    expect(await findPickupOrderToPay(till.db, `POS1:P:${pickupCode}`)).toEqual({
      ok: false,
      error: 'already-paid',
    });
    expect((await serverOrder(orderId))?.payment).toBeUndefined();

    proxy.setMode({ kind: 'pass' });
    await till.waitForOutboxEmpty(30_000);
    const paid = await eventually(
      async () => (await serverOrder(orderId))?.payment,
      20_000,
      'the payment on the server order',
    );
    expect(paid).toMatchObject({ saleId: sale.saleId, tillId: till.identity.tillId, totalMinor: 10_329 });
    // One sale row, its tender, no shelf stock moved; the order content otherwise unchanged and still signed.
    const rows = await query<{ total_minor: string }>('SELECT total_minor FROM sales WHERE sale_id = $1', [
      sale.saleId,
    ]);
    expect(rows.map((r) => Number(r.total_minor))).toEqual([10_329]);
    expect(
      await query(
        'SELECT 1 FROM stock_movements WHERE entry_id IN (SELECT entry_id FROM sales WHERE sale_id = $1)',
        [sale.saleId],
      ),
    ).toEqual([]);
    // The desk pulls it: paid in store, by that sale.
    const seen = await eventually(
      async () => {
        const order = await desk.order(orderId);
        return order?.payment ? order : undefined;
      },
      20_000,
      'the paid order on the desk',
    );
    expect(pickupPaymentState(seen, await ownSaleOfOrder(desk.db, orderId))).toMatchObject({
      kind: 'paid-in-store',
      saleId: sale.saleId,
    });
    // And any till now refuses it.
    expect(await findPickupOrderToPay(desk.db, `POS1:P:${pickupCode}`)).toEqual({
      ok: false,
      error: 'already-paid',
    });
  });

  it('two tills sell the same order offline: the first to arrive pays it, the other is an incident; never paid twice', async () => {
    const { orderId, pickupCode } = await importOrder('WEB-770002');
    // RxDB allows two node tills per process: the desk makes way for a second till.
    await desk.close();
    other = await enrolNodeTill(server.url, proxy.url, 'PAR01', '02');
    await other.sync.awaitInitialSync();
    for (const at of [till, other])
      await eventually(() => at.order(orderId), 15_000, 'the order on the till');

    proxy.setMode({ kind: 'offline' });
    const first = await sellAtTill(till, pickupCode);
    const second = await sellAtTill(other, pickupCode);
    proxy.setMode({ kind: 'pass' });
    await till.waitForOutboxEmpty(30_000);
    await eventually(async () => (await serverOrder(orderId))?.payment, 20_000, 'the first payment');
    await other.waitForOutboxEmpty(30_000);

    const incident = await eventually(
      async () =>
        (
          (await serverIncidents(server.url)) as {
            code: string;
            detail: { orderId?: string; sale?: { saleId: string } };
          }[]
        ).find((i) => i.code === 'pickup-order-paid-twice' && i.detail.orderId === orderId),
      20_000,
      'the paid-twice incident',
    );
    // Whichever push the server took first pays the order; the other sale is the incident's, to refund.
    const payer = (await serverOrder(orderId))?.payment?.saleId;
    expect([first.saleId, second.saleId]).toContain(payer);
    expect(incident.detail.sale?.saleId).toBe(payer === first.saleId ? second.saleId : first.saleId);
    // Both sales are in the books (the second is to refund), each once.
    const rows = await query<{ sale_id: string }>(
      'SELECT sale_id FROM sales WHERE sale_id = ANY($1) ORDER BY sale_id',
      [[first.saleId, second.saleId]],
    );
    expect(rows.map((r) => r.sale_id).sort()).toEqual([first.saleId, second.saleId].sort());
  });

  it('an item refused at the desk: handed over, returned and refunded at once; the server projects the return once and the order is handed over', async () => {
    const { orderId, pickupCode } = await importOrder('WEB-770003', { paid: true });
    const imported = await eventually(async () => serverOrder(orderId), 10_000, 'the order on the server');
    const db = openPostgres(scratch.url);
    try {
      await db.transaction(async (tx) => {
        await lockScope(tx, 'orders', 'PAR01');
        await writeDocuments(tx, 'orders', 'PAR01', [
          { id: orderId, doc: { ...imported, status: 'ready-for-pickup' }, deleted: false },
        ]);
      });
    } finally {
      await db.close();
    }
    const at = till; // this till is the desk here
    await eventually(
      async () => ((await at.order(orderId))?.status === 'ready-for-pickup' ? true : undefined),
      15_000,
      'the ready order on the desk',
    );
    const handed = await at.handOver(
      orderId,
      [
        { lineId: 'l1', quantity: 1 },
        { lineId: 'l2', quantity: 3 },
        { lineId: 'l3', quantity: 2 },
      ],
      { method: 'pickup-code-scanned', pickupCode },
    );
    const refunds: unknown[] = [];
    const bridge = {
      onPaymentProgress: () => () => {},
      async startPayment(p: { paymentId: string; kind: string; amountMinor: number; currency: string }) {
        refunds.push(p);
        return {
          ok: true,
          value: { status: 'approved', ...p, reference: 'zvt/9/9', terminalReceipt: ['REMBOURSEMENT'] },
        };
      },
    } as unknown as PosBridge;
    const returned = await returnRefusedAtPickup(
      { db: at.db, journal: at.journal, bridge, till: at.identity },
      {
        order: handed,
        refused: [{ lineId: 'l2', quantity: 1 }],
        staffId: 'staff-camille',
        returnId: newV7(),
        entryId: newV7(),
        at: new Date().toISOString(),
      },
    );
    if (!returned.ok) throw new Error(returned.error);
    expect(refunds).toHaveLength(1);
    await at.waitForOutboxEmpty(30_000);

    const rows = await eventually(
      async () => {
        const found = await query<{ entry_id: string; source_type: string; source_id: string }>(
          'SELECT entry_id, source_type, source_id FROM returns WHERE return_id = $1',
          [returned.value.record.returnId],
        );
        return found.length > 0 ? found : undefined;
      },
      20_000,
      'the return on the server',
    );
    expect(rows.map((r) => [r.source_type, r.source_id])).toEqual([['online-order', 'WEB-770003']]);
    const lines = await query<{ source_line_id: string; quantity: number; reason_code: string }>(
      'SELECT source_line_id, quantity, reason_code FROM return_lines WHERE entry_id = $1',
      [rows[0]?.entry_id],
    );
    expect(lines.map((l) => [l.source_line_id, Number(l.quantity), l.reason_code])).toEqual([
      ['l2', 1, 'refused-at-pickup'],
    ]);
    await expect
      .poll(async () => (await serverOrder(orderId))?.status, { timeout: 20_000 })
      .toBe('handed-over');
    // Pushed again (a retry after a lost answer): a no-op, still one return and one handover per line.
    const entries = (await at.db.journal.find({ sort: [{ sequence: 'asc' }] }).exec()).map(
      (d) => d.toMutableJSON() as JournalEntry,
    );
    const replay = await fetch(`${server.url}/sync/v1/journal/push`, {
      method: 'POST',
      headers: {
        'x-till-protocol': '1',
        'content-type': 'application/json',
        authorization: `Bearer ${await accessTokenOf(server.url, at.identity)}`,
      },
      body: JSON.stringify(asNewRows(entries)),
    });
    expect(replay.status, await replay.clone().text()).toBe(200);
    const again = await query('SELECT 1 FROM returns WHERE return_id = $1', [returned.value.record.returnId]);
    expect(again).toHaveLength(1);
    const handovers = await query('SELECT 1 FROM order_handovers WHERE order_id = $1', [orderId]);
    expect(handovers).toHaveLength(3);
  });
});
