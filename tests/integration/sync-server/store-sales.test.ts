import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import { type StoreSale, storeSaleSchema } from '../../../src/core/returns/store-sale';
import { aReturnAt, aSaleAt } from '../../../src/core/returns/store-sale-test-builders';
import type { CompletedSale } from '../../../src/core/sale/completed-sale';
import { expireAllStoreSales } from '../../../sync-server/src/projections/store-sales-expiry';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// The store's sales feed and double returns (docs/sync-protocol.md sections
// 4, 5.1 and 6; docs/projections.md "Store sales feed"): a sale pushed by one
// till reaches every till of its store through the `sales` collection, with
// the units returned so far; two returns of the same line on two tills make
// one `double-return` incident naming both, seen by the back office and on
// the sale's feed document; an older sale is found through the online
// look-up; sales past the window leave the feed as tombstones.

type WireSale = StoreSale & { _deleted: boolean };

async function push(till: EnrolledTill, entries: readonly JournalEntry[]) {
  const response = await till.request('POST', '/sync/v1/journal/push', asNewRows(entries));
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json()).toEqual([]);
}

async function pullSales(till: EnrolledTill, checkpoint = 0) {
  const response = await till.request('GET', `/sync/v1/sales/pull?checkpoint=${checkpoint}&limit=5000`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { documents: WireSale[]; checkpoint: { seq: number } };
}

interface IncidentRow {
  id: number;
  code: string;
  tillId: string;
  storeCode: string;
  entryId: string;
  held: boolean;
  detail: {
    saleId: string;
    returns: { returnId: string; tillCode: string }[];
    lines: { sold: number; returned: number }[];
  };
}

async function doubleReturns(t: TestServer): Promise<IncidentRow[]> {
  const response = await t.admin('GET', '/admin/v1/incidents');
  expect(response.statusCode).toBe(200);
  return (response.json() as { incidents: IncidentRow[] }).incidents.filter(
    (i) => i.code === 'double-return',
  );
}

describe.each(DATABASE_KINDS)('store sales feed and double returns ($name)', (kind) => {
  let t: TestServer;
  let a: EnrolledTill;
  let b: EnrolledTill;
  let c: EnrolledTill;
  let elsewhere: EnrolledTill;
  const journals = new Map<string, TestJournal>();
  const journalOf = (till: EnrolledTill) => {
    const journal = journals.get(till.tillId) ?? new TestJournal(till);
    journals.set(till.tillId, journal);
    return journal;
  };
  const sell = async (till: EnrolledTill, at?: string) => {
    const sale = aSaleAt(till, at ?? new Date().toISOString());
    const entry = journalOf(till).append({ kind: 'sale.completed', payload: sale });
    await push(till, [entry]);
    return { sale, entry };
  };
  const returnLine = (till: EnrolledTill, sale: CompletedSale, lineIndex: number, units = 1) =>
    journalOf(till).append({
      kind: 'return.completed',
      payload: aReturnAt(till, sale, lineIndex, new Date().toISOString(), units),
    });

  beforeAll(async () => {
    t = await startTestServer(kind);
    a = await t.enrol('PAR01', '01');
    b = await t.enrol('PAR01', '02');
    c = await t.enrol('PAR01', '03');
    elsewhere = await t.enrol('LYO01', '01');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  let sold: CompletedSale;
  let checkpointOfB = 0;

  it("brings a till's sale to every till of its store, in the compact form, and to no other store", async () => {
    ({ sale: sold } = await sell(a));
    const pulled = await pullSales(b);
    expect(pulled.documents).toHaveLength(1);
    const doc = pulled.documents[0] as WireSale;
    expect(storeSaleSchema.safeParse({ ...doc, _deleted: undefined }).success).toBe(false); // strict: no extra member
    const { _deleted, ...stored } = doc;
    expect(_deleted).toBe(false);
    expect(storeSaleSchema.parse(stored)).toEqual(stored);
    expect(stored).toMatchObject({
      id: sold.saleId,
      storeCode: 'PAR01',
      tillCode: '01',
      receiptNumber: 'PAR01-01-000001',
      soldAt: sold.completedAt,
      currency: 'EUR',
      returnIds: [],
      incidents: [],
      incidentCount: 0,
    });
    expect(stored.lines.map((l) => [l.name, l.quantity, l.netPaid, l.returned])).toEqual([
      ['Yaourt nature', 1, 250, 0],
      ['Écharpe laine', 2, 5800, 0],
      ['Tomme', 1, 640, 0],
    ]);
    expect(stored.payments).toEqual([
      { tenderId: sold.tenders[0]?.tenderId, type: 'card', amount: 6690, reference: null },
    ]);
    // 30 days by default (no storeSalesDays in the settings).
    expect(Date.parse(stored.expiresAt) - Date.parse(stored.soldAt)).toBe(30 * 86_400_000);
    checkpointOfB = pulled.checkpoint.seq;
    expect((await pullSales(elsewhere)).documents).toEqual([]);
  });

  it('two tills returning the same line make one incident naming both returns, on the feed too', async () => {
    const first = returnLine(b, sold, 0);
    const second = returnLine(c, sold, 0);
    await push(b, [first]);
    expect(await doubleReturns(t)).toEqual([]);
    await push(c, [second]);
    // An identical re-send is a no-op: no second incident.
    await push(c, [second]);

    const incidents = await doubleReturns(t);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents as [IncidentRow];
    expect(incident).toMatchObject({ tillId: c.tillId, storeCode: 'PAR01', entryId: second.id, held: false });
    expect(incident.detail.saleId).toBe(sold.saleId);
    expect(incident.detail.returns.map((r) => [r.returnId, r.tillCode])).toEqual([
      [(first.payload as { returnId: string }).returnId, '02'],
      [(second.payload as { returnId: string }).returnId, '03'],
    ]);
    expect(incident.detail.lines).toEqual([expect.objectContaining({ sold: 1, returned: 2 })]);

    const pulled = await pullSales(b, checkpointOfB);
    expect(pulled.documents).toHaveLength(1);
    const doc = pulled.documents[0] as WireSale;
    expect(doc.lines.map((l) => l.returned)).toEqual([2, 0, 0]);
    expect(doc.returnIds).toHaveLength(2);
    expect(doc.incidentCount).toBe(1);
    expect(doc.incidents[0]?.incidentId).toBe(incident.id);
    expect(doc.incidents[0]?.returns.map((r) => r.tillCode)).toEqual(['02', '03']);
    checkpointOfB = pulled.checkpoint.seq;
  });

  it('a return within what was sold makes no incident, and counts on the feed', async () => {
    await push(b, [returnLine(b, sold, 1, 1)]);
    await push(c, [returnLine(c, sold, 1, 1)]);
    expect(await doubleReturns(t)).toHaveLength(1);
    const doc = (await pullSales(b, checkpointOfB)).documents.at(-1) as WireSale;
    expect(doc.lines.map((l) => l.returned)).toEqual([2, 2, 0]);
    // What every till refunded to the card is on the feed too, so no till refunds that card twice.
    const books = await t.db.query<{ minor: number }>(
      "SELECT sum(total_minor)::int AS minor FROM returns WHERE source_type = 'sale' AND source_id = $1",
      [sold.saleId],
    );
    expect(books.rows[0]?.minor).toBeGreaterThan(0);
    expect(doc.payments.map((p) => [p.type, p.refunded])).toEqual([['card', books.rows[0]?.minor]]);
  });

  it('two pushes returning the same line at the same moment still make one incident', async () => {
    const { sale } = await sell(a);
    const before = (await doubleReturns(t)).length;
    await Promise.all([push(b, [returnLine(b, sale, 2)]), push(c, [returnLine(c, sale, 2)])]);
    const after = await doubleReturns(t);
    expect(after).toHaveLength(before + 1);
    expect(after[0]?.detail.saleId).toBe(sale.saleId);
  });

  it('looks a sale up online, however old, for a till of its store only', async () => {
    const old = await sell(a, '2025-03-01T10:00:00.000Z');
    const feed = await pullSales(b);
    expect(feed.documents.map((d) => d.id)).not.toContain(old.sale.saleId);

    const byNumber = await b.request('GET', '/sync/v1/sale-lookup?receiptNumber=PAR01-01-000003');
    expect(byNumber.statusCode, byNumber.body).toBe(200);
    const found = (byNumber.json() as { sale: StoreSale }).sale;
    expect(storeSaleSchema.parse(found)).toEqual(found);
    expect(found).toMatchObject({
      id: old.sale.saleId,
      receiptNumber: 'PAR01-01-000003',
      soldAt: old.sale.completedAt,
    });

    const byId = await c.request('GET', `/sync/v1/sale-lookup?saleId=${sold.saleId}`);
    expect(byId.statusCode).toBe(200);
    expect((byId.json() as { sale: StoreSale }).sale.lines.map((l) => l.returned)).toEqual([2, 2, 0]);

    expect((await b.request('GET', '/sync/v1/sale-lookup?receiptNumber=PAR01-01-000999')).statusCode).toBe(
      404,
    );
    expect(
      (await elsewhere.request('GET', '/sync/v1/sale-lookup?receiptNumber=PAR01-01-000003')).statusCode,
    ).toBe(404);
    expect((await b.request('GET', '/sync/v1/sale-lookup')).statusCode).toBe(400);
    expect((await b.request('GET', '/sync/v1/sale-lookup?receiptNumber=nope')).statusCode).toBe(400);
    const anonymous = await t.server.app.inject({
      method: 'GET',
      url: '/sync/v1/sale-lookup?receiptNumber=PAR01-01-000003',
      headers: { 'x-till-protocol': '1' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('sales past the window leave the feed as tombstones; a first pull carries none', async () => {
    const live = (await pullSales(b)).documents;
    expect(live.length).toBeGreaterThan(0);
    const { checkpoint } = await pullSales(b);
    const expired = await expireAllStoreSales(t.db, new Date(Date.now() + 31 * 86_400_000));
    expect(expired).toBe(live.length);
    const tombstones = (await pullSales(b, checkpoint.seq)).documents;
    expect(tombstones.map((d) => d.id).sort()).toEqual(live.map((d) => d.id).sort());
    for (const doc of tombstones) {
      expect(doc._deleted).toBe(true);
      expect(doc.lines).toEqual([]);
      expect(doc.receiptNumber).toMatch(/^PAR01-01-/);
    }
    expect((await pullSales(c)).documents).toEqual([]);
    // A second pass finds nothing left to expire.
    expect(await expireAllStoreSales(t.db, new Date(Date.now() + 31 * 86_400_000))).toBe(0);
  });
});
