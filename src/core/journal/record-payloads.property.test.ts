import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceCart } from '../cart/cart-pricing';
import type { Promotion } from '../cart/promotion';
import { type CartSpec, cartFromSpec, eur, idSequence, LENIENT_POLICY, unwrap } from '../cart/test-builders';
import { EXAMPLE_LINES, exampleHandover, exampleReadyOrder } from '../orders/example-orders';
import { recordHandover } from '../orders/record-handover';
import { createReturn } from '../returns/create-return';
import type { RefundPolicy } from '../returns/refund-policy';
import { returnableSourceFromSale } from '../returns/returnable-source';
import { returnDetails, returning } from '../returns/test-builders';
import { completeSale } from '../sale/complete-sale';
import { addTender, isSettled, remainingDue, startPayment } from '../sale/payment';
import { saleDetails, tenderFor } from '../sale/test-builders';
import { appendEntry, type JournalDraft } from './append-entry';
import type { JournalEntry } from './journal-entry';
import { verifyChain } from './verify-chain';

// Whatever the sale, return and order builders produce must be journalable as
// is: valid for its kind, and canonically encodable (no undefined member, no
// float, no -0, no lone surrogate). The journal refuses rather than fixes such
// values, so a builder that started producing one would leave a completed sale
// that cannot be recorded; this catches it here.

const TILL = { storeCode: 'PAR01', tillCode: '03', tillId: 'till-7f3a' };
const AT = '2025-10-09T10:15:00+02:00';
const threeForTwo: Promotion = {
  kind: 'buy-n-pay-m',
  id: 'c0-3pour2',
  label: '3 pour 2',
  target: { type: 'category', category: 'c0' },
  stackable: false,
  buy: 3,
  pay: 2,
};

const cartSpec: fc.Arbitrary<CartSpec> = fc.record({
  items: fc.array(
    fc.record({
      product: fc.integer({ min: 0, max: 2 }),
      rate: fc.constantFrom(2000, 1000, 550, 210, 0),
      price: fc.integer({ min: 0, max: 10_000 }),
      input: fc.oneof(
        fc.integer({ min: 1, max: 5 }).map((q) => ({ kind: 'pieces' as const, q })),
        fc.integer({ min: 1, max: 3000 }).map((g) => ({ kind: 'weight' as const, g })),
        fc.integer({ min: 1, max: 3000 }).map((p) => ({ kind: 'label' as const, p })),
      ),
      lineDiscount: fc.option(
        fc.oneof(
          fc.integer({ min: 1, max: 10_000 }).map((bps) => ({ type: 'percentage' as const, bps })),
          fc.integer({ min: 1, max: 3000 }).map((minor) => ({ type: 'amount' as const, amount: eur(minor) })),
        ),
        { nil: null },
      ),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  promotions: fc.constant([threeForTwo]),
  basketDiscount: fc.option(
    fc.integer({ min: 1, max: 5000 }).map((minor) => ({ type: 'amount' as const, amount: eur(minor) })),
    { nil: null },
  ),
});

const splits = fc.array(
  fc.record({
    type: fc.constantFrom('card', 'voucher', 'store-credit'),
    perMille: fc.integer({ min: 1, max: 1000 }),
  }),
  { maxLength: 3 },
);

const policy = fc.constantFrom<RefundPolicy>(
  { type: 'original-tenders', voucherPortionTo: 'store-credit', storeCreditAccountId: 'client-1' },
  { type: 'original-tenders', voucherPortionTo: 'cash', storeCreditAccountId: null },
  { type: 'cash' },
  { type: 'store-credit', accountId: 'client-2' },
);

/** Appends the drafts as one chain, failing with the typed error if any is refused. */
function journal(drafts: readonly JournalDraft[]) {
  const entries: JournalEntry[] = [];
  for (const draft of drafts) {
    const appended = appendEntry(entries.at(-1) ?? null, draft, TILL);
    if (!appended.ok) throw new Error(`${draft.kind} refused: ${JSON.stringify(appended.error)}`);
    entries.push(appended.value.entry);
  }
  return entries;
}

describe('records built by the sale, returns and orders builders', () => {
  it('journal as they are: every random sale, a return of part of it, and its verified chain', () => {
    fc.assert(
      fc.property(
        cartSpec,
        splits,
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        policy,
        (spec, parts, cashExtra, returned, refundPolicy) => {
          const ids = idSequence();
          const cart = cartFromSpec(spec, ids, LENIENT_POLICY);
          let payment = startPayment(priceCart(cart).totals.total);
          for (const part of parts) {
            const amount = eur(Math.floor((remainingDue(payment).minor * part.perMille) / 1000));
            if (amount.minor > 0) payment = unwrap(addTender(payment, tenderFor(part.type, amount, ids())));
          }
          if (!isSettled(payment)) {
            const given = eur(remainingDue(payment).minor + cashExtra);
            payment = unwrap(addTender(payment, { type: 'cash', tenderId: ids(), given }));
          }
          const sale = unwrap(completeSale(cart, payment, saleDetails(ids())));
          const source = returnableSourceFromSale(sale);
          const lines = source.lines.map((l, i) =>
            returning(l.lineId, 1 + ((returned[i] ?? 0) % l.quantity)),
          );
          const saleReturn = unwrap(
            createReturn({
              details: returnDetails(ids()),
              source,
              previousReturns: [],
              lines,
              policy: refundPolicy,
            }),
          );
          const entries = journal([
            { kind: 'sale.completed', id: ids(), recordedAt: AT, payload: sale },
            { kind: 'return.completed', id: ids(), recordedAt: AT, payload: saleReturn },
          ]);
          expect(entries.map((e) => e.payload)).toEqual([sale, saleReturn]);
          expect(verifyChain(JSON.parse(JSON.stringify(entries))).ok).toBe(true);
        },
      ),
    );
  });

  it('journal as they are: every handover the pickup desk records', () => {
    const line = fc.record({
      lineId: fc.constantFrom(...EXAMPLE_LINES.map((l) => l.lineId)),
      pick: fc.nat(),
    });
    const identification = fc.constantFrom(
      { method: 'pickup-code-scanned', pickupCode: exampleReadyOrder().pickupCode } as const,
      { method: 'id-checked', document: 'residence-permit' } as const,
      { method: 'order-number-typed', webOrderId: 'WEB-100234' } as const,
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(line, { minLength: 1, maxLength: 3, selector: (l) => l.lineId }),
        identification,
        (picked, how) => {
          const ids = idSequence();
          const lines = picked.map(({ lineId, pick }) => {
            const ordered = EXAMPLE_LINES.find((l) => l.lineId === lineId)?.quantity ?? 1;
            return { lineId, quantity: 1 + (pick % ordered) };
          });
          const { handover } = unwrap(
            recordHandover(exampleReadyOrder(), exampleHandover(ids(), lines, { identification: how })),
          );
          const [entry] = journal([{ kind: 'order.handover', id: ids(), recordedAt: AT, payload: handover }]);
          expect(entry?.payload).toEqual(handover);
        },
      ),
    );
  });
});
