import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/core/cart/test-builders';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import { decodeKioskTicket } from '../../../src/core/tickets/kiosk-ticket';
import { seedDemoStore } from '../../../sync-server/src/demo/seed-store';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';
import {
  idsFor,
  orderToPayAtTill,
  signedTicket,
  ticketSale,
  voucherSale,
  voucherSpendSale,
} from '../../support/ticket-fixtures';

// Kiosk tickets paid at tills and gift vouchers, on the server
// (docs/kiosk-tickets.md, docs/gift-vouchers.md): device keys reach the
// store settings; a ticket's sale marks its order paid once, whichever
// arrives first; a second payment, or a voucher spent beyond its value on
// two offline tills, is an incident naming both sales.

describe.each(DATABASE_KINDS)('kiosk tickets and gift vouchers on the server ($name)', (kind) => {
  let t: TestServer;
  let kiosk: EnrolledTill;
  let tillA: EnrolledTill;
  let tillB: EnrolledTill;
  let kioskJournal: TestJournal;
  let journalA: TestJournal;
  let journalB: TestJournal;
  const idsA = idsFor(1);
  const idsB = idsFor(2);

  beforeAll(async () => {
    t = await startTestServer(kind);
    await seedDemoStore(t.db, t.server.keys, []);
    kiosk = await t.enrol('PAR01', 'K1');
    tillA = await t.enrol('PAR01', '01');
    tillB = await t.enrol('PAR01', '02');
    kioskJournal = new TestJournal(kiosk);
    journalA = new TestJournal(tillA);
    journalB = new TestJournal(tillB);
  });
  afterAll(() => t?.close());

  const push = async (till: EnrolledTill, entries: readonly JournalEntry[]) => {
    const response = await till.request('POST', '/sync/v1/journal/push', asNewRows(entries));
    expect(response.statusCode).toBe(200);
  };
  const pull = async (till: EnrolledTill, collection: string) =>
    (await till.request('GET', `/sync/v1/${collection}/pull?checkpoint=0&limit=1000`)).json()
      .documents as Record<string, unknown>[];
  const incidents = async () =>
    (await t.admin('GET', '/admin/v1/incidents')).json().incidents as {
      code: string;
      entryId: string;
      detail: Record<string, unknown>;
    }[];
  const till = (e: EnrolledTill) => ({ storeCode: e.storeCode, tillCode: e.tillCode });

  it('puts a registered device key in the store settings, and takes it out when the device is revoked', async () => {
    const other = await t.enrol('PAR01', 'K9');
    const { publicX } = await signedTicket(
      orderToPayAtTill('0195509a-6c00-7001-8000-00000000b009', other.tillId),
    );
    const bad = await other.request('PUT', '/sync/v1/device-key', { kty: 'OKP', crv: 'Ed25519', x: 'short' });
    expect(bad.statusCode).toBe(400);
    const put = await other.request('PUT', '/sync/v1/device-key', { kty: 'OKP', crv: 'Ed25519', x: publicX });
    expect(put.statusCode).toBe(204);
    const [settings] = await pull(tillA, 'settings');
    expect(settings?.deviceKeys).toEqual([
      { tillId: other.tillId, tillCode: 'K9', kty: 'OKP', crv: 'Ed25519', x: publicX },
    ]);
    expect((await t.admin('POST', `/admin/v1/tills/${other.tillId}/revoke`)).statusCode).toBe(200);
    expect((await pull(tillA, 'settings'))[0]?.deviceKeys).toEqual([]);
  });

  it('marks the order paid once when the till sale arrives after the order, and reports a second payment', async () => {
    const order = orderToPayAtTill('0195509a-6c00-7001-8000-00000000b001', kiosk.tillId);
    const signed = await signedTicket(order);
    const ticket = unwrap(decodeKioskTicket(signed.text));
    await push(kiosk, [kioskJournal.append({ kind: 'kiosk-order.placed', payload: order })]);
    const saleA = ticketSale(ticket, till(tillA), idsA);
    const entryA = journalA.append({ kind: 'sale.completed', payload: saleA });
    await push(tillA, [entryA]);
    const stored = (await pull(tillB, 'orders')).find((o) => o.id === order.id);
    expect(stored).toMatchObject({ status: 'paid', payment: { type: 'till-sale', saleId: saleA.saleId } });
    expect(await incidents()).toEqual([]);
    // Re-sent: nothing moves.
    await push(tillA, [entryA]);
    // No shelf stock moved for the order's goods.
    const moved = await t.db.query('SELECT 1 FROM stock_movements WHERE entry_id = $1', [entryA.id]);
    expect(moved.rows).toEqual([]);

    // Till B took the same ticket offline.
    const saleB = ticketSale(ticket, till(tillB), idsB);
    const entryB = journalB.append({ kind: 'sale.completed', payload: saleB });
    await push(tillB, [entryB]);
    const found = await incidents();
    expect(found).toMatchObject([{ code: 'kiosk-order-paid-twice', entryId: entryB.id }]);
    expect(found[0]?.detail.sales).toEqual([
      expect.objectContaining({ saleId: saleA.saleId, tillId: tillA.tillId }),
      expect.objectContaining({ saleId: saleB.saleId, tillId: tillB.tillId }),
    ]);
    expect((await pull(tillB, 'orders')).find((o) => o.id === order.id)).toMatchObject({
      payment: { saleId: saleA.saleId },
    });
    const rows = await t.db.query('SELECT sale_id FROM kiosk_order_payments WHERE order_id = $1', [order.id]);
    expect(rows.rows).toHaveLength(2);
  });

  it('places the order paid when the till sale arrived first (both offline, then synced)', async () => {
    const order = orderToPayAtTill('0195509a-6c00-7001-8000-00000000b002', kiosk.tillId);
    const ticket = unwrap(decodeKioskTicket((await signedTicket(order)).text));
    const before = (await incidents()).length;
    const sale = ticketSale(ticket, till(tillA), idsA);
    await push(tillA, [journalA.append({ kind: 'sale.completed', payload: sale })]);
    expect((await pull(tillB, 'orders')).find((o) => o.id === order.id)).toBeUndefined();
    await push(kiosk, [kioskJournal.append({ kind: 'kiosk-order.placed', payload: order })]);
    expect((await pull(tillB, 'orders')).find((o) => o.id === order.id)).toMatchObject({
      status: 'paid',
      payment: { type: 'till-sale', saleId: sale.saleId },
    });
    expect(await incidents()).toHaveLength(before);
  });

  it('replicates a sold voucher to the store, counts partial spends, and flags one spent twice offline', async () => {
    const before = (await incidents()).length;
    const sold = voucherSale('GV7KQ4M2XY', 5000, till(tillA), idsA);
    await push(tillA, [journalA.append({ kind: 'sale.completed', payload: sold })]);
    const voucher = () => pull(tillB, 'vouchers').then((docs) => docs.find((d) => d.id === 'GV7KQ4M2XY'));
    expect(await voucher()).toMatchObject({
      faceValue: { minor: 5000 },
      remaining: { minor: 5000 },
      redemptions: [],
      overRedeemed: false,
      issuedSaleId: sold.saleId,
    });
    // The voucher line moved no stock.
    const moved = await t.db.query(
      'SELECT 1 FROM stock_movements m JOIN sales s USING (entry_id) WHERE s.sale_id = $1',
      [sold.saleId],
    );
    expect(moved.rows).toEqual([]);

    // Till A spends 30 €; till B, offline, still believes 50 € and spends 40 €.
    const spendA = voucherSpendSale('GV7KQ4M2XY', 3000, 5000, 3000, till(tillA), idsA);
    const spendB = voucherSpendSale('gv7kq4m2xy', 4000, 5000, 6000, till(tillB), idsB);
    await push(tillA, [journalA.append({ kind: 'sale.completed', payload: spendA })]);
    expect(await voucher()).toMatchObject({ remaining: { minor: 2000 }, overRedeemed: false });
    expect(await incidents()).toHaveLength(before);
    const entryB = journalB.append({ kind: 'sale.completed', payload: spendB });
    await push(tillB, [entryB]);
    expect(await voucher()).toMatchObject({ remaining: { minor: -2000 }, overRedeemed: true });
    const found = (await incidents()).filter((i) => i.code.startsWith('voucher-'));
    expect(found).toMatchObject([{ code: 'voucher-over-redeemed', entryId: entryB.id }]);
    expect(found[0]?.detail).toMatchObject({
      code: 'GV7KQ4M2XY',
      faceValueMinor: 5000,
      spentMinor: 7000,
      sales: [
        expect.objectContaining({ saleId: spendA.saleId, amountMinor: 3000 }),
        expect.objectContaining({ saleId: spendB.saleId, amountMinor: 4000 }),
      ],
    });
  });
});
