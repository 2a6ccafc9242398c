import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setBasketDiscount, setLineDiscount } from '../cart/cart-discounts';
import { addProduct, voidLine } from '../cart/cart-lines';
import { priceCart } from '../cart/cart-pricing';
import {
  aKgProduct,
  aProduct,
  type CartSpec,
  cartFromSpec,
  eur,
  idSequence,
  LENIENT_POLICY,
  unwrap,
  YOGURTS_3_FOR_2,
} from '../cart/test-builders';
import { FRENCH_VAT_RATES } from '../tax';
import { completeSale } from './complete-sale';
import { type CompletedSale, completedSaleSchema } from './completed-sale';
import { addTender, isSettled, remainingDue, startPayment } from './payment';
import { aSale, saleDetails, tenderFor } from './test-builders';

const VOID = { byStaffId: 'cashier-7', at: '2025-10-09T10:13:00+02:00', reason: 'scanned twice' };

describe('completeSale', () => {
  it('freezes a paid sale into a record that its own schema accepts', () => {
    const sale = aSale().withLines(3).paidBy('card').complete();
    // 1,00 + 2,00 + 3,00
    expect(sale.totals.total).toEqual(eur(600));
    expect(sale.tenders).toHaveLength(1);
    expect(sale.change).toEqual(eur(0));
    expect(completedSaleSchema.safeParse(sale).success).toBe(true);
    expect(Object.isFrozen(sale)).toBe(true);
    expect(Object.isFrozen(sale.lines[0]?.gross)).toBe(true);
    expect(sale).toMatchObject({ storeCode: 'PAR01', tillCode: '03', staffId: 'cashier-7' });
  });

  it('keeps voided lines with zero amounts, and sums promotions per promotion for the receipt', () => {
    const sale = aSale()
      .withPromotions(YOGURTS_3_FOR_2)
      .with(aProduct(), 2)
      .with(aProduct(), 1)
      .with(aKgProduct(), { weightGrams: 1234 }) // 30,73
      .andThen((cart) => unwrap(voidLine(cart, cart.lines[2]?.lineId ?? '', VOID)))
      .with(aProduct(), 1)
      .paidBy('cash')
      .complete();
    expect(sale.lines).toHaveLength(4);
    expect(sale.lines[2]).toMatchObject({ voided: VOID, net: eur(0), promotions: [] });
    // yogurts 2 + 1 + 1 = 4 units at 1,20: one group of 3, the free one on the first line
    expect(sale.promotions).toEqual([
      { promotionId: 'yaourt-3pour2', label: '3 pour 2 yaourts', amount: eur(120) },
    ]);
    expect(sale.totals).toMatchObject({ gross: eur(480), promotionDiscount: eur(120), total: eur(360) });
    // cash handed over: 10,00 € -> change 6,40 €
    expect(sale.tenders[0]).toMatchObject({
      type: 'cash',
      given: eur(1000),
      amount: eur(360),
      change: eur(640),
    });
    expect(sale.change).toEqual(eur(640));
  });

  it('records split tenders and the VAT table of the sale', () => {
    const sale = aSale()
      .withLines(4) // 1,00 (20 %) 2,00 (5.5 %) 3,00 (20 %) 4,00 (5.5 %)
      .paidWith((_, tenderId) => ({
        type: 'voucher',
        tenderId,
        amount: eur(300),
        faceValue: eur(500),
        code: 'BON-1',
      }))
      .paidWith((_, tenderId) => ({ type: 'card', tenderId, amount: eur(500), terminal: null }))
      .paidWith((_, tenderId) => ({ type: 'cash', tenderId, given: eur(500) }))
      .complete();
    expect(sale.tenders.map((t) => [t.type, t.amount.minor])).toEqual([
      ['voucher', 300],
      ['card', 500],
      ['cash', 200],
    ]);
    expect(sale.change).toEqual(eur(300));
    // 20 %: 400 -> 66.67 -> 67. 5.5 %: 600 × 550/10550 = 31.28 -> 31
    expect(sale.vat.rates).toEqual([
      { rateBps: 2000, gross: eur(400), net: eur(333), vat: eur(67) },
      { rateBps: 550, gross: eur(600), net: eur(569), vat: eur(31) },
    ]);
  });

  it('refuses to complete until the tenders cover the total', () => {
    const { cart, payment } = aSale()
      .withLines(2)
      .paidWith((_, tenderId) => ({ type: 'card', tenderId, amount: eur(100), terminal: null }))
      .build();
    expect(completeSale(cart, payment, saleDetails(idSequence(5)()))).toEqual({
      ok: false,
      error: { code: 'tenders-do-not-cover-total', remaining: eur(200) },
    });
  });

  it('refuses a payment started for another total (the cart changed meanwhile)', () => {
    const { cart, payment } = aSale().withLines(1).paidBy('card').build();
    const more = unwrap(addProduct(cart, aProduct(), 1, { lineId: idSequence(9)() }));
    expect(completeSale(more, payment, saleDetails(idSequence(5)()))).toEqual({
      ok: false,
      error: { code: 'payment-due-mismatch', due: eur(100), total: eur(220) },
    });
  });

  it('refuses a discount still waiting for a manager, naming its line', () => {
    const { cart } = aSale().withLines(1).build();
    const lineId = cart.lines[0]?.lineId ?? '';
    const discounted = unwrap(
      setLineDiscount(cart, lineId, {
        value: { type: 'percentage', bps: 5000 },
        reasonCode: 'damaged-pack',
        grantedByStaffId: 'cashier-7',
      }),
    );
    const payment = unwrap(
      addTender(
        startPayment(priceCart(discounted).totals.total),
        tenderFor('card', eur(50), idSequence(3)()),
      ),
    );
    expect(completeSale(discounted, payment, saleDetails(idSequence(5)()))).toEqual({
      ok: false,
      error: { code: 'discount-awaiting-approval', lineId },
    });
  });

  it('refuses an empty sale and bad sale details', () => {
    const { cart } = aSale().withLines(1).build();
    const allVoided = unwrap(voidLine(cart, cart.lines[0]?.lineId ?? '', VOID));
    expect(completeSale(allVoided, startPayment(eur(0)), saleDetails(idSequence(5)()))).toEqual({
      ok: false,
      error: { code: 'empty-sale' },
    });
    const result = completeSale(cart, startPayment(eur(100)), {
      ...saleDetails(idSequence(5)()),
      storeCode: 'paris',
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid-sale-details');
  });

  it('completes a fully discounted sale with no tender', () => {
    const { cart } = aSale().withLines(1).build();
    const free = unwrap(
      setBasketDiscount(cart, {
        value: { type: 'percentage', bps: 10_000 },
        reasonCode: 'goodwill',
        grantedByStaffId: 'm1',
      }),
    );
    const approved = {
      ...free,
      basketDiscount: free.basketDiscount && {
        ...free.basketDiscount,
        approval: { approverStaffId: 'm1', approvedAt: '2025-10-09T10:13:00+02:00' },
      },
    };
    const sale = unwrap(completeSale(approved, startPayment(eur(0)), saleDetails(idSequence(5)())));
    expect(sale.totals.total).toEqual(eur(0));
    expect(sale.basketDiscount?.amount).toEqual(eur(100));
  });
});

describe('completedSaleSchema (what the server runs on pushed sales)', () => {
  const sale = aSale()
    .withPromotions(YOGURTS_3_FOR_2)
    .with(aProduct(), 3)
    .withLines(2)
    .paidBy('cash')
    .complete();
  const copy = (): CompletedSale => structuredClone(sale);
  const rejects = (record: unknown) => expect(completedSaleSchema.safeParse(record).success).toBe(false);

  it('accepts the record as built', () => {
    expect(completedSaleSchema.parse(copy())).toEqual(sale);
  });

  it('refuses a record whose figures do not add up', () => {
    rejects({ ...copy(), totals: { ...sale.totals, total: eur(sale.totals.total.minor - 1) } });
    rejects({ ...copy(), change: eur(0) });
    rejects({ ...copy(), cashRounding: eur(1) });
    rejects({ ...copy(), vat: { ...sale.vat, rates: sale.vat.rates.slice(1) } });
    rejects({ ...copy(), promotions: [] });
    rejects({
      ...copy(),
      lines: sale.lines.map((l, i) => (i === 0 ? { ...l, net: eur(l.net.minor + 1) } : l)),
    });
    rejects({
      ...copy(),
      lines: sale.lines.map((l, i) => (i === 0 ? { ...l, gross: eur(l.gross.minor + 1) } : l)),
    });
    rejects({ ...copy(), tenders: sale.tenders.map((t) => ({ ...t, amount: eur(t.amount.minor - 1) })) });
    rejects({ ...copy(), lines: [...sale.lines, sale.lines[0]] });
  });

  it('refuses unknown fields, amounts in another currency and unapproved discounts', () => {
    rejects({ ...copy(), note: 'hello' });
    rejects({ ...copy(), change: { ...sale.change, currency: 'USD' } });
    rejects({ ...copy(), lines: sale.lines.map((l) => ({ ...l, gross: { ...l.gross, extra: 1 } })) });
    rejects({
      ...copy(),
      lines: sale.lines.map((l, i) =>
        i === 0
          ? {
              ...l,
              discount: {
                value: { type: 'percentage', bps: 100 },
                reasonCode: 'x',
                grantedByStaffId: 's',
                requiresManagerApproval: true,
                approval: null,
              },
            }
          : l,
      ),
    });
  });
});

// --- property: random carts with discounts and promotions, paid by random split tenders ---

const arbSpec: fc.Arbitrary<CartSpec> = fc.record({
  items: fc.array(
    fc.record({
      product: fc.integer({ min: 0, max: 2 }),
      rate: fc.constantFrom(...FRENCH_VAT_RATES.map((r) => r.rateBps)),
      price: fc.integer({ min: 0, max: 10_000 }),
      input: fc.oneof(
        fc.integer({ min: 1, max: 5 }).map((q) => ({ kind: 'pieces' as const, q })),
        fc.integer({ min: 1, max: 3000 }).map((g) => ({ kind: 'weight' as const, g })),
      ),
      lineDiscount: fc.option(
        fc.integer({ min: 1, max: 1000 }).map((bps) => ({ type: 'percentage' as const, bps })),
        { nil: null },
      ),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  promotions: fc.constant([{ ...YOGURTS_3_FOR_2, target: { type: 'category', category: 'c0' } }]),
  basketDiscount: fc.option(
    fc.integer({ min: 1, max: 50 }).map((minor) => ({ type: 'amount' as const, amount: eur(minor) })),
    { nil: null },
  ),
});

describe('completeSale property', () => {
  it('completes once tenders cover the total: amounts add up to it, change is never negative, the record validates', () => {
    fc.assert(
      fc.property(
        arbSpec,
        fc.array(
          fc.record({
            type: fc.constantFrom('card', 'voucher', 'store-credit'),
            perMille: fc.integer({ min: 1, max: 1000 }),
          }),
          {
            maxLength: 3,
          },
        ),
        fc.integer({ min: 0, max: 5000 }),
        (spec, splits, cashExtra) => {
          const ids = idSequence();
          const cart = cartFromSpec(spec, ids, LENIENT_POLICY);
          let payment = startPayment(priceCart(cart).totals.total);
          for (const split of splits) {
            const remaining = remainingDue(payment);
            const part = eur(Math.floor((remaining.minor * split.perMille) / 1000));
            if (part.minor > 0) payment = unwrap(addTender(payment, tenderFor(split.type, part, ids())));
          }
          if (!isSettled(payment)) {
            const given = eur(remainingDue(payment).minor + cashExtra);
            payment = unwrap(addTender(payment, { type: 'cash', tenderId: ids(), given }));
          }
          const sale = unwrap(completeSale(cart, payment, saleDetails(ids())));
          const paid = sale.tenders.reduce((sum, t) => sum + t.amount.minor, 0);
          expect(paid).toBe(sale.totals.total.minor);
          expect(sale.change.minor).toBeGreaterThanOrEqual(0);
          expect(sale.change.minor).toBe(sale.tenders.some((t) => t.type === 'cash') ? cashExtra : 0);
          expect(completedSaleSchema.safeParse(sale).success).toBe(true);
        },
      ),
    );
  });
});
