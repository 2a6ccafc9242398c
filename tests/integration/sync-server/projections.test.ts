import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overrideLinePrice } from '../../../src/core/cart/cart-price-override';
import { aKgProduct, aProduct, eur, idSequence, unwrap } from '../../../src/core/cart/test-builders';
import { type StockLevel, stockLevelId } from '../../../src/core/catalog/stock-level';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import {
  aBusySale,
  aDiscountedSale,
  aPlainSale,
  aReturnOf,
  someHandovers,
} from '../../../src/core/journal/test-builders';
import type { CompletedReturn } from '../../../src/core/returns/completed-return';
import type { CompletedSale } from '../../../src/core/sale/completed-sale';
import { aSale } from '../../../src/core/sale/test-builders';
import { projectJournalEntries } from '../../../sync-server/src/projections/project-journal';
import { lockScope, writeDocuments } from '../../../sync-server/src/sync/document-store';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// Journal projections (docs/projections.md): real sale, return, cash and
// handover entries pushed by an enrolled till must land in the back-office
// tables with figures that add up, move the store's stock by exactly what
// left or came back to the shelf, reach the store's other tills through
// pull, and never count twice.
//
// The core builders make sales and returns of store PAR01, till 03, so the
// till that pushes them is enrolled as PAR01/03.

const STORE = 'PAR01';
const OTHER_STORE = 'LYO02';
const OPENING: Readonly<Record<string, number>> = {
  'yaourt-nature': 20,
  comte: 5_000,
  'creme-brulee': 10,
  p1: 10,
  p2: 10,
  p3: 10,
  pull: 4,
};

// Long before the test runs, so a level the projection forgot to restamp shows.
const SEEDED_AT = '2025-01-01T00:00:00.000Z';

async function seedInventory(t: TestServer, store: string, levels: Readonly<Record<string, number>>) {
  await t.db.transaction(async (tx) => {
    await lockScope(tx, 'inventory', store);
    await writeDocuments(
      tx,
      'inventory',
      store,
      Object.entries(levels).map(([productId, quantity]) => {
        const doc = {
          id: stockLevelId(store, store, productId),
          storeCode: store,
          productId,
          location: { kind: 'this-store', code: store },
          quantity,
          updatedAt: SEEDED_AT,
        } satisfies StockLevel;
        return { id: doc.id, doc, deleted: false };
      }),
    );
  });
}

/** The catalog entry of the cheese, so a price-labelled piece of it can be turned into grams. */
async function seedCheese(t: TestServer) {
  const comte = aKgProduct();
  await t.db.transaction(async (tx) => {
    await lockScope(tx, 'products', '*');
    await writeDocuments(tx, 'products', '*', [{ id: comte.id, doc: comte, deleted: false }]);
  });
}

/** The store's own stock levels as the server holds them, by product id. */
async function levels(t: TestServer, store: string): Promise<Record<string, number>> {
  const result = await t.db.query<{ doc: StockLevel }>(
    "SELECT doc FROM sync_documents WHERE collection = 'inventory' AND scope = $1",
    [store],
  );
  return Object.fromEntries(result.rows.map((row) => [row.doc.productId, row.doc.quantity]));
}

async function pullInventory(till: EnrolledTill, checkpoint: number) {
  const response = await till.request('GET', `/sync/v1/inventory/pull?checkpoint=${checkpoint}&limit=5000`);
  expect(response.statusCode).toBe(200);
  return response.json() as {
    documents: (StockLevel & { _deleted: boolean })[];
    checkpoint: { seq: number };
  };
}

async function push(till: EnrolledTill, entries: readonly JournalEntry[]) {
  const response = await till.request('POST', '/sync/v1/journal/push', asNewRows(entries));
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual([]);
}

/** Everything a double count would change: row counts, sums, stock levels and their seq. */
async function snapshot(t: TestServer) {
  const one = async (sql: string) => (await t.db.query(sql)).rows[0];
  return {
    sales: await one('SELECT count(*) AS n, sum(total_minor)::bigint AS total FROM sales'),
    saleLines: await one('SELECT count(*) AS n, sum(net_minor)::bigint AS net FROM sale_lines'),
    payments: await one('SELECT count(*) AS n, sum(amount_minor)::bigint AS amount FROM payments'),
    returns: await one('SELECT count(*) AS n, sum(total_minor)::bigint AS total FROM returns'),
    returnLines: await one('SELECT count(*) AS n, sum(refund_minor)::bigint AS refund FROM return_lines'),
    refunds: await one('SELECT count(*) AS n, sum(amount_minor)::bigint AS amount FROM return_refunds'),
    cash: await one('SELECT count(*) AS n, sum(drawer_effect_minor)::bigint AS drawer FROM cash_movements'),
    stock: await one('SELECT count(*) AS n, sum(delta)::bigint AS delta FROM stock_movements'),
    handovers: await one('SELECT count(*) AS n, sum(quantity)::bigint AS quantity FROM order_handovers'),
    inventory: (
      await t.db.query(
        "SELECT id, seq, doc->>'quantity' AS quantity FROM sync_documents WHERE collection = 'inventory' ORDER BY id",
      )
    ).rows,
  };
}

describe.each(DATABASE_KINDS)('journal projections on $name', (kind) => {
  let t: TestServer;
  let till: EnrolledTill;
  let secondTill: EnrolledTill;
  let otherStoreTill: EnrolledTill;
  let journal: TestJournal;
  let secondTillCheckpoint = 0;
  let otherStoreCheckpoint = 0;
  let firstPushAt = 0;
  const busy: CompletedSale = aBusySale();
  const plain: CompletedSale = aPlainSale();

  const saleEntry = (sale: CompletedSale) => journal.append({ kind: 'sale.completed', payload: sale });
  const returnEntry = (record: CompletedReturn) =>
    journal.append({ kind: 'return.completed', payload: record });

  beforeAll(async () => {
    t = await startTestServer(kind);
    till = await t.enrol(STORE, '03');
    secondTill = await t.enrol(STORE, '04');
    otherStoreTill = await t.enrol(OTHER_STORE, '01');
    journal = new TestJournal(till);
    await seedInventory(t, STORE, OPENING);
    // The same products in another store, to see that its stock stays put.
    await seedInventory(t, OTHER_STORE, OPENING);
    await seedCheese(t);
    secondTillCheckpoint = (await pullInventory(secondTill, 0)).checkpoint.seq;
    otherStoreCheckpoint = (await pullInventory(otherStoreTill, 0)).checkpoint.seq;
  });
  afterAll(() => t?.close());

  it('projects each sale, its lines and its tenders, with totals and VAT that add up', async () => {
    const handover = someHandovers()[1];
    if (!handover) throw new Error('no example handover');
    firstPushAt = Date.now();
    await push(till, [
      saleEntry(busy),
      saleEntry(plain),
      journal.floatIn(15_000),
      journal.append({ kind: 'order.handover', payload: handover }),
    ]);

    const sales = await t.db.query<{
      entry_id: string;
      sale_id: string;
      receipt_number: string;
      store_code: string;
      till_id: string;
      total_minor: number;
      vat_minor: number;
      cash_rounding_minor: number;
      paid: number;
      handed_over: number;
      change: number;
      lines_net: number;
      lines_vat: number;
    }>(
      `SELECT s.entry_id, s.sale_id, s.receipt_number, s.store_code, s.till_id, s.total_minor, s.vat_minor,
              s.cash_rounding_minor,
              (SELECT sum(amount_minor)::bigint FROM payments p WHERE p.entry_id = s.entry_id) AS paid,
              (SELECT sum(tendered_minor)::bigint FROM payments p WHERE p.entry_id = s.entry_id) AS handed_over,
              (SELECT sum(change_minor)::bigint FROM payments p WHERE p.entry_id = s.entry_id) AS change,
              (SELECT sum(net_minor)::bigint FROM sale_lines l WHERE l.entry_id = s.entry_id) AS lines_net,
              (SELECT sum(vat_minor)::bigint FROM sale_lines l WHERE l.entry_id = s.entry_id) AS lines_vat
       FROM sales s ORDER BY s.sequence`,
    );
    expect(sales.rows.map((row) => row.sale_id)).toEqual([busy.saleId, plain.saleId]);
    [busy, plain].forEach((record, index) => {
      const row = sales.rows[index];
      expect(row).toMatchObject({
        receipt_number: `${STORE}-03-00000${index + 1}`,
        store_code: STORE,
        till_id: till.tillId,
        total_minor: record.totals.total.minor,
        vat_minor: record.vat.total.vat.minor,
        paid: record.totals.total.minor,
        lines_net: record.totals.total.minor,
        lines_vat: record.vat.total.vat.minor,
      });
      // What the customer handed over, minus the change given back, is the total (plus cash rounding).
      expect((row?.handed_over ?? 0) - (row?.change ?? 0)).toBe(
        record.totals.total.minor + record.cashRounding.minor,
      );
    });
    expect(busy.change.minor).toBeGreaterThan(0);
    expect(sales.rows[0]?.change).toBe(busy.change.minor);

    const vatByRate = await t.db.query<{ vat_rate_bps: number; vat: number }>(
      `SELECT vat_rate_bps, sum(vat_minor)::bigint AS vat FROM sale_lines
       GROUP BY vat_rate_bps ORDER BY vat_rate_bps DESC`,
    );
    const expectedByRate = new Map<number, number>();
    for (const rate of [...busy.vat.rates, ...plain.vat.rates]) {
      expectedByRate.set(rate.rateBps, (expectedByRate.get(rate.rateBps) ?? 0) + rate.vat.minor);
    }
    expect(vatByRate.rows).toEqual(
      [...expectedByRate].sort(([a], [b]) => b - a).map(([rate, vat]) => ({ vat_rate_bps: rate, vat })),
    );

    const busyLines = await t.db.query(
      `SELECT product_id, measure, quantity, weight_grams, voided, stock_quantity, stock_unit
       FROM sale_lines WHERE sale_id = $1 ORDER BY line_index`,
      [busy.saleId],
    );
    expect(busyLines.rows).toEqual([
      {
        product_id: 'yaourt-nature',
        measure: 'pieces',
        quantity: 3,
        weight_grams: null,
        voided: false,
        stock_quantity: 3,
        stock_unit: 'piece',
      },
      {
        product_id: 'comte',
        measure: 'weight',
        quantity: null,
        weight_grams: 1234,
        voided: false,
        stock_quantity: 1234,
        stock_unit: 'gram',
      },
      {
        product_id: 'creme-brulee',
        measure: 'pieces',
        quantity: 1,
        weight_grams: null,
        voided: true,
        stock_quantity: 0,
        stock_unit: 'piece',
      },
    ]);
    const card = await t.db.query(
      `SELECT kind, card_terminal_id, card_transaction_ref, card_masked_pan, card_scheme
       FROM payments WHERE sale_id = $1 AND kind = 'card'`,
      [busy.saleId],
    );
    expect(card.rows).toEqual([
      {
        kind: 'card',
        card_terminal_id: 'TPE-01',
        card_transaction_ref: '0042-7781',
        card_masked_pan: '************1234',
        card_scheme: 'CB',
      },
    ]);

    const cash = await t.db.query(
      'SELECT type, amount_minor, drawer_effect_minor, till_id FROM cash_movements',
    );
    expect(cash.rows).toEqual([
      { type: 'float-in', amount_minor: 15_000, drawer_effect_minor: 15_000, till_id: till.tillId },
    ]);
    const handed = await t.db.query(
      'SELECT handover_id, order_line_id, quantity, identification FROM order_handovers ORDER BY line_index',
    );
    expect(handed.rows).toEqual(
      handover.lines.map((line) => ({
        handover_id: handover.id,
        order_line_id: line.lineId,
        quantity: line.quantity,
        identification: 'id-checked',
      })),
    );
  });

  it('lowers the store stock by exactly what was sold: pieces, grams when weighed, voided lines left out', async () => {
    expect(await levels(t, STORE)).toEqual({
      ...OPENING,
      'yaourt-nature': 20 - 3,
      comte: 5_000 - 1_234,
      p1: 9,
      p2: 9,
      p3: 9,
    });
    const movements = await t.db.query(
      `SELECT product_id, delta, unit, reason, estimated FROM stock_movements ORDER BY entry_id, line_index`,
    );
    expect(movements.rows).toEqual([
      { product_id: 'yaourt-nature', delta: -3, unit: 'piece', reason: 'sale', estimated: false },
      { product_id: 'comte', delta: -1234, unit: 'gram', reason: 'sale', estimated: false },
      { product_id: 'p1', delta: -1, unit: 'piece', reason: 'sale', estimated: false },
      { product_id: 'p2', delta: -1, unit: 'piece', reason: 'sale', estimated: false },
      { product_id: 'p3', delta: -1, unit: 'piece', reason: 'sale', estimated: false },
    ]);
  });

  it('another till of the store pulls the new levels, stamped with the server time of the change', async () => {
    const pulled = await pullInventory(secondTill, secondTillCheckpoint);
    const byProduct = Object.fromEntries(pulled.documents.map((doc) => [doc.productId, doc]));
    expect(Object.keys(byProduct).sort()).toEqual(['comte', 'p1', 'p2', 'p3', 'yaourt-nature']);
    expect(byProduct['yaourt-nature']).toMatchObject({
      id: stockLevelId(STORE, STORE, 'yaourt-nature'),
      quantity: 17,
      location: { kind: 'this-store', code: STORE },
      _deleted: false,
    });
    expect(byProduct.comte?.quantity).toBe(3_766);
    for (const doc of pulled.documents) {
      const changedAt = Date.parse(doc.updatedAt);
      expect(changedAt).toBeGreaterThanOrEqual(firstPushAt);
      expect(changedAt).toBeLessThanOrEqual(Date.now());
    }
    secondTillCheckpoint = pulled.checkpoint.seq;
  });

  it('a price-labelled piece of a weighed product lowers its stock by the grams its price buys', async () => {
    const discounted = aDiscountedSale();
    await push(till, [saleEntry(discounted)]);
    // 18,73 € of Comté at 24,90 €/kg ≈ 752 g.
    expect(await levels(t, STORE)).toMatchObject({ comte: 3_766 - 752, pull: 2, 'creme-brulee': 9 });
    const labelled = await t.db.query(
      "SELECT delta, unit, estimated FROM stock_movements WHERE product_id = 'comte' AND estimated",
    );
    expect(labelled.rows).toEqual([{ delta: -752, unit: 'gram', estimated: true }]);
    const payments = await t.db.query<{ kind: string; amount_minor: number }>(
      'SELECT kind, amount_minor FROM payments WHERE sale_id = $1 ORDER BY tender_index',
      [discounted.saleId],
    );
    expect(payments.rows.map((p) => p.kind)).toEqual(['voucher', 'store-credit']);
    expect(payments.rows.reduce((sum, p) => sum + p.amount_minor, 0)).toBe(discounted.totals.total.minor);
  });

  it('a product with no stock level yet gets one from zero; line VAT adds up to the receipt VAT', async () => {
    const novelty = aProduct({ id: 'nouveaute', name: 'Nouveauté' });
    // Three lines of 1,20 € at 5,5 %: 0,06 € of VAT each line by line, but 0,19 € on the receipt.
    const sale = aSale(idSequence(1_770_000_000_000))
      .with(novelty)
      .with(novelty)
      .with(novelty)
      .paidBy('cash')
      .complete();
    await push(till, [saleEntry(sale)]);
    const pulled = await pullInventory(secondTill, secondTillCheckpoint);
    expect(pulled.documents.find((doc) => doc.productId === 'nouveaute')).toMatchObject({
      id: stockLevelId(STORE, STORE, 'nouveaute'),
      storeCode: STORE,
      location: { kind: 'this-store', code: STORE },
      quantity: -3,
    });
    secondTillCheckpoint = pulled.checkpoint.seq;

    const vat = await t.db.query<{ vat: number }>(
      'SELECT sum(vat_minor)::bigint AS vat FROM sale_lines WHERE sale_id = $1',
      [sale.saleId],
    );
    expect(sale.vat.total.vat.minor).toBe(19);
    expect(vat.rows).toEqual([{ vat: 19 }]);
  });

  it("moves the stock of the pushing till's store, whatever store the sale record names", async () => {
    // Only the envelope's store is checked against the till's token; the record's own copy is not.
    const misnamed = { ...aPlainSale(5), storeCode: OTHER_STORE };
    await push(till, [saleEntry(misnamed)]);
    expect(await levels(t, STORE)).toMatchObject({ p1: 8, p2: 8, p3: 8 });
    const row = await t.db.query('SELECT store_code FROM sales WHERE sale_id = $1', [misnamed.saleId]);
    expect(row.rows).toEqual([{ store_code: STORE }]);
    secondTillCheckpoint = (await pullInventory(secondTill, secondTillCheckpoint)).checkpoint.seq;
  });

  it('a restocking return raises the stock; a written-off line does not', async () => {
    // One yoghurt back, not restocked (first line); the weighed Comté back on the shelf.
    const record = aReturnOf(busy, 10);
    expect(record.lines.map((line) => [line.productId, line.restock])).toEqual([
      ['yaourt-nature', false],
      ['comte', true],
    ]);
    const before = await levels(t, STORE);
    await push(till, [returnEntry(record)]);
    expect(await levels(t, STORE)).toEqual({ ...before, comte: (before.comte ?? 0) + 1_234 });
    const pulled = await pullInventory(secondTill, secondTillCheckpoint);
    expect(pulled.documents.map((doc) => [doc.productId, doc.quantity])).toEqual([
      ['comte', (before.comte ?? 0) + 1_234],
    ]);
    secondTillCheckpoint = pulled.checkpoint.seq;

    const lines = await t.db.query(
      `SELECT product_id, quantity, restock, reason_code, stock_quantity, refund_minor
       FROM return_lines ORDER BY line_index`,
    );
    expect(lines.rows).toEqual(
      record.lines.map((line, index) => ({
        product_id: line.productId,
        quantity: 1,
        restock: line.restock,
        reason_code: line.reason.code,
        stock_quantity: index === 0 ? 0 : 1_234,
        refund_minor: line.refund.minor,
      })),
    );
    const sums = await t.db.query(
      `SELECT r.total_minor, r.vat_minor, r.source_id,
              (SELECT sum(amount_minor)::bigint FROM return_refunds f WHERE f.entry_id = r.entry_id) AS refunded,
              (SELECT sum(vat_minor)::bigint FROM return_lines l WHERE l.entry_id = r.entry_id) AS lines_vat
       FROM returns r`,
    );
    expect(sums.rows).toEqual([
      {
        total_minor: record.total.minor,
        vat_minor: record.vat.total.vat.minor,
        source_id: busy.saleId,
        refunded: record.total.minor,
        lines_vat: record.vat.total.vat.minor,
      },
    ]);
    const restock = await t.db.query(
      "SELECT product_id, delta, unit, reason FROM stock_movements WHERE reason = 'return-restock'",
    );
    expect(restock.rows).toEqual([
      { product_id: 'comte', delta: 1234, unit: 'gram', reason: 'return-restock' },
    ]);
  });

  it('shows a price changed at the till: the price it replaced, why, who and who approved', async () => {
    const sale = aSale(idSequence(1_771_000_000_000))
      .with(aProduct({ id: 'p1', priceMinor: 250 }), 2)
      .with(aProduct({ id: 'p2', priceMinor: 100 }))
      .andThen((cart) =>
        unwrap(
          overrideLinePrice(cart, cart.lines[0]?.lineId ?? '', {
            unitPrice: eur(180),
            reasonCode: 'damaged',
            byStaffId: 'cashier-7',
            approval: { approverStaffId: 'manager-1', approvedAt: '2025-10-09T10:13:00+02:00' },
          }),
        ),
      )
      .paidBy('card')
      .complete();
    await push(till, [saleEntry(sale)]);
    const lines = await t.db.query(
      `SELECT unit_price_minor, gross_minor, net_minor, original_unit_price_minor, price_override_reason,
              price_override_by, price_override_approved_by
       FROM sale_lines WHERE sale_id = $1 ORDER BY line_index`,
      [sale.saleId],
    );
    expect(lines.rows).toEqual([
      {
        unit_price_minor: 180,
        gross_minor: 360,
        net_minor: 360,
        original_unit_price_minor: 250,
        price_override_reason: 'damaged',
        price_override_by: 'cashier-7',
        price_override_approved_by: 'manager-1',
      },
      {
        unit_price_minor: 100,
        gross_minor: 100,
        net_minor: 100,
        original_unit_price_minor: null,
        price_override_reason: null,
        price_override_by: null,
        price_override_approved_by: null,
      },
    ]);
    const total = await t.db.query('SELECT total_minor FROM sales WHERE sale_id = $1', [sale.saleId]);
    expect(total.rows).toEqual([{ total_minor: 460 }]);
    secondTillCheckpoint = (await pullInventory(secondTill, secondTillCheckpoint)).checkpoint.seq;
  });

  it('an identical re-send of every entry changes nothing', async () => {
    const before = await snapshot(t);
    expect(before.sales).toMatchObject({ n: 6 });
    await push(till, journal.entries);
    expect(await snapshot(t)).toEqual(before);
    expect((await pullInventory(secondTill, secondTillCheckpoint)).documents).toEqual([]);
  });

  it('projecting entries that are already projected counts nothing twice', async () => {
    const before = await snapshot(t);
    const principal = { tillId: till.tillId, storeCode: till.storeCode, tillCode: till.tillCode };
    await t.db.transaction((tx) => projectJournalEntries(tx, principal, journal.entries));
    expect(await snapshot(t)).toEqual(before);
  });

  it('a till of another store sees none of it', async () => {
    expect((await pullInventory(otherStoreTill, otherStoreCheckpoint)).documents).toEqual([]);
    expect(await levels(t, OTHER_STORE)).toEqual(OPENING);
    const fromScratch = await pullInventory(otherStoreTill, 0);
    expect(fromScratch.documents.every((doc) => doc.storeCode === OTHER_STORE)).toBe(true);
  });
});
