import { describe, expect, it } from 'vitest';
import { addProduct, createCart, priceCart } from '../cart';
import { aKgProduct, aProduct, eur, idSequence, STORE_POLICY, unwrap } from '../cart/test-builders';
import { exampleHandover, exampleReadyOrder } from '../orders/example-orders';
import { recordHandover } from '../orders/record-handover';
import { createReturn, returnableSourceFromSale } from '../returns';
import { addTender, completeSale, startPayment } from '../sale';
import { type AppendedEntry, appendEntry, type JournalDraft } from './append-entry';
import { type JournalEntry, receiptNumberOf } from './journal-entry';
import { verifyChain } from './verify-chain';

// One till's morning, end to end through the real APIs: a shift opens, a sale
// is rung up and paid in cash, a click-and-collect order is handed over, and
// part of the sale comes back. The journal must chain all of it, verify it,
// and number the two receipts from the chain.

const TILL = { storeCode: 'PAR01', tillCode: '03', tillId: 'till-7f3a' };
const ids = idSequence(1_760_400_000_000);
const baguette = aProduct({ id: 'baguette', name: 'Baguette tradition', priceMinor: 120, vatRateBps: 550 });

function rungUpSale() {
  let cart = createCart({ currency: 'EUR', discountPolicy: STORE_POLICY, promotions: [] });
  cart = unwrap(addProduct(cart, baguette, 2, { lineId: ids() }));
  cart = unwrap(addProduct(cart, aKgProduct(), { weightGrams: 350 }, { lineId: ids() }));
  const payment = unwrap(
    addTender(startPayment(priceCart(cart).totals.total), {
      type: 'cash',
      tenderId: ids(),
      given: eur(2000),
    }),
  );
  return unwrap(
    completeSale(cart, payment, {
      saleId: ids(),
      storeCode: TILL.storeCode,
      tillCode: TILL.tillCode,
      staffId: 'cashier-7',
      startedAt: '2025-10-13T09:02:00+02:00',
      completedAt: '2025-10-13T09:03:10+02:00',
    }),
  );
}

describe('journaling a sale, a handover and a return', () => {
  const sale = rungUpSale();
  const source = returnableSourceFromSale(sale);
  const baguettes = source.lines[0]?.lineId ?? '';
  const saleReturn = unwrap(
    createReturn({
      details: {
        returnId: ids(),
        storeCode: TILL.storeCode,
        tillCode: TILL.tillCode,
        staffId: 'cashier-7',
        createdAt: '2025-10-13T11:40:00+02:00',
      },
      source,
      previousReturns: [],
      lines: [
        { sourceLineId: baguettes, quantity: 1, restock: false, reason: { code: 'damaged', note: null } },
      ],
      policy: { type: 'original-tenders', voucherPortionTo: 'cash', storeCreditAccountId: null },
    }),
  );
  const { handover } = unwrap(
    recordHandover(
      exampleReadyOrder(),
      exampleHandover(ids(), [{ lineId: 'l1', quantity: 1 }], { tillId: TILL.tillId, staffId: 'cashier-7' }),
    ),
  );

  const at = (time: string) => ({ id: ids(), recordedAt: `2025-10-13T${time}+02:00` });
  const drafts: JournalDraft[] = [
    {
      ...at('09:00:00'),
      kind: 'shift.opened',
      payload: { shiftId: ids(), staffId: 'cashier-7', openingFloat: eur(15000) },
    },
    { ...at('09:03:11'), kind: 'sale.completed', payload: sale },
    { ...at('10:20:00'), kind: 'order.handover', payload: handover },
    { ...at('11:40:02'), kind: 'return.completed', payload: saleReturn },
  ];
  const appended: AppendedEntry[] = [];
  for (const draft of drafts) {
    appended.push(unwrap(appendEntry(appended.at(-1)?.entry ?? null, draft, TILL)));
  }
  const entries: JournalEntry[] = appended.map((a) => a.entry);

  it('builds the records the story describes', () => {
    // 2 × 1,20 + 24,90 €/kg × 350 g (8,715 → 8,72) = 11,12; 20,00 given, 8,88 back.
    expect(sale.totals.total).toEqual(eur(1112));
    expect(sale.change).toEqual(eur(888));
    expect(saleReturn).toMatchObject({ source: { type: 'sale', id: sale.saleId }, total: eur(120) });
    expect(saleReturn.refunds).toEqual([
      expect.objectContaining({
        sourceTenderId: sale.tenders[0]?.tenderId,
        method: 'cash',
        amount: eur(120),
      }),
    ]);
  });

  it('chains the four entries, each payload exactly the record it journals', () => {
    expect(entries.map((e) => [e.sequence, e.kind])).toEqual([
      [1, 'shift.opened'],
      [2, 'sale.completed'],
      [3, 'order.handover'],
      [4, 'return.completed'],
    ]);
    expect(entries.map((e) => e.payload)).toEqual(drafts.map((d) => d.payload));
    const last = entries.at(-1);
    const expected = { ok: true, head: { sequence: 4, hash: last?.hash }, entries };
    expect(verifyChain(entries, { till: TILL })).toEqual(expected);
    expect(verifyChain(JSON.parse(JSON.stringify(entries)), { till: TILL })).toEqual(expected);
  });

  it('numbers the sale and the return receipts from the chain, and nothing else', () => {
    expect(entries.map(receiptNumberOf)).toEqual([null, 'PAR01-03-000002', null, 'PAR01-03-000004']);
    expect(appended.map((a) => a.receiptNumber)).toEqual(entries.map(receiptNumberOf));
  });

  it('notices when the sale is altered afterwards, and blames the sale alone', () => {
    const stored: unknown[] = JSON.parse(JSON.stringify(entries));
    // One baguette instead of two, the rest of the record left as it was.
    const lines = sale.lines.map((l, i) =>
      i === 0 ? { ...l, measure: { kind: 'pieces', quantity: 1 } } : l,
    );
    stored[1] = { ...entries[1], payload: { ...sale, lines } };
    const result = verifyChain(stored, { till: TILL });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.breaks.map((b) => [b.index, b.code])).toEqual([[1, 'invalid-entry']]);
  });
});
