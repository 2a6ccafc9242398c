import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aProduct } from '../core/cart/test-builders';
import type { JournalEntry } from '../core/journal/journal-entry';
import type { CompletedSale } from '../core/sale';
import { createTillDatabase, type TillDatabase } from '../data/till-database';
import { createOpenSaleKeeper, restoreOpenSale, SESSION_IDLE_MS, savedSaleOf } from './open-sale';
import { createReceiptDesk } from './receipt-desk';
import { createSaleStore } from './sale-store';
import { CASHIER, memoryTillServices } from './sale-test-till';

// The open sale through a reload (a second store on the same database, as
// the renderer builds after a reload) and "Retour au panier" with cash taken,
// checked against the till's journal, with the real data layer in memory.

const YAOURT = aProduct({ id: 'yaourt', barcode: '3017620422003', priceMinor: 1_200 });
const CREME = aProduct({ id: 'creme', name: 'Crème', barcode: '3017620422034', priceMinor: 800 });

async function journalSales(db: TillDatabase): Promise<CompletedSale[]> {
  const entries = await db.journal.find({ sort: [{ sequence: 'asc' }] }).exec();
  return entries
    .map((doc) => doc.toMutableJSON() as JournalEntry)
    .filter((e) => e.kind === 'sale.completed')
    .map((e) => e.payload as CompletedSale);
}

describe('the open sale', () => {
  let db: TillDatabase;
  let clock: number;
  const stops: (() => void)[] = [];

  beforeEach(async () => {
    db = await createTillDatabase(`open-sale-${Math.random()}`, getRxStorageMemory());
    await db.catalog.put([YAOURT, CREME]);
    await db.staff.insert(CASHIER);
    clock = Date.parse('2026-12-06T10:00:00Z');
  });
  afterEach(async () => {
    for (const stop of stops.splice(0)) stop();
    await db.close();
  });

  /** What the cashier screen gives its stores, without devices (no bridge). */
  const tillServices = () => memoryTillServices(db);

  /** The cashier screen as it starts: a sale store, then whatever this till had open. */
  async function openTill() {
    const keeper = createOpenSaleKeeper(db, () => clock);
    const sale = createSaleStore(tillServices(), createReceiptDesk(tillServices()), keeper);
    stops.push(await restoreOpenSale(sale, keeper, db, undefined, () => clock));
    return { sale, settled: () => keeper.save(sale.store.getState()) };
  }

  it('Retour au panier keeps the cash taken: the next payment deducts it and the journal records it', async () => {
    // The sale store alone, as before the open sale was kept.
    const sale = createSaleStore(tillServices(), createReceiptDesk(tillServices()));
    expect(await sale.signIn('1234')).toBe(true);
    await sale.scan(YAOURT.barcode);
    sale.startPayment();
    await sale.payCash(500);
    sale.cancelPayment();
    expect(sale.store.getState().payment).toBeUndefined();
    // The cash is on the sale: it can be neither emptied nor closed.
    sale.voidLine(sale.store.getState().cart.lines[0]?.lineId ?? '');
    expect(sale.store.getState().cart.lines[0]?.voided ?? null).toBeNull();
    sale.signOut();
    expect(sale.store.getState().staff).toBeDefined();

    await sale.scan(CREME.barcode);
    sale.startPayment();
    expect(sale.store.getState().payment?.tenders.map((t) => t.amount.minor)).toEqual([500]);
    await sale.payCash(2_000);
    const [recorded] = await journalSales(db);
    expect(recorded?.totals.total.minor).toBe(2_000);
    expect(recorded?.tenders.map((t) => [t.type, t.amount.minor])).toEqual([
      ['cash', 500],
      ['cash', 1_500],
    ]);
    expect(sale.store.getState().completed?.change.minor).toBe(500);
  });

  it('cash kept above a lower total settles the sale with change, nothing left out', async () => {
    const { sale } = await openTill();
    await sale.signIn('1234');
    await sale.scan(YAOURT.barcode);
    await sale.scan(CREME.barcode);
    sale.startPayment();
    await sale.payCash(1_000);
    await sale.payCash(500);
    sale.cancelPayment();
    sale.voidLine(sale.store.getState().cart.lines[0]?.lineId ?? '');
    sale.startPayment();
    await expect.poll(async () => (await journalSales(db)).length).toBe(1);
    const [recorded] = await journalSales(db);
    expect(recorded?.totals.total.minor).toBe(800);
    expect(recorded?.tenders.map((t) => (t.type === 'cash' ? t.given.minor : 0))).toEqual([1_500]);
    expect(recorded?.change.minor).toBe(700);
  });

  it('a reload finds the cashier, the basket and the cash taken, without a PIN', async () => {
    const first = await openTill();
    await first.sale.signIn('1234');
    await first.sale.scan(YAOURT.barcode);
    await first.sale.scan(CREME.barcode);
    first.sale.startPayment();
    await first.sale.payCash(500);
    await first.settled();
    stops.splice(0).forEach((stop) => void stop());

    clock += SESSION_IDLE_MS - 1_000;
    const { sale } = await openTill();
    const state = sale.store.getState();
    expect(state.staff?.displayName).toBe('Camille Martin');
    expect(state.cart.lines.map((l) => l.productId)).toEqual(['yaourt', 'creme']);
    expect(state.payment?.tenders.map((t) => t.amount.minor)).toEqual([500]);
    await sale.payCash(1_500);
    const [recorded] = await journalSales(db);
    expect(recorded?.tenders.map((t) => t.amount.minor)).toEqual([500, 1_500]);
    expect(recorded?.staffId).toBe('staff-camille');
  });

  it('after the idle limit the PIN is asked again, and the sale with its cash waits for whoever signs in', async () => {
    const first = await openTill();
    await first.sale.signIn('1234');
    await first.sale.scan(YAOURT.barcode);
    first.sale.startPayment();
    await first.sale.payCash(500);
    first.sale.cancelPayment();
    await first.settled();
    stops.splice(0).forEach((stop) => void stop());

    clock += SESSION_IDLE_MS + 1_000;
    const { sale } = await openTill();
    expect(sale.store.getState().staff).toBeUndefined();
    expect(sale.store.getState().kept.map((t) => t.amount.minor)).toEqual([500]);
    expect(JSON.stringify(await db.getLocal('open-sale'))).not.toContain('1234');
    await sale.signIn('1234');
    expect(sale.store.getState().cart.lines).toHaveLength(1);
    sale.startPayment();
    expect(sale.store.getState().payment?.tenders.map((t) => t.amount.minor)).toEqual([500]);
  });

  it('a paid sale stored before its journal entry is journaled once after the reload, never twice', async () => {
    const first = await openTill();
    await first.sale.signIn('1234');
    await first.sale.scan(YAOURT.barcode);
    first.sale.startPayment();
    // What was stored the moment the last tender settled it, before finish() wrote the journal.
    const payment = first.sale.store.getState().payment;
    if (!payment) throw new Error('payment expected');
    const paid = { ...first.sale.store.getState(), payment: { ...payment, tenders: [] } };
    await first.sale.payCash(1_200);
    const journaledSale = (await journalSales(db))[0];
    stops.splice(0).forEach((stop) => void stop());
    const stored = (tenders: unknown) =>
      db.upsertLocal('open-sale', {
        value: savedSaleOf(
          { ...paid, payment: { ...payment, tenders } } as never,
          new Date(clock).toISOString(),
        ),
      });

    // Crash after the journal entry: the sale is done, the till does not journal it again.
    await stored(journaledSale?.tenders);
    const again = await openTill();
    expect(again.sale.store.getState().payment).toBeUndefined();
    expect(again.sale.store.getState().cart.lines).toHaveLength(0);
    await again.sale.finishRestored();
    expect(await journalSales(db)).toHaveLength(1);
    stops.splice(0).forEach((stop) => void stop());

    // Crash before it: the paid sale is journaled once the till is back.
    await stored([{ ...journaledSale?.tenders[0], tenderId: '0192f0c0-0000-7000-8000-0000000000aa' }]);
    await openTill();
    await expect.poll(async () => (await journalSales(db)).length).toBe(2);
    expect((await journalSales(db))[1]?.tenders[0]?.tenderId).toBe('0192f0c0-0000-7000-8000-0000000000aa');
  });

  it('a stored sale the till cannot read is set aside, not overwritten', async () => {
    await db.upsertLocal('open-sale', { value: { version: 0, lines: ['old shape'] } });
    const { sale } = await openTill();
    await sale.signIn('1234');
    await sale.scan(YAOURT.barcode);
    await expect
      .poll(
        async () =>
          (await db.getLocal<{ value: { version: number } }>('open-sale'))?.toJSON().data.value.version,
      )
      .toBe(1);
    const setAside = await db.getLocal<{ values: unknown[] }>('open-sale-unreadable');
    expect(JSON.stringify(setAside?.toJSON().data.values)).toContain('old shape');
  });

  it('a cashier no longer active is not signed back in by a reload', async () => {
    const first = await openTill();
    await first.sale.signIn('1234');
    await first.sale.scan(YAOURT.barcode);
    await first.settled();
    stops.splice(0).forEach((stop) => void stop());
    await (await db.staff.findOne('staff-camille').exec())?.incrementalPatch({ active: false });

    const { sale } = await openTill();
    expect(sale.store.getState().staff).toBeUndefined();
    expect(sale.store.getState().cart.lines).toHaveLength(1);
  });
});
