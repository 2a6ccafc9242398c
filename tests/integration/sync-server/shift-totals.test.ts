import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import { aBusySale, aDiscountedSale, aPlainSale, aReturnOf } from '../../../src/core/journal/test-builders';
import { serverShiftTotalsSchema } from '../../../src/core/shifts/server-shift-totals';
import { entriesOfShift, findShift } from '../../../src/core/shifts/shift-entries';
import { compareShiftTotals, computeShiftTotals } from '../../../src/core/shifts/shift-totals';
import { backfillProjections } from '../../../sync-server/src/projections/backfill-projections';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// A shift's totals on the server (docs/projections.md, "Shifts"): computed
// with SQL from the projection tables over the till's sequence range, they
// must equal the till's own totals of the same journal to the cent, say when
// the range is not complete yet, and never count an entry twice.

const SHIFT = '0199d3a4-0000-7000-8000-0000000000a1';
const NEXT_SHIFT = '0199d3a4-0000-7000-8000-0000000000a2';
const eur = (minor: number) => ({ minor, currency: 'EUR' });

async function push(till: EnrolledTill, entries: readonly JournalEntry[]) {
  const response = await till.request('POST', '/sync/v1/journal/push', asNewRows(entries));
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual([]);
}

async function totalsOf(till: EnrolledTill, shiftId: string) {
  const response = await till.request('GET', `/sync/v1/shifts/${shiftId}/totals`);
  return { status: response.statusCode, body: response.json() as unknown };
}

describe.each(DATABASE_KINDS)('shift totals on $name', (kind) => {
  let t: TestServer;
  let till: EnrolledTill;
  let otherTill: EnrolledTill;
  let journal: TestJournal;

  beforeAll(async () => {
    t = await startTestServer(kind);
    till = await t.enrol('PAR01', '03');
    otherTill = await t.enrol('PAR01', '04');
    journal = new TestJournal(till);
  }, 60_000);
  afterAll(() => t?.close());

  it('equal the till totals to the cent once every entry of the shift has arrived', async () => {
    const busy = aBusySale(41);
    // Before the shift: not counted.
    journal.append({ kind: 'sale.completed', payload: aPlainSale(40) });
    journal.append({
      kind: 'shift.opened',
      payload: {
        shiftId: SHIFT,
        staffId: 'cashier-7',
        openingFloat: eur(15_000),
        openingCount: [{ valueMinor: 5000, count: 3 }],
      },
    });
    journal.append({ kind: 'sale.completed', payload: busy });
    journal.append({ kind: 'sale.completed', payload: aDiscountedSale(42) });
    journal.append({ kind: 'return.completed', payload: aReturnOf(busy, 43) });
    journal.append({
      kind: 'cash.movement',
      payload: { type: 'paid-out', amount: eur(1250), staffId: 'cashier-7', reason: 'Nettoyage vitrine' },
    });
    const firstPart = [...journal.entries];
    await push(till, firstPart);

    const open = await totalsOf(till, SHIFT);
    expect(open.status).toBe(200);
    const openTotals = serverShiftTotalsSchema.parse(open.body);
    expect(openTotals.closedSequence).toBeNull();
    expect(openTotals.complete).toBe(false);

    const range = findShift(journal.entries, SHIFT);
    if (!range) throw new Error('no shift');
    const tillTotals = computeShiftTotals(range.opened, entriesOfShift(journal.entries, range));
    const cash = tillTotals.tenders.find((x) => x.tender === 'cash');
    journal.append({
      kind: 'shift.closed',
      payload: {
        shiftId: SHIFT,
        staffId: 'manager-1',
        tenders: tillTotals.tenders.map((x) => ({
          tender: x.tender,
          expected: eur(x.expectedMinor),
          counted: eur(x.tender === 'cash' ? x.expectedMinor - 500 : Math.max(0, x.expectedMinor)),
        })),
      },
    });
    // After the close: belongs to no shift.
    journal.append({ kind: 'sale.completed', payload: aPlainSale(44) });
    await push(till, journal.entries.slice(firstPart.length));

    const closed = serverShiftTotalsSchema.parse((await totalsOf(till, SHIFT)).body);
    expect(closed.complete).toBe(true);
    expect(closed.entriesStored).toBe(4);
    expect(closed.entriesHeld).toBe(0);
    expect(compareShiftTotals(tillTotals, closed.totals)).toEqual([]);
    // Sanity: the figures the comparison saw are the shift's, not zeros.
    expect(closed.totals.salesCount).toBe(2);
    expect(closed.totals.voidedLines).toBe(1);
    expect(closed.totals.returnsCount).toBe(1);
    expect(closed.totals.cashMovementsMinor).toBe(-1250);
    expect(closed.totals.tenders.find((x) => x.tender === 'cash')?.expectedMinor).toBe(cash?.expectedMinor);

    const counts = await t.db.query<{ tender: string; difference_minor: string }>(
      'SELECT tender, difference_minor FROM shift_counts WHERE shift_id = $1 ORDER BY tender_index',
      [SHIFT],
    );
    expect(counts.rows.map((r) => [r.tender, Number(r.difference_minor)])[0]).toEqual(['cash', -500]);
  });

  it('do not count twice when the projections run again', async () => {
    const before = (await totalsOf(till, SHIFT)).body;
    await t.db.query('DELETE FROM shift_closings');
    await t.db.query('DELETE FROM shift_counts');
    const backfill = await backfillProjections(t.db);
    expect(backfill.projected).toBe(1);
    expect((await totalsOf(till, SHIFT)).body).toEqual(before);
  });

  it('say when figures differ: a sale the server holds that the till left out', async () => {
    const server = serverShiftTotalsSchema.parse((await totalsOf(till, SHIFT)).body);
    const range = findShift(journal.entries, SHIFT);
    if (!range) throw new Error('no shift');
    const partial = entriesOfShift(journal.entries, range).filter((e) => e.kind !== 'return.completed');
    const differences = compareShiftTotals(computeShiftTotals(range.opened, partial), server.totals);
    expect(differences.map((d) => d.figure)).toContain('returnsMinor');
  });

  it('are found only for the till that owns the shift, and only once its opening has arrived', async () => {
    expect((await totalsOf(otherTill, SHIFT)).status).toBe(404);
    expect((await totalsOf(till, NEXT_SHIFT)).status).toBe(404);
    expect((await totalsOf(till, 'not-a-uuid')).status).toBe(400);
    const anonymous = await t.server.app.inject({
      method: 'GET',
      url: `/sync/v1/shifts/${SHIFT}/totals`,
      headers: { 'x-till-protocol': '1' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
