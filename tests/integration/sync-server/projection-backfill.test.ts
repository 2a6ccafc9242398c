import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aKgProduct } from '../../../src/core/cart/test-builders';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import { aBusySale, aPlainSale, aReturnOf, someHandovers } from '../../../src/core/journal/test-builders';
import { backfillProjections } from '../../../sync-server/src/projections/backfill-projections';
import { lockScope, writeDocuments } from '../../../sync-server/src/sync/document-store';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// Projection backfill (docs/projections.md): journal entries stored while no
// projection ran (before migration 003, or on a server without the hook) get
// exactly the rows and stock moves the push hook would have given them, and
// a second run changes nothing. The oracle is a second server that projects
// the same records as they are pushed.

const STORE = 'PAR01';

/** The same records for any till: two sales, a return of one, a float, a handover. */
function recordAll(journal: TestJournal): JournalEntry[] {
  const plain = aPlainSale();
  const handover = someHandovers()[1];
  if (!handover) throw new Error('no example handover');
  journal.append({ kind: 'sale.completed', payload: aBusySale() });
  journal.append({ kind: 'sale.completed', payload: plain });
  journal.floatIn(15_000);
  journal.append({ kind: 'return.completed', payload: aReturnOf(plain, 1) });
  journal.append({ kind: 'order.handover', payload: handover });
  return journal.entries;
}

async function push(till: EnrolledTill, entries: readonly JournalEntry[]) {
  const response = await till.request('POST', '/sync/v1/journal/push', asNewRows(entries));
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual([]);
}

/** Everything a projection writes, free of the ids that differ between two tills. */
async function projected(t: TestServer) {
  const one = async (sql: string) => (await t.db.query(sql)).rows[0];
  const stock = await t.db.query<{ product_id: string; quantity: string }>(
    `SELECT doc->>'productId' AS product_id, doc->>'quantity' AS quantity FROM sync_documents
     WHERE collection = 'inventory' ORDER BY 1`,
  );
  return {
    sales: await one('SELECT count(*)::int AS n, sum(total_minor)::bigint AS total FROM sales'),
    saleLines: await one('SELECT count(*)::int AS n, sum(net_minor)::bigint AS net FROM sale_lines'),
    payments: await one('SELECT count(*)::int AS n, sum(amount_minor)::bigint AS amount FROM payments'),
    returns: await one('SELECT count(*)::int AS n, sum(total_minor)::bigint AS total FROM returns'),
    returnLines: await one('SELECT count(*)::int AS n, sum(stock_quantity)::bigint AS q FROM return_lines'),
    refunds: await one('SELECT count(*)::int AS n, sum(amount_minor)::bigint AS amount FROM return_refunds'),
    cash: await one('SELECT count(*)::int AS n, sum(drawer_effect_minor)::bigint AS d FROM cash_movements'),
    movements: await one('SELECT count(*)::int AS n, sum(delta)::bigint AS delta FROM stock_movements'),
    handovers: await one('SELECT count(*)::int AS n, sum(quantity)::bigint AS q FROM order_handovers'),
    stock: stock.rows,
  };
}

async function seedCheese(t: TestServer) {
  const comte = aKgProduct();
  await t.db.transaction(async (tx) => {
    await lockScope(tx, 'products', '*');
    await writeDocuments(tx, 'products', '*', [{ id: comte.id, doc: comte, deleted: false }]);
  });
}

describe.each(DATABASE_KINDS)('projection backfill on $name', (kind) => {
  let unprojected: TestServer;
  let reference: TestServer;

  beforeAll(async () => {
    // No push hook: entries are stored as they were before migration 003.
    unprojected = await startTestServer(kind, { projection: 'none' });
    reference = await startTestServer(kind);
    await seedCheese(unprojected);
    await seedCheese(reference);
  });
  afterAll(async () => {
    await unprojected?.close();
    await reference?.close();
  });

  it('gives stored entries the rows and stock the push hook gives them, once', async () => {
    const oldTill = await unprojected.enrol(STORE, '03');
    await push(oldTill, recordAll(new TestJournal(oldTill)));
    const referenceTill = await reference.enrol(STORE, '03');
    await push(referenceTill, recordAll(new TestJournal(referenceTill)));
    const before = await projected(unprojected);
    expect(before.sales).toEqual({ n: 0, total: null });
    expect(before.stock).toEqual([]);

    // Pages of 2 entries: a return lands in another page than its sale.
    const first = await backfillProjections(unprojected.db, 2);
    expect(first).toEqual({ scanned: 5, projected: 5 });
    const expected = await projected(reference);
    expect(expected.sales).toMatchObject({ n: 2 });
    expect(expected.returns).toMatchObject({ n: 1 });
    expect(expected.stock.length).toBeGreaterThan(0);
    expect(await projected(unprojected)).toEqual(expected);

    const again = await backfillProjections(unprojected.db, 2);
    // The handover has rows now too: nothing is left to project.
    expect(again).toEqual({ scanned: 5, projected: 0 });
    expect(await projected(unprojected)).toEqual(expected);
  });

  it('leaves entries the push hook projected alone', async () => {
    const before = await projected(reference);
    expect(await backfillProjections(reference.db)).toEqual({ scanned: 5, projected: 0 });
    expect(await projected(reference)).toEqual(before);
  });
});
