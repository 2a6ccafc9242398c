import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import type { KioskOrderInput } from '../../../src/core/orders/create-kiosk-order';
import { EXAMPLE_KIOSK_INPUT } from '../../../src/core/orders/example-orders';
import type { KioskOrder } from '../../../src/core/orders/kiosk-order';
import { placeKioskOrder } from '../../../src/core/orders/place-kiosk-order';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  SHOP_API_KEY,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// Kiosk orders reach the server as `kiosk-order.placed` journal entries and
// become orders of the kiosk's store exactly once (docs/orders.md, "Kiosk
// orders on the server"): pulled by the store's tills, in the kiosk export,
// never duplicated by a re-push, never overwritten by another order under
// the same id, and never accepted under another store's or kiosk's name.

const ORDER_ID = '0195509a-6c00-7001-8000-00000000a001';
const PLACED_AT = '2026-11-23T09:00:00.000Z';

function placed(kioskId: string, overrides: Partial<KioskOrderInput> = {}): KioskOrder {
  const result = placeKioskOrder(
    { ...EXAMPLE_KIOSK_INPUT, id: ORDER_ID, kioskId, ...overrides },
    { placedAt: PLACED_AT, payment: { type: 'kiosk-card', cardReference: 'TPE-0042-7781' } },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe.each(DATABASE_KINDS)('kiosk orders through the journal ($name)', (kind) => {
  let t: TestServer;
  let kiosk: EnrolledTill;
  let desk: EnrolledTill;
  let lyon: EnrolledTill;
  let journal: TestJournal;

  beforeAll(async () => {
    t = await startTestServer(kind);
    kiosk = await t.enrol('PAR01', 'K1');
    desk = await t.enrol('PAR01', '02');
    lyon = await t.enrol('LYO01', '01');
    journal = new TestJournal(kiosk);
  });
  afterAll(() => t?.close());

  const pull = async (till: EnrolledTill, collection: string, checkpoint = 0) => {
    const response = await till.request(
      'GET',
      `/sync/v1/${collection}/pull?checkpoint=${checkpoint}&limit=1000`,
    );
    expect(response.statusCode).toBe(200);
    return response.json() as { documents: Record<string, unknown>[]; checkpoint: { seq: number } };
  };
  const push = (till: EnrolledTill, entries: readonly JournalEntry[]) =>
    till.request('POST', '/sync/v1/journal/push', asNewRows(entries));
  const exported = async () => {
    const response = await t.server.app.inject({
      method: 'GET',
      url: '/shop/v1/kiosk-orders?after=0',
      headers: { authorization: `Bearer ${SHOP_API_KEY}` },
    });
    expect(response.statusCode).toBe(200);
    return (response.json() as { documents: { id: string }[] }).documents;
  };
  const incidents = async () =>
    (await t.admin('GET', '/admin/v1/incidents')).json().incidents as { code: string; entryId: string }[];

  it('projects a placed order into the store once: the pickup desk pulls it, the export lists it', async () => {
    const order = placed(kiosk.tillId);
    const entry = journal.append({ kind: 'kiosk-order.placed', payload: order });
    const first = await push(kiosk, [entry]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual([]);

    const orders = await pull(desk, 'orders');
    expect(orders.documents).toEqual([{ ...order, _deleted: false }]);
    expect((await exported()).map((o) => o.id)).toEqual([ORDER_ID]);
    // Lyon sees nothing of Paris's orders.
    expect((await pull(lyon, 'orders')).documents).toEqual([]);

    // The response was lost and the kiosk pushes again: a no-op, nothing new to pull or export.
    const again = await push(kiosk, [entry]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual([]);
    expect((await pull(desk, 'orders', orders.checkpoint.seq)).documents).toEqual([]);
    expect(await exported()).toHaveLength(1);
    const rows = await t.db.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM sync_documents WHERE collection = 'orders' AND id = $1",
      [ORDER_ID],
    );
    expect(rows.rows[0]?.count).toBe(1);
    expect(await incidents()).toEqual([]);
  });

  it('takes the same order journaled again as the same order, and never lets another order replace it', async () => {
    const before = await pull(desk, 'orders');
    const twice = journal.append({ kind: 'kiosk-order.placed', payload: placed(kiosk.tillId) });
    expect((await push(kiosk, [twice])).json()).toEqual([]);
    expect(await incidents()).toEqual([]);

    const other = placed(kiosk.tillId, { contact: { name: 'Someone Else', email: 'else@example.fr' } });
    const reused = journal.append({ kind: 'kiosk-order.placed', payload: other });
    const response = await push(kiosk, [reused]);
    // The entry is the kiosk's record and is kept; the order is not touched; the back office is told.
    expect(response.statusCode).toBe(200);
    expect((await pull(desk, 'orders', before.checkpoint.seq)).documents).toEqual([]);
    expect((await pull(desk, 'orders')).documents).toEqual([{ ...placed(kiosk.tillId), _deleted: false }]);
    expect(await incidents()).toMatchObject([{ code: 'kiosk-order-id-reused', entryId: reused.id }]);
    expect((await pull(kiosk, 'journal')).documents.map((d) => d.id)).toContain(reused.id);
  });

  it("refuses an order journaled under another store's or another kiosk's name, and stores nothing", async () => {
    const otherId = '0195509a-6c00-7001-8000-00000000a002';
    const otherStore = new TestJournal(kiosk);
    // A kiosk of PAR01 claiming an order taken in Lyon (its envelope is its own: the push checks that).
    const lyonOrder = otherStore.append({
      kind: 'kiosk-order.placed',
      payload: placed(kiosk.tillId, { id: otherId, storeCode: 'LYO01' }),
    });
    const asStore = await push(kiosk, [lyonOrder]);
    expect(asStore.statusCode).toBe(403);
    expect(asStore.json().message).toContain('other-store');

    const otherKiosk = new TestJournal(kiosk).append({
      kind: 'kiosk-order.placed',
      payload: placed(desk.tillId, { id: otherId }),
    });
    const asKiosk = await push(kiosk, [otherKiosk]);
    expect(asKiosk.statusCode).toBe(403);
    expect(asKiosk.json().message).toContain('other-kiosk');

    // Lyon's till pushing it as its own order of Paris: its envelope would have to lie, which the push refuses.
    const fromLyon = new TestJournal(lyon).append({
      kind: 'kiosk-order.placed',
      payload: placed(lyon.tillId, { id: otherId }),
    });
    expect((await push(lyon, [fromLyon])).statusCode).toBe(403);

    for (const till of [desk, lyon]) {
      expect((await pull(till, 'orders')).documents.map((d) => d.id)).not.toContain(otherId);
    }
    const stored = await t.db.query('SELECT 1 FROM sync_documents WHERE id = ANY($1::text[])', [
      [otherId, lyonOrder.id, otherKiosk.id, fromLyon.id],
    ]);
    expect(stored.rows).toEqual([]);
  });

  it('refuses malformed orders with 400 and a path, and direct order writes with 403', async () => {
    const valid = new TestJournal(kiosk).append({
      kind: 'kiosk-order.placed',
      payload: placed(kiosk.tillId, { id: '0195509a-6c00-7001-8000-00000000a003' }),
    });
    const tampered: unknown[] = [
      { ...valid, payload: { ...valid.payload, status: 'shipped' } },
      { ...valid, payload: { ...valid.payload, lines: [] } },
      { ...valid, payload: { ...valid.payload, vip: true } },
      {
        ...valid,
        payload: { ...valid.payload, payment: { type: 'kiosk-card', cardReference: '4111111111111111' } },
      },
      { ...valid, payload: 'an order' },
    ];
    for (const entry of tampered) {
      const response = await kiosk.request('POST', '/sync/v1/journal/push', [
        { assumedMasterState: null, newDocumentState: { ...(entry as object), _deleted: false } },
      ]);
      expect(response.statusCode).toBe(400);
      expect(response.json().details[0].path).toMatch(/^0\.payload/);
    }
    const direct = await kiosk.request('POST', '/sync/v1/orders/push', [
      { assumedMasterState: null, newDocumentState: { ...valid.payload, _deleted: false } },
    ]);
    expect(direct.statusCode).toBe(403);
    expect((await pull(desk, 'orders')).documents.map((d) => d.id)).toEqual([ORDER_ID]);
  });
});
