import { describe, expect, it } from 'vitest';
import { idSequence } from '../cart/test-builders';
import { appendEntry, type JournalDraft } from '../journal/append-entry';
import type { JournalEntry } from '../journal/journal-entry';
import { journalPayloadSchemas } from '../journal/payload-registry';
import { aBusySale, aDiscountedSale, aPlainSale, aReturnOf } from '../journal/test-builders';
import type { CompletedSale } from '../sale/completed-sale';
import { entriesOfShift, findOpenShift, findShift } from './shift-entries';
import { countLines, largestDifferenceMinor, shiftReport } from './shift-report';
import { compareShiftTotals, computeShiftTotals } from './shift-totals';

const TILL = { storeCode: 'PAR01', tillCode: '03', tillId: 'till-7f3a' };
const ids = idSequence(1_760_500_000_000);
const eur = (minor: number) => ({ minor, currency: 'EUR' });

function chain(drafts: readonly Omit<JournalDraft, 'id' | 'recordedAt'>[]): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const draft of drafts) {
    const head = entries.at(-1);
    const appended = appendEntry(
      head ? { sequence: head.sequence, hash: head.hash } : null,
      { ...draft, id: ids(), recordedAt: '2025-10-09T18:00:00+02:00' } as JournalDraft,
      TILL,
    );
    if (!appended.ok) throw new Error(JSON.stringify(appended.error));
    entries.push(appended.value.entry);
  }
  return entries;
}

const SHIFT = '0199d3a4-0000-7000-8000-000000000001';
const LATER_SHIFT = '0199d3a4-0000-7000-8000-000000000002';
const sale = (payload: CompletedSale) => ({ kind: 'sale.completed', payload }) as const;
const busy = aBusySale();
const plain = aPlainSale();
const discounted = aDiscountedSale();
const back = aReturnOf(busy, 5);

const cashOf = (s: CompletedSale) =>
  s.tenders.reduce((n, t) => n + (t.type === 'cash' ? t.given.minor - t.change.minor : 0), 0);
const paidBy = (s: CompletedSale, type: string) =>
  s.tenders.reduce((n, t) => n + (t.type === type ? t.amount.minor : 0), 0);
const refundedBy = (method: string) =>
  back.refunds.reduce((n, r) => n + (r.method === method ? r.amount.minor : 0), 0);

const journal = chain([
  // A sale of an earlier, closed shift: not in this one.
  sale(aPlainSale(20)),
  {
    kind: 'shift.opened',
    payload: {
      shiftId: SHIFT,
      staffId: 'cashier-7',
      openingFloat: eur(15_000),
      openingCount: [
        { valueMinor: 5000, count: 2 },
        { valueMinor: 1000, count: 4 },
        { valueMinor: 200, count: 5 },
      ],
    },
  },
  sale(busy),
  sale(plain),
  sale(discounted),
  { kind: 'return.completed', payload: back },
  {
    kind: 'cash.movement',
    payload: { type: 'paid-out', amount: eur(1250), staffId: 'cashier-7', reason: 'Vitres' },
  },
  { kind: 'cash.movement', payload: { type: 'float-in', amount: eur(2000), staffId: 'cashier-7' } },
]);

describe('the entries of a shift', () => {
  it('are those of the till strictly after its opening while it is open', () => {
    const range = findShift(journal, SHIFT);
    expect(range?.closed).toBeUndefined();
    expect(findOpenShift(journal)?.payload.shiftId).toBe(SHIFT);
    const entries = entriesOfShift(journal, range as NonNullable<typeof range>);
    expect(entries.map((e) => e.sequence)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('stop before its closing, and a closed shift is no longer open', () => {
    const withClose = [...journal];
    const head = withClose.at(-1) as JournalEntry;
    const close = appendEntry(
      { sequence: head.sequence, hash: head.hash },
      {
        kind: 'shift.closed',
        id: ids(),
        recordedAt: '2025-10-09T19:00:00+02:00',
        payload: {
          shiftId: SHIFT,
          staffId: 'cashier-7',
          tenders: [{ tender: 'cash', expected: eur(1), counted: eur(1) }],
        },
      },
      TILL,
    );
    if (!close.ok) throw new Error('close refused');
    withClose.push(close.value.entry);
    const after = appendEntry(
      { sequence: close.value.entry.sequence, hash: close.value.entry.hash },
      { ...sale(aPlainSale(30)), id: ids(), recordedAt: '2025-10-09T19:05:00+02:00' },
      TILL,
    );
    if (!after.ok) throw new Error('sale refused');
    withClose.push(after.value.entry);
    const range = findShift(withClose, SHIFT);
    expect(range?.closed?.sequence).toBe(9);
    expect(entriesOfShift(withClose, range as NonNullable<typeof range>).map((e) => e.sequence)).toEqual([
      3, 4, 5, 6, 7, 8,
    ]);
    expect(findOpenShift(withClose)).toBeUndefined();
    expect(findShift(withClose, LATER_SHIFT)).toBeUndefined();
  });
});

describe('the shift totals', () => {
  const range = findShift(journal, SHIFT) as NonNullable<ReturnType<typeof findShift>>;
  const totals = computeShiftTotals(range.opened, entriesOfShift(journal, range));

  it('count sales, discounts, voided lines and returns', () => {
    expect(totals.salesCount).toBe(3);
    expect(totals.salesMinor).toBe(
      busy.totals.total.minor + plain.totals.total.minor + discounted.totals.total.minor,
    );
    expect(totals.discountsMinor).toBe(
      busy.totals.totalDiscount.minor +
        plain.totals.totalDiscount.minor +
        discounted.totals.totalDiscount.minor,
    );
    expect(totals.discountsMinor).toBeGreaterThan(0);
    // aBusySale voids its crème brûlée line (3,49 €).
    expect(totals.voidedLines).toBe(1);
    expect(totals.voidedMinor).toBe(349);
    expect(totals.returnsCount).toBe(1);
    expect(totals.returnsMinor).toBe(back.total.minor);
    expect(totals.cashMovementsMinor).toBe(-1250 + 2000);
  });

  it('expect in the drawer the float, plus cash taken minus change, minus cash refunds, plus movements', () => {
    const cash = totals.tenders.find((t) => t.tender === 'cash');
    expect(cash?.takenMinor).toBe(cashOf(busy));
    expect(cash?.refundedMinor).toBe(refundedBy('cash'));
    expect(cash?.expectedMinor).toBe(15_000 + cashOf(busy) - refundedBy('cash') - 1250 + 2000);
    const card = totals.tenders.find((t) => t.tender === 'card');
    expect(card?.takenMinor).toBe(paidBy(busy, 'card') + paidBy(plain, 'card'));
    expect(card?.expectedMinor).toBe(paidBy(busy, 'card') + paidBy(plain, 'card') - refundedBy('card'));
    expect(refundedBy('card') + refundedBy('cash')).toBe(back.total.minor);
    expect(totals.tenders.map((t) => t.tender)).toEqual(['cash', 'card', 'voucher', 'store-credit']);
  });

  it('compare equal to themselves and name each figure that differs', () => {
    expect(compareShiftTotals(totals, structuredClone(totals))).toEqual([]);
    const server = structuredClone(totals);
    server.salesMinor += 1;
    server.tenders = server.tenders.filter((t) => t.tender !== 'voucher');
    const voucher = totals.tenders.find((t) => t.tender === 'voucher');
    expect(compareShiftTotals(totals, server)).toEqual([
      { figure: 'salesMinor', till: totals.salesMinor, server: totals.salesMinor + 1 },
      { figure: 'tenders.voucher.takenMinor', till: voucher?.takenMinor, server: 0 },
      { figure: 'tenders.voucher.expectedMinor', till: voucher?.expectedMinor, server: 0 },
    ]);
  });

  it('give an X report with sales per hour and per tender, and count lines for the close', () => {
    const report = shiftReport(range, journal);
    expect(report.kind).toBe('X');
    expect(report.salesByHour).toEqual([{ hour: '10', salesCount: 3, salesMinor: totals.salesMinor }]);
    expect(report.salesByTender.map((t) => t.tender)).toEqual(['cash', 'card', 'voucher', 'store-credit']);
    const cashExpected = totals.tenders[0]?.expectedMinor ?? 0;
    const lines = countLines(totals, {
      cash: cashExpected - 700,
      card: totals.tenders[1]?.expectedMinor ?? 0,
    });
    expect(lines[0]).toEqual({
      tender: 'cash',
      expectedMinor: cashExpected,
      countedMinor: cashExpected - 700,
      differenceMinor: -700,
    });
    expect(largestDifferenceMinor(lines)).toBeGreaterThanOrEqual(700);
  });
});

describe('shift payloads with counts', () => {
  const opened = journalPayloadSchemas['shift.opened'];
  const closed = journalPayloadSchemas['shift.closed'];
  it('keep entries without counts valid', () => {
    expect(opened.safeParse({ shiftId: SHIFT, staffId: 'S1', openingFloat: eur(100) }).success).toBe(true);
    expect(
      closed.safeParse({
        shiftId: SHIFT,
        staffId: 'S1',
        tenders: [{ tender: 'cash', expected: eur(1), counted: eur(1) }],
      }).success,
    ).toBe(true);
  });
  it('refuse a count that does not add up to the amount', () => {
    const count = [{ valueMinor: 5000, count: 1 }];
    expect(
      opened.safeParse({ shiftId: SHIFT, staffId: 'S1', openingFloat: eur(5000), openingCount: count })
        .success,
    ).toBe(true);
    expect(
      opened.safeParse({ shiftId: SHIFT, staffId: 'S1', openingFloat: eur(5001), openingCount: count })
        .success,
    ).toBe(false);
    const tenders = [{ tender: 'cash', expected: eur(4000), counted: eur(5000) }];
    expect(closed.safeParse({ shiftId: SHIFT, staffId: 'S1', tenders, cashCount: count }).success).toBe(true);
    expect(
      closed.safeParse({
        shiftId: SHIFT,
        staffId: 'S1',
        tenders: [{ ...tenders[0], counted: eur(4999) }],
        cashCount: count,
      }).success,
    ).toBe(false);
    expect(
      closed.safeParse({
        shiftId: SHIFT,
        staffId: 'S1',
        tenders: [{ tender: 'card', expected: eur(1), counted: eur(1) }],
        cashCount: count,
      }).success,
    ).toBe(false);
  });
});
