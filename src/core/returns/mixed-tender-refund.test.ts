import { describe, expect, it } from 'vitest';
import { eur, idSequence, unwrap } from '../cart/test-builders';
import { aSale } from '../sale/test-builders';
import { type CompletedReturn, completedReturnSchema } from './completed-return';
import { createReturn, type ReturnLineRequest } from './create-return';
import type { RefundPolicy } from './refund-policy';
import { returnableSourceFromSale } from './returnable-source';
import { returnDetails, returning } from './test-builders';

// A refund of a sale paid by card and cash together. The policy's unwind
// order is card first, then cash, whatever order the customer paid in
// (refund-policy.ts): cash must not leave the drawer for what a card paid.
// The customer here paid 5,00 € cash first (handing 5,00 €), then the
// rest, 1,00 €, by card; lines 1,00 + 2,00 + 3,00 = 6,00 €.

const ids = idSequence(1_760_500_000_000);
const ORIGINAL: RefundPolicy = {
  type: 'original-tenders',
  voucherPortionTo: 'cash',
  storeCreditAccountId: null,
};

const sale = aSale()
  .withLines(3)
  .paidWith((_, tenderId) => ({ type: 'cash', tenderId, given: eur(500) }))
  .paidWith((remaining, tenderId) => ({
    type: 'card',
    tenderId,
    amount: remaining,
    terminal: {
      terminalId: 'T-01',
      transactionRef: 'TX-778',
      authorisationCode: 'A1',
      maskedPan: '************1234',
      scheme: 'CB',
    },
  }))
  .complete();
const source = returnableSourceFromSale(sale);
const [cashId, cardId] = sale.tenders.map((t) => t.tenderId);
const [one, two, three] = source.lines.map((l) => l.lineId ?? '');

const refund = (
  lines: ReturnLineRequest[],
  previous: CompletedReturn[] = [],
  policy: RefundPolicy = ORIGINAL,
) =>
  unwrap(createReturn({ details: returnDetails(ids()), source, previousReturns: previous, lines, policy }));

describe('refund of a sale paid by card and cash together', () => {
  it('is set up as described: cash taken first, then the card', () => {
    expect(source.payments.map((p) => [p.type, p.amount.minor, p.reference])).toEqual([
      ['cash', 500, null],
      ['card', 100, 'TX-778'],
    ]);
    expect(sale.totals.total).toEqual(eur(600));
  });

  it('gives everything back card first, each part to where it came from', () => {
    const all = refund([returning(one ?? '', 1), returning(two ?? '', 1), returning(three ?? '', 1)]);
    expect(all.total).toEqual(eur(600));
    expect(all.refunds).toEqual([
      { sourceTenderId: cardId, method: 'card', amount: eur(100), accountId: null, reference: 'TX-778' },
      { sourceTenderId: cashId, method: 'cash', amount: eur(500), accountId: null, reference: null },
    ]);
    expect(completedReturnSchema.safeParse(all).success).toBe(true);
  });

  it('takes a small refund from the card alone, then the rest from cash, never more than each paid', () => {
    // 1,00 €: exactly what the card paid; no cash leaves the drawer.
    const first = refund([returning(one ?? '', 1)]);
    expect(first.refunds.map((r) => [r.method, r.sourceTenderId, r.amount.minor])).toEqual([
      ['card', cardId, 100],
    ]);
    // 2,00 €: the card has nothing left, so it is cash.
    const second = refund([returning(two ?? '', 1)], [first]);
    expect(second.refunds.map((r) => [r.method, r.sourceTenderId, r.amount.minor])).toEqual([
      ['cash', cashId, 200],
    ]);
    const third = refund([returning(three ?? '', 1)], [first, second]);
    expect(third.refunds.map((r) => [r.method, r.sourceTenderId, r.amount.minor])).toEqual([
      ['cash', cashId, 300],
    ]);
    const back = [first, second, third].flatMap((r) => r.refunds);
    const sum = (tender: string | undefined) =>
      back.filter((r) => r.sourceTenderId === tender).reduce((total, r) => total + r.amount.minor, 0);
    expect([sum(cardId), sum(cashId)]).toEqual([100, 500]);
  });

  it("under the 'cash' policy pays it all in cash, still unwinding the card first", () => {
    const all = refund([returning(three ?? '', 1), returning(two ?? '', 1)], [], { type: 'cash' });
    expect(all.refunds.map((r) => [r.method, r.sourceTenderId, r.amount.minor])).toEqual([
      ['cash', cardId, 100],
      ['cash', cashId, 400],
    ]);
  });

  it("counts another till's refunds it knows from the store feed: the card is not refunded twice", () => {
    // Till 02 returned line one (1,00 €) to the card; this till knows it only
    // as counts from the store sales feed, not as a return record.
    const elsewhere = { units: { [one ?? '']: 1 }, refundedMinor: { [cardId ?? '']: 100 } };
    const here = unwrap(
      createReturn({
        details: returnDetails(ids()),
        source,
        previousReturns: [],
        elsewhere,
        lines: [returning(two ?? '', 1)],
        policy: ORIGINAL,
      }),
    );
    expect(here.refunds.map((r) => [r.method, r.sourceTenderId, r.amount.minor])).toEqual([
      ['cash', cashId, 200],
    ]);
    // And line one cannot come back a second time.
    const again = createReturn({
      details: returnDetails(ids()),
      source,
      previousReturns: [],
      elsewhere,
      lines: [returning(one ?? '', 1)],
      policy: ORIGINAL,
    });
    expect(again.ok).toBe(false);
  });

  it("takes this till's own count when it is the larger one (the feed has not seen its return yet)", () => {
    const first = refund([returning(one ?? '', 1)]);
    const second = unwrap(
      createReturn({
        details: returnDetails(ids()),
        source,
        previousReturns: [first],
        elsewhere: { units: {}, refundedMinor: {} },
        lines: [returning(two ?? '', 1)],
        policy: ORIGINAL,
      }),
    );
    expect(second.refunds.map((r) => [r.method, r.amount.minor])).toEqual([['cash', 200]]);
  });
});
