import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aProduct } from '../core/cart/test-builders';
import type { JournalEntry } from '../core/journal/journal-entry';
import { verifyChain } from '../core/journal/verify-chain';
import { ok } from '../core/result';
import type { ServerShiftTotals } from '../core/shifts/server-shift-totals';
import { hashPin } from '../core/staff/staff-member';
import { createJournalWriter } from '../data/journal-writer';
import { findProductByBarcode } from '../data/product-lookup';
import { createTillDatabase, type TillDatabase } from '../data/till-database';
import { createReceiptDesk } from './receipt-desk';
import { createSaleStore } from './sale-store';
import { type Reconciliation, reconcileShift } from './shift-reconciliation';
import { type ApprovalGate, createShiftStore } from './shift-store';

// The shift flow on the real data layer in memory: open with a counted
// float, a cash sale with a voided line, a cash-out, the X report, a close
// whose difference needs a manager, the Z report; checked against the
// journal. A shift left open is found again by a new store (a restart): carried on the same
// business day, offered to close from an earlier one.

const identity = { storeCode: 'PAR01', tillCode: '01', tillId: 'till-a' };
const YAOURT = aProduct({ id: 'yaourt', barcode: '3017620422003', priceMinor: 1_200 });
const CREME = aProduct({ id: 'creme', name: 'Crème', barcode: '3017620422034', priceMinor: 800 });
const CAMILLE = { id: 'staff-camille', displayName: 'Camille Martin', role: 'cashier' } as const;

async function journalOf(db: TillDatabase): Promise<JournalEntry[]> {
  return (await db.journal.find({ sort: [{ sequence: 'asc' }] }).exec()).map(
    (doc) => doc.toMutableJSON() as JournalEntry,
  );
}

/** An approvals store stand-in: records what was asked and answers as told. */
function approvalsAnswering(answer: 'approve' | 'cancel') {
  const asked: Parameters<ApprovalGate['require']>[1][] = [];
  const gate: ApprovalGate = {
    async require(_staff, request) {
      asked.push(request);
      return answer === 'approve'
        ? { ok: true, approverStaffId: 'staff-sophie' }
        : { ok: false, reason: 'cancelled' };
    },
  };
  return { gate, asked };
}

describe('the shift store', () => {
  let db: TillDatabase;

  beforeEach(async () => {
    db = await createTillDatabase(`shift-${Math.random()}`, getRxStorageMemory());
    await db.catalog.put([YAOURT, CREME]);
    await db.staff.insert({
      id: CAMILLE.id,
      storeCode: 'PAR01',
      displayName: CAMILLE.displayName,
      role: 'cashier',
      pin: hashPin('1234', new Uint8Array(16).fill(7), 1_000),
      active: true,
    });
  });
  afterEach(() => db.close());

  const services = () => ({
    db,
    journal: createJournalWriter(db, identity),
    findProductByBarcode: (code: string) => findProductByBarcode(db.catalog, code),
    sync: { identity, request: async () => ({}) } as never,
    bridge: undefined,
    config: { syncUrl: 'http://127.0.0.1:8787' } as never,
  });

  it('opens, takes cash in and out, reports X, and closes with a manager past the threshold', async () => {
    const { gate, asked } = approvalsAnswering('approve');
    const shift = createShiftStore(services(), gate);
    await shift.load();
    expect(shift.store.getState().status).toBe('none');

    // 3 × 50 € + 4 × 10 € + 5 × 2 € = 200,00 €
    expect(await shift.open(CAMILLE, { 5000: 3, 1000: 4, 200: 5, 50: 0 })).toEqual({ ok: true });
    expect(shift.store.getState().status).toBe('open');
    expect(await shift.open(CAMILLE, { 5000: 1 })).toEqual({ ok: false, code: 'shift-already-open' });

    const sale = createSaleStore(services(), createReceiptDesk(services()));
    expect(await sale.signIn('1234')).toBe(true);
    await sale.scan(YAOURT.barcode);
    await sale.scan(CREME.barcode);
    const creme = sale.store.getState().cart.lines[1]?.lineId ?? '';
    sale.voidLine(creme);
    sale.startPayment();
    await sale.payCash(2000); // 12,00 € paid with 20 €, 8 € change

    expect(await shift.cashMovement(CAMILLE, { direction: 'out', amountMinor: 1250, reason: '  ' })).toEqual({
      ok: false,
      code: 'reason-missing',
    });
    expect(
      await shift.cashMovement(CAMILLE, { direction: 'out', amountMinor: 1250, reason: 'Timbres' }),
    ).toEqual({
      ok: true,
    });

    await shift.xReport();
    const x = shift.store.getState().report;
    expect(x?.kind).toBe('X');
    expect(x?.totals.salesCount).toBe(1);
    expect(x?.totals.salesMinor).toBe(1200);
    expect(x?.totals.voidedLines).toBe(1);
    expect(x?.totals.voidedMinor).toBe(800);
    // 200 € + 12 € − 12,50 €
    expect(x?.totals.tenders).toEqual([
      { tender: 'cash', takenMinor: 1200, refundedMinor: 0, expectedMinor: 19_950 },
    ]);

    // Counted 194,00 €: 5,50 € short; the approvals store decides who may accept it.
    const count = { cashPieces: { 5000: 3, 1000: 4, 200: 2 }, otherTenders: {} };
    expect(await shift.closePreview(count)).toEqual([
      { tender: 'cash', expectedMinor: 19_950, countedMinor: 19_400, differenceMinor: -550 },
    ]);
    expect(await shift.close(CAMILLE, count)).toEqual({ ok: true });
    expect(asked).toEqual([
      expect.objectContaining({
        action: 'cash-difference',
        amountMinor: 550,
        subject: expect.objectContaining({ type: 'cash-difference' }),
      }),
    ]);

    const z = shift.store.getState().report;
    expect(z?.kind).toBe('Z');
    expect(z?.counts).toEqual([
      { tender: 'cash', expectedMinor: 19_950, countedMinor: 19_400, differenceMinor: -550 },
    ]);
    expect(shift.store.getState().status).toBe('none');
    expect(shift.store.getState().print?.status).toBe('no-printer');

    const entries = await journalOf(db);
    expect(verifyChain(entries).ok).toBe(true);
    expect(entries.map((e) => e.kind)).toEqual([
      'shift.opened',
      'sale.completed',
      'cash.movement',
      'shift.closed',
    ]);
    const opened = entries[0];
    const closed = entries[3];
    if (opened?.kind !== 'shift.opened' || closed?.kind !== 'shift.closed') throw new Error('kinds');
    expect(opened.payload.openingFloat).toEqual({ minor: 20_000, currency: 'EUR' });
    expect(opened.payload.openingCount).toEqual([
      { valueMinor: 5000, count: 3 },
      { valueMinor: 1000, count: 4 },
      { valueMinor: 200, count: 5 },
    ]);
    expect(closed.payload.shiftId).toBe(opened.payload.shiftId);
    expect(closed.payload.tenders).toEqual([
      {
        tender: 'cash',
        expected: { minor: 19_950, currency: 'EUR' },
        counted: { minor: 19_400, currency: 'EUR' },
      },
    ]);
    expect(closed.payload.cashCount).toEqual(
      count.cashPieces && [
        { valueMinor: 5000, count: 3 },
        { valueMinor: 1000, count: 4 },
        { valueMinor: 200, count: 2 },
      ],
    );
  });

  it('journals nothing when the approval is refused, and asks none for an exact count', async () => {
    const refusing = approvalsAnswering('cancel');
    const shift = createShiftStore(services(), refusing.gate);
    await shift.load();
    await shift.open(CAMILLE, { 1000: 5 });
    expect(await shift.close(CAMILLE, { cashPieces: { 1000: 4 }, otherTenders: {} })).toEqual({
      ok: false,
      code: 'approval-cancelled',
    });
    expect((await journalOf(db)).map((e) => e.kind)).toEqual(['shift.opened']);
    expect(shift.store.getState().status).toBe('open');

    // Counted exactly: nothing to approve.
    expect(await shift.close(CAMILLE, { cashPieces: { 1000: 5 }, otherTenders: {} })).toEqual({ ok: true });
    expect(refusing.asked).toHaveLength(1);
    expect((await journalOf(db)).map((e) => e.kind)).toEqual(['shift.opened', 'shift.closed']);
  });

  it('carries on silently with a shift still open at a restart the same business day, even past midnight', async () => {
    // The till's clock, in local time (the machine's time zone, as the store reads it by default).
    const at =
      (day: number, hour: number, minute = 0) =>
      () =>
        new Date(2026, 10, day, hour, minute).getTime();
    const first = createShiftStore({ ...services(), now: at(3, 20) }, approvalsAnswering('approve').gate);
    await first.load();
    await first.open(CAMILLE, { 2000: 2 });
    // A reload or a restart the same evening, then one at 01:30: the same business day (it starts at 04:00).
    for (const restart of [at(3, 20, 5), at(4, 1, 30)]) {
      const next = createShiftStore({ ...services(), now: restart }, approvalsAnswering('approve').gate);
      await next.load();
      expect(next.store.getState()).toMatchObject({ status: 'open', fromEarlierDay: false });
      expect(next.store.getState().opened?.payload.openingFloat.minor).toBe(4000);
    }
  });

  it('offers to close a shift left open from an earlier business day, and closes it then', async () => {
    const at = (day: number, hour: number) => () => new Date(2026, 10, day, hour).getTime();
    const first = createShiftStore({ ...services(), now: at(3, 9) }, approvalsAnswering('approve').gate);
    await first.load();
    await first.open(CAMILLE, { 2000: 2 });
    // The till was not closed that day; it starts again the next morning.
    const next = createShiftStore({ ...services(), now: at(4, 8) }, approvalsAnswering('approve').gate);
    await next.load();
    expect(next.store.getState()).toMatchObject({ status: 'open', fromEarlierDay: true });
    expect(next.store.getState().opened?.payload.openingFloat.minor).toBe(4000);
    next.carryOn();
    expect(next.store.getState()).toMatchObject({ status: 'open', fromEarlierDay: false });
    expect(await next.close(CAMILLE, { cashPieces: { 2000: 2 }, otherTenders: {} })).toEqual({ ok: true });
    const again = createShiftStore(services(), approvalsAnswering('approve').gate);
    await again.load();
    expect(again.store.getState().status).toBe('none');
  });

  it('refuses a count of something that is not a euro note or coin', async () => {
    const shift = createShiftStore(services(), approvalsAnswering('approve').gate);
    await shift.load();
    expect(await shift.open(CAMILLE, { 300: 1 })).toEqual({ ok: false, code: 'count-invalid' });
    expect(await shift.open(undefined, { 500: 1 })).toEqual({ ok: false, code: 'not-signed-in' });
    expect(await journalOf(db)).toEqual([]);
  });
});

describe('reconciling a Z report with the server', () => {
  const totals = {
    currency: 'EUR',
    openingFloatMinor: 100,
    salesCount: 1,
    salesMinor: 500,
    discountsMinor: 0,
    voidedLines: 0,
    voidedMinor: 0,
    returnsCount: 0,
    returnsMinor: 0,
    cashRoundingMinor: 0,
    cashMovementsMinor: 0,
    tenders: [{ tender: 'cash' as const, takenMinor: 500, refundedMinor: 0, expectedMinor: 600 }],
  };
  const report = { kind: 'Z', shiftId: 's1', totals } as never;
  const server = (complete: boolean, salesMinor = 500): ServerShiftTotals => ({
    shiftId: 's1',
    openedSequence: 1,
    closedSequence: complete ? 3 : null,
    entriesStored: complete ? 1 : 0,
    entriesHeld: 0,
    complete,
    totals: { ...totals, salesMinor },
  });

  async function run(answers: ServerShiftTotals[]): Promise<Reconciliation[]> {
    const seen: Reconciliation[] = [];
    await new Promise<void>((resolve) => {
      reconcileShift(
        report,
        async () => ok(answers.shift() ?? server(true)),
        (r) => {
          seen.push(r);
          if (r.state === 'reconciled' || r.state === 'differs') resolve();
        },
        5,
      );
    });
    return seen;
  }

  it('waits for the whole shift, then says reconciled when every figure is equal', async () => {
    const seen = await run([server(false), server(true)]);
    expect(seen.map((r) => r.state)).toEqual(['checking', 'waiting', 'reconciled']);
  });

  it('names each figure that differs, to the cent', async () => {
    const seen = await run([server(true, 499)]);
    expect(seen.at(-1)).toMatchObject({
      state: 'differs',
      differences: [{ figure: 'salesMinor', till: 500, server: 499 }],
    });
  });
});
