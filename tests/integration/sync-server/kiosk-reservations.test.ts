import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_KIOSK_INPUT } from '../../../src/core/orders/example-orders';
import type { KioskOrder } from '../../../src/core/orders/kiosk-order';
import type { OrderLine } from '../../../src/core/orders/order-line';
import { placeKioskOrder } from '../../../src/core/orders/place-kiosk-order';
import {
  type KioskReservationAnswer,
  type KioskReservationRequest,
  kioskReservationAnswerSchema,
} from '../../../src/core/orders/stock-reservation';
import { registerStockLocation, setOwnStockLevels } from '../../../sync-server/src/stock/stock-locations';
import { availableAt, reserveStock } from '../../../sync-server/src/stock/stock-reservations';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// The last units are reserved against concurrent orders by the server
// (docs/kiosk-data.md): two kiosks racing for the last piece get one yes and
// one refusal, and the piece is held once; a retry is the same reservation;
// an order placed offline is reserved when it arrives, or, when the stock
// no longer covers it, placed all the same and shown to the staff.

const AT = '2026-12-07T08:00:00.000Z';
let orderNumber = 0;
/** A fresh UUIDv7 order id per call (the kiosk mints it before it reserves). */
const nextOrderId = () => `0195509a-6c00-7001-8000-${String(++orderNumber).padStart(12, '0')}`;

const line = (productId: string, quantity: number): OrderLine => ({
  lineId: `l-${productId}`,
  productId,
  name: `Article ${productId}`,
  barcode: '3760123450017',
  quantity,
  unitPrice: { minor: 3999, currency: 'EUR' },
  vatRateBps: 2000,
});

function kioskOrder(id: string, kioskId: string, lines: readonly OrderLine[]): KioskOrder {
  const placed = placeKioskOrder(
    { ...EXAMPLE_KIOSK_INPUT, id, kioskId, lines },
    {
      placedAt: '2026-12-07T10:00:00+01:00',
      payment: { type: 'kiosk-card', cardReference: 'TPE-0042-7781' },
    },
  );
  if (!placed.ok) throw new Error(JSON.stringify(placed.error));
  return placed.value;
}

describe.each(DATABASE_KINDS)('kiosk reservations of the last units ($name)', (kind) => {
  let t: TestServer;
  let kioskA: EnrolledTill;
  let kioskB: EnrolledTill;
  // One journal per kiosk, shared by the tests: each kiosk's chain goes on from test to test.
  let journalA: TestJournal;
  let journalB: TestJournal;

  beforeAll(async () => {
    t = await startTestServer(kind);
    kioskA = await t.enrol('PAR01', 'K1');
    kioskB = await t.enrol('PAR01', 'K2');
    journalA = new TestJournal(kioskA);
    journalB = new TestJournal(kioskB);
    await t.enrol('LYO01', '01');
    for (const [code, locationKind] of [
      ['PAR01', 'store'],
      ['LYO01', 'store'],
      ['WH01', 'warehouse'],
    ] as const)
      await registerStockLocation(t.db, { code, kind: locationKind, name: code, region: 'FR' });
    const levels = {
      PAR01: [{ productId: 'P-LAST', quantity: 0 }],
      LYO01: [{ productId: 'P-LYON', quantity: 2 }],
      WH01: [
        { productId: 'P-LAST', quantity: 1 },
        { productId: 'P-RACE', quantity: 1 },
        { productId: 'P-WALK', quantity: 1 },
        { productId: 'P-LATE', quantity: 1 },
        { productId: 'P-THREE', quantity: 3 },
        { productId: 'P-OFFLINE', quantity: 1 },
        { productId: 'P-TEA', quantity: 10 },
      ],
    } as const;
    for (const [code, own] of Object.entries(levels))
      await t.db.transaction((tx) =>
        setOwnStockLevels(tx, { code, kind: code === 'WH01' ? 'warehouse' : 'store' }, own, AT),
      );
  });
  afterAll(() => t?.close());

  const reserve = async (
    kiosk: EnrolledTill,
    request: KioskReservationRequest,
  ): Promise<KioskReservationAnswer> => {
    const response = await kiosk.request('POST', '/sync/v1/kiosk-reservations', request);
    expect(response.statusCode).toBe(200);
    return kioskReservationAnswerSchema.parse(response.json());
  };
  const held = async (productId: string) => {
    const rows = await t.db.query<{ held: number; orders: number }>(
      `SELECT COALESCE(sum(quantity), 0)::int AS held, count(DISTINCT order_id)::int AS orders
       FROM stock_reservations WHERE product_id = $1 AND released_at IS NULL`,
      [productId],
    );
    return rows.rows[0];
  };
  const incidents = async () =>
    (await t.admin('GET', '/admin/v1/incidents')).json().incidents as {
      code: string;
      entryId: string;
      detail: { orderId: string; refusal: unknown };
    }[];

  it('a second order waits for the first one holding the last unit, then is refused (the race made certain)', async () => {
    const ask = (orderId: string, tillId: string) => ({
      orderId,
      tillId,
      storeCode: 'PAR01',
      via: 'kiosk' as const,
      fulfilment: { type: 'home-delivery' as const },
      lines: [{ productId: 'P-RACE', quantity: 1 }],
    });
    let letFirstCommit = () => {};
    const firstMayCommit = new Promise<void>((resolve) => {
      letFirstCommit = resolve;
    });
    let firstReserved = () => {};
    const firstHasReserved = new Promise<void>((resolve) => {
      firstReserved = resolve;
    });
    // The first reservation is made and not yet committed when the second one starts.
    const first = t.db.transaction(async (tx) => {
      const reserved = await reserveStock(tx, ask(nextOrderId(), kioskA.tillId));
      firstReserved();
      await firstMayCommit;
      return reserved;
    });
    await firstHasReserved;
    const second = t.db.transaction((tx) => reserveStock(tx, ask(nextOrderId(), kioskB.tillId)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    letFirstCommit();
    const [a, b] = await Promise.all([first, second]);
    expect(a.ok).toBe(true);
    expect(b).toEqual({
      ok: false,
      error: { code: 'stock-short', shortages: [{ productId: 'P-RACE', wanted: 1, available: 0 }] },
    });
    expect(await held('P-RACE')).toEqual({ held: 1, orders: 1 });
  });

  it('two kiosks racing for the last unit: one is reserved, the other refused, the unit held once', async () => {
    const delivery = { type: 'home-delivery' } as const;
    const [a, b] = await Promise.all([
      reserve(kioskA, {
        orderId: nextOrderId(),
        fulfilment: delivery,
        lines: [{ productId: 'P-LAST', quantity: 1 }],
      }),
      reserve(kioskB, {
        orderId: nextOrderId(),
        fulfilment: delivery,
        lines: [{ productId: 'P-LAST', quantity: 1 }],
      }),
    ]);
    const answers = [a, b];
    const accepted = answers.filter((answer) => answer.reserved);
    const refused = answers.filter((answer) => !answer.reserved);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({
      lines: [{ productId: 'P-LAST', quantity: 1, locationCode: 'WH01' }],
    });
    expect(refused).toEqual([
      {
        reserved: false,
        refusal: { code: 'stock-short', shortages: [{ productId: 'P-LAST', wanted: 1, available: 0 }] },
      },
    ]);
    expect(await held('P-LAST')).toEqual({ held: 1, orders: 1 });
    expect(await t.db.transaction((tx) => availableAt(tx, 'WH01', 'P-LAST'))).toBe(0);
  });

  it('eight concurrent orders for three units: exactly three are reserved', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        reserve(i % 2 === 0 ? kioskA : kioskB, {
          orderId: nextOrderId(),
          fulfilment: { type: 'home-delivery' },
          lines: [{ productId: 'P-THREE', quantity: 1 }],
        }),
      ),
    );
    expect(answers.filter((answer) => answer.reserved)).toHaveLength(3);
    expect(
      answers.filter((answer) => !answer.reserved).map((answer) => !answer.reserved && answer.refusal.code),
    ).toEqual(Array(5).fill('stock-short'));
    expect(await held('P-THREE')).toEqual({ held: 3, orders: 3 });
  });

  it('a retry is the same reservation; the same order id with other lines is refused', async () => {
    const request: KioskReservationRequest = {
      orderId: nextOrderId(),
      fulfilment: { type: 'store-pickup', storeCode: 'PAR01' },
      lines: [{ productId: 'P-TEA', quantity: 2 }],
    };
    const first = await reserve(kioskA, request);
    expect(first).toMatchObject({
      reserved: true,
      repeated: false,
      lines: [{ locationCode: 'WH01', quantity: 2 }],
    });
    expect(await reserve(kioskA, request)).toEqual({ ...first, repeated: true });
    expect(await held('P-TEA')).toEqual({ held: 2, orders: 1 });
    expect(await reserve(kioskA, { ...request, lines: [{ productId: 'P-TEA', quantity: 3 }] })).toEqual({
      reserved: false,
      refusal: { code: 'reservation-conflict' },
    });
    expect(await held('P-TEA')).toEqual({ held: 2, orders: 1 });
  });

  it('takes from the place the kiosk named, and refuses a place the store does not order from', async () => {
    const lyon = await reserve(kioskA, {
      orderId: nextOrderId(),
      fulfilment: { type: 'store-pickup', storeCode: 'LYO01' },
      lines: [{ productId: 'P-LYON', quantity: 2, locationCode: 'LYO01' }],
    });
    expect(lyon).toMatchObject({ reserved: true, lines: [{ locationCode: 'LYO01', quantity: 2 }] });
    expect(
      await reserve(kioskA, {
        orderId: nextOrderId(),
        fulfilment: { type: 'home-delivery' },
        lines: [{ productId: 'P-TEA', quantity: 1, locationCode: 'MRS01' }],
      }),
    ).toEqual({ reserved: false, refusal: { code: 'unknown-location', locationCode: 'MRS01' } });
    const malformed = await kioskA.request('POST', '/sync/v1/kiosk-reservations', {
      orderId: 'x',
      lines: [],
    });
    expect(malformed.statusCode).toBe(400);
  });

  it('an order reserved by the kiosk and then journaled is not reserved twice', async () => {
    const orderId = nextOrderId();
    const answer = await reserve(kioskA, {
      orderId,
      fulfilment: { type: 'home-delivery' },
      lines: [{ productId: 'P-TEA', quantity: 1 }],
    });
    expect(answer.reserved).toBe(true);
    const before = await held('P-TEA');
    const entry = journalA.append({
      kind: 'kiosk-order.placed',
      payload: kioskOrder(orderId, kioskA.tillId, [line('P-TEA', 1)]),
    });
    expect((await kioskA.request('POST', '/sync/v1/journal/push', asNewRows([entry]))).json()).toEqual([]);
    expect(await held('P-TEA')).toEqual(before);
    expect((await incidents()).filter((i) => i.detail.orderId === orderId)).toEqual([]);
  });

  it('an order placed offline is reserved when it arrives; one the stock no longer covers is placed and shown to the staff', async () => {
    const journal = journalB;
    const covered = nextOrderId();
    const short = nextOrderId();
    // Both kiosks sold the warehouse's only P-OFFLINE while the link was down.
    const first = journal.append({
      kind: 'kiosk-order.placed',
      payload: kioskOrder(covered, kioskB.tillId, [line('P-OFFLINE', 1)]),
    });
    const second = journal.append({
      kind: 'kiosk-order.placed',
      payload: kioskOrder(short, kioskB.tillId, [line('P-OFFLINE', 1), line('P-TEA', 1)]),
    });
    const pushed = await kioskB.request('POST', '/sync/v1/journal/push', asNewRows([first, second]));
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json()).toEqual([]);

    // Stock held once, for the order that came first in the kiosk's journal.
    expect(await held('P-OFFLINE')).toEqual({ held: 1, orders: 1 });
    const via = await t.db.query<{ order_id: string; via: string }>(
      "SELECT order_id, via FROM stock_reservations WHERE product_id = 'P-OFFLINE'",
    );
    expect(via.rows).toEqual([{ order_id: covered, via: 'journal' }]);
    // Nothing at all held for the order that cannot be covered (not even its tea).
    const shortRows = await t.db.query('SELECT 1 FROM stock_reservations WHERE order_id = $1', [short]);
    expect(shortRows.rows).toEqual([]);

    // Not lost: both orders are the store's, and the staff sees what is missing for the second.
    const orders = await t.db.query<{ id: string }>(
      "SELECT id FROM sync_documents WHERE collection = 'orders' AND id = ANY($1::text[]) ORDER BY id",
      [[covered, short]],
    );
    expect(orders.rows.map((row) => row.id)).toEqual([covered, short]);
    const found = (await incidents()).filter((i) => i.code === 'kiosk-order-stock-short');
    expect(found).toMatchObject([
      {
        entryId: second.id,
        detail: {
          orderId: short,
          refusal: { code: 'stock-short', shortages: [{ productId: 'P-OFFLINE', wanted: 1, available: 0 }] },
        },
      },
    ]);

    // The kiosk pushes the same entries again (its answer was lost): nothing changes.
    expect(
      (await kioskB.request('POST', '/sync/v1/journal/push', asNewRows([first, second]))).json(),
    ).toEqual([]);
    expect(await held('P-OFFLINE')).toEqual({ held: 1, orders: 1 });
    expect((await incidents()).filter((i) => i.code === 'kiosk-order-stock-short')).toHaveLength(1);
  });

  it('a hold is let go when the customer walks away, and lapses when the kiosk cannot say so', async () => {
    const walkedAway = nextOrderId();
    const ask = (orderId: string) => ({
      orderId,
      fulfilment: { type: 'home-delivery' as const },
      lines: [{ productId: 'P-WALK', quantity: 1 }],
    });
    expect((await reserve(kioskA, ask(walkedAway))).reserved).toBe(true);
    expect((await reserve(kioskB, ask(nextOrderId()))).reserved).toBe(false);
    const release = await kioskA.request('POST', '/sync/v1/kiosk-reservations/release', {
      orderId: walkedAway,
    });
    expect(release.json()).toEqual({ released: 1 });
    const next = nextOrderId();
    expect((await reserve(kioskB, ask(next))).reserved).toBe(true);

    // Kiosk B's customer leaves too, and the kiosk cannot tell the server: after 30 minutes the unit is free.
    expect((await reserve(kioskA, ask(nextOrderId()))).reserved).toBe(false);
    await t.db.query(
      "UPDATE stock_reservations SET reserved_at = now() - interval '31 minutes' WHERE order_id = $1",
      [next],
    );
    expect((await reserve(kioskA, ask(nextOrderId()))).reserved).toBe(true);
  });

  it('an order whose hold lapsed before it arrived is reserved again, or flagged when the unit went to another', async () => {
    const late = nextOrderId();
    expect(
      (
        await reserve(kioskA, {
          orderId: late,
          fulfilment: { type: 'home-delivery' },
          lines: [{ productId: 'P-LATE', quantity: 1 }],
        })
      ).reserved,
    ).toBe(true);
    await t.db.query(
      "UPDATE stock_reservations SET reserved_at = now() - interval '31 minutes' WHERE order_id = $1",
      [late],
    );
    // Meanwhile another kiosk takes the unit.
    expect(
      (
        await reserve(kioskB, {
          orderId: nextOrderId(),
          fulfilment: { type: 'home-delivery' },
          lines: [{ productId: 'P-LATE', quantity: 1 }],
        })
      ).reserved,
    ).toBe(true);
    const entry = journalA.append({
      kind: 'kiosk-order.placed',
      payload: kioskOrder(late, kioskA.tillId, [line('P-LATE', 1)]),
    });
    expect((await kioskA.request('POST', '/sync/v1/journal/push', asNewRows([entry]))).json()).toEqual([]);
    expect(await held('P-LATE')).toEqual({ held: 1, orders: 1 });
    expect((await incidents()).filter((i) => i.detail.orderId === late).map((i) => i.code)).toEqual([
      'kiosk-order-stock-short',
    ]);
  });
});
