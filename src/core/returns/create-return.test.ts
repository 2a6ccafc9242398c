import { describe, expect, it } from 'vitest';
import { approveDiscount, setLineDiscount } from '../cart/cart-discounts';
import { voidLine } from '../cart/cart-lines';
import { aKgProduct, aProduct, eur, idSequence, unwrap } from '../cart/test-builders';
import type { CompletedSale } from '../sale/completed-sale';
import { aSale } from '../sale/test-builders';
import { type CompletedReturn, completedReturnSchema } from './completed-return';
import { createReturn, type ReturnLineRequest } from './create-return';
import type { RefundPolicy } from './refund-policy';
import { type ReturnableSource, returnableSourceFromSale } from './returnable-source';
import { anOnlineOrder, returnDetails, returning, WRONG_SIZE } from './test-builders';

const ids = idSequence(1_760_300_000_000);
const ORIGINAL: RefundPolicy = {
  type: 'original-tenders',
  voucherPortionTo: 'store-credit',
  storeCreditAccountId: null,
};
const APPROVAL = { approverStaffId: 'manager-1', approvedAt: '2025-10-09T10:13:00+02:00' };

const tshirt = aProduct({
  id: 'tshirt',
  name: 'T-shirt',
  category: 'clothing',
  priceMinor: 999,
  vatRateBps: 2000,
});
const socks = aProduct({
  id: 'chaussettes',
  name: 'Chaussettes',
  category: 'clothing',
  priceMinor: 400,
  vatRateBps: 2000,
});

/** 3 T-shirts at 9,99 € with 5,00 € off the line (manager-approved), socks 4,00 €: 28,97 €, 20,00 € by card, cash for the rest. */
function discountedSale(): CompletedSale {
  return aSale()
    .with(tshirt, 3)
    .with(socks)
    .andThen((cart) => {
      const lineId = cart.lines[0]?.lineId ?? '';
      const discounted = unwrap(
        setLineDiscount(cart, lineId, {
          value: { type: 'amount', amount: eur(500) },
          reasonCode: 'damaged-pack',
          grantedByStaffId: 'cashier-7',
        }),
      );
      return unwrap(approveDiscount(discounted, lineId, APPROVAL));
    })
    .paidWith((_, tenderId) => ({ type: 'card', tenderId, amount: eur(2000), terminal: null }))
    .paidBy('cash')
    .complete();
}

function returnOf(
  source: ReturnableSource,
  lines: ReturnLineRequest[],
  previousReturns: CompletedReturn[] = [],
  policy: RefundPolicy = ORIGINAL,
) {
  return createReturn({ details: returnDetails(ids()), source, previousReturns, lines, policy });
}

describe('a partial return of a discounted line, in three visits', () => {
  const sale = discountedSale();
  const source = returnableSourceFromSale(sale);
  const [tshirts, sock] = source.lines.map((l) => l.lineId);
  const cardId = sale.tenders[0]?.tenderId;
  const cashId = sale.tenders[1]?.tenderId;

  it('sets the sale up as described', () => {
    // 3 × 9,99 = 29,97 − 5,00 = 24,97; + 4,00 = 28,97. Card 20,00, cash 8,97.
    expect(source.lines.map((l) => [l.quantity, l.netPaid.minor])).toEqual([
      [3, 2497],
      [1, 400],
    ]);
    expect(source.payments.map((p) => [p.type, p.amount.minor])).toEqual([
      ['card', 2000],
      ['cash', 897],
    ]);
  });

  it('refunds what was paid per unit, card first, and stops at what is left', () => {
    // 24,97 over 3 units: 8,33 + 8,32 + 8,32 (the leftover cent goes to the first unit)
    const first = unwrap(returnOf(source, [returning(tshirts ?? '', 1, WRONG_SIZE)]));
    expect(first.lines[0]).toMatchObject({
      quantity: 1,
      refund: eur(833),
      restock: true,
      reason: WRONG_SIZE,
    });
    expect(first.refunds).toEqual([
      { sourceTenderId: cardId, method: 'card', amount: eur(833), accountId: null, reference: null },
    ]);
    // 8,33 at 20 %: VAT 833 × 2000 / 12000 = 138.8 -> 1,39
    expect(first.vat.rates).toEqual([{ rateBps: 2000, gross: eur(833), net: eur(694), vat: eur(139) }]);

    // The other two: 16,64; the card has 11,67 left, the rest (4,97) comes from the cash paid.
    const second = unwrap(returnOf(source, [returning(tshirts ?? '', 2)], [first]));
    expect(second.total).toEqual(eur(1664));
    expect(second.refunds.map((r) => [r.method, r.amount.minor])).toEqual([
      ['card', 1167],
      ['cash', 497],
    ]);

    // No T-shirt left to return: the error names the line.
    expect(returnOf(source, [returning(tshirts ?? '', 1)], [first, second])).toEqual({
      ok: false,
      error: { code: 'quantity-exceeds-returnable', lineId: tshirts, requested: 1, returnable: 0 },
    });

    // The socks take the last 4,00 € of cash: everything paid has come back, not a cent more.
    const third = unwrap(returnOf(source, [returning(sock ?? '', 1)], [first, second]));
    expect(third.refunds).toEqual([
      { sourceTenderId: cashId, method: 'cash', amount: eur(400), accountId: null, reference: null },
    ]);
    expect(first.total.minor + second.total.minor + third.total.minor).toBe(sale.totals.total.minor);
    for (const r of [first, second, third]) expect(completedReturnSchema.safeParse(r).success).toBe(true);
  });
});

describe('returns against an online order', () => {
  it('refunds one of two dresses to the card used online, with its reference', () => {
    const result = unwrap(returnOf(anOnlineOrder(), [returning('l1', 1)]));
    expect(result.source).toEqual({ type: 'online-order', id: 'WEB-10042' });
    expect(result.refunds).toEqual([
      {
        sourceTenderId: 'psp-pay-1',
        method: 'card',
        amount: eur(4499),
        accountId: null,
        reference: 'psp-abc-123',
      },
    ]);
  });

  it('refuses an order whose payments do not cover its lines', () => {
    const order = anOnlineOrder();
    const short = { ...order, payments: order.payments.map((p) => ({ ...p, amount: eur(100) })) };
    const result = returnOf(short, [returning('l1', 1)]);
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid-source');
  });
});

describe('what a return refuses, naming the line', () => {
  const order = anOnlineOrder();
  const code = (r: ReturnType<typeof returnOf>) => (r.ok ? 'ok' : r.error);

  it('refuses unknown, repeated or empty lines and impossible quantities', () => {
    expect(code(returnOf(order, []))).toEqual({ code: 'empty-return' });
    expect(code(returnOf(order, [returning('l9', 1)]))).toEqual({ code: 'unknown-line', lineId: 'l9' });
    expect(code(returnOf(order, [returning('l1', 1), returning('l1', 1)]))).toEqual({
      code: 'duplicate-line',
      lineId: 'l1',
    });
    expect(code(returnOf(order, [returning('l1', 0)]))).toEqual({
      code: 'invalid-quantity',
      lineId: 'l1',
      quantity: 0,
    });
    expect(code(returnOf(order, [returning('l1', 3)]))).toEqual({
      code: 'quantity-exceeds-returnable',
      lineId: 'l1',
      requested: 3,
      returnable: 2,
    });
  });

  it("needs a note when the reason is 'other'", () => {
    const result = returnOf(order, [returning('l2', 1, { code: 'other', note: null })]);
    expect(result.ok ? 'ok' : [result.error.code, 'lineId' in result.error && result.error.lineId]).toEqual([
      'invalid-reason',
      'l2',
    ]);
    const noted = unwrap(
      returnOf(order, [returning('l2', 1, { code: 'other', note: 'gift, duplicate' }, false)]),
    );
    expect(noted.lines[0]).toMatchObject({
      restock: false,
      reason: { code: 'other', note: 'gift, duplicate' },
    });
  });

  it('refuses previous returns of another source', () => {
    const inStore = returnableSourceFromSale(discountedSale());
    const other = unwrap(returnOf(inStore, [returning(inStore.lines[1]?.lineId ?? '', 1)]));
    expect(code(returnOf(order, [returning('l1', 1)], [other]))).toEqual({
      code: 'previous-return-of-another-source',
      returnId: other.returnId,
    });
  });
});

describe('returnableSourceFromSale', () => {
  it('leaves voided lines out and makes a weighed line one unit', () => {
    const sale = aSale()
      .with(aKgProduct(), { weightGrams: 350 })
      .with(aProduct(), 2)
      .andThen((cart) =>
        unwrap(
          voidLine(cart, cart.lines[1]?.lineId ?? '', {
            byStaffId: 's1',
            at: '2025-10-09T10:13:00+02:00',
            reason: 'no',
          }),
        ),
      )
      .with(aProduct(), 1)
      .paidBy('store-credit')
      .complete();
    const source = returnableSourceFromSale(sale);
    expect(source.lines.map((l) => [l.productId, l.quantity])).toEqual([
      ['comte', 1],
      ['yaourt-nature', 1],
    ]);
    expect(source.payments).toEqual([
      {
        tenderId: sale.tenders[0]?.tenderId,
        type: 'store-credit',
        amount: sale.totals.total,
        accountId: 'client-0042',
        reference: null,
      },
    ]);
  });
});

describe('completedReturnSchema', () => {
  const record = unwrap(returnOf(anOnlineOrder(), [returning('l1', 2), returning('l2', 1)]));
  const rejects = (value: unknown) => expect(completedReturnSchema.safeParse(value).success).toBe(false);

  it('accepts the record as built and refuses one whose figures disagree', () => {
    expect(completedReturnSchema.parse(structuredClone(record))).toEqual(record);
    rejects({ ...record, total: eur(record.total.minor + 1) });
    rejects({ ...record, refunds: record.refunds.map((r) => ({ ...r, amount: eur(r.amount.minor - 1) })) });
    rejects({ ...record, vat: { ...record.vat, rates: [] } });
    rejects({ ...record, lines: [...record.lines, record.lines[0]] });
    rejects({ ...record, extra: true });
  });
});
