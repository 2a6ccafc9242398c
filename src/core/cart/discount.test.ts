import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money, sumMoney } from '../money';
import { spreadBasketDiscount } from './basket-discount';
import { approveDiscount, removeBasketDiscount, setBasketDiscount, setLineDiscount } from './cart-discounts';
import { changeQuantity } from './cart-lines';
import { priceCart } from './cart-pricing';
import { type DiscountRequest, discountAmount, needsManagerApproval } from './discount';
import { aCart, aProduct, eur, STORE_POLICY, unwrap } from './test-builders';

const percent = (bps: number, reasonCode = 'loyalty'): DiscountRequest => ({
  value: { type: 'percentage', bps },
  reasonCode,
  grantedByStaffId: 'cashier-7',
});
const off = (minor: number, reasonCode = 'price-match'): DiscountRequest => ({
  value: { type: 'amount', amount: eur(minor) },
  reasonCode,
  grantedByStaffId: 'cashier-7',
});
const APPROVAL = { approverStaffId: 'manager-1', approvedAt: '2025-10-09T10:20:00+02:00' };

describe('discountAmount', () => {
  it('takes a percentage half-up and caps a fixed amount at the base', () => {
    // 15 % of 19,99 = 299.85 -> 300
    expect(discountAmount({ type: 'percentage', bps: 1500 }, eur(1999))).toEqual(eur(300));
    expect(discountAmount({ type: 'amount', amount: eur(500) }, eur(1999))).toEqual(eur(500));
    expect(discountAmount({ type: 'amount', amount: eur(5000) }, eur(1999))).toEqual(eur(1999));
    expect(discountAmount({ type: 'amount', amount: eur(500) }, eur(0))).toEqual(eur(0));
  });
});

describe('needsManagerApproval (policy: 10 % or 10,00 €, "staff" always)', () => {
  const needs = (request: DiscountRequest, baseMinor: number) =>
    needsManagerApproval(STORE_POLICY, request, eur(baseMinor));

  it('lets a cashier give up to the limits alone', () => {
    expect(needs(percent(1000), 5000)).toBe(false);
    expect(needs(off(1000), 10_000)).toBe(false);
  });

  it('flags a rate above the limit, an amount above the limit, or a fixed amount that is too large a share', () => {
    expect(needs(percent(1001), 5000)).toBe(true);
    // 10 % of 200,00 € is 20,00 €: within the rate, above the amount
    expect(needs(percent(1000), 20_000)).toBe(true);
    expect(needs(off(1001), 100_000)).toBe(true);
    // 2,00 € off 10,00 € is 20 %
    expect(needs(off(200), 1000)).toBe(true);
  });

  it('always flags the reasons the policy lists', () => {
    expect(needs(percent(100, 'staff'), 1000)).toBe(true);
  });
});

describe('discounts on the cart', () => {
  it('flags a line discount beyond the policy and releases it with an approval', () => {
    const cart = aCart()
      .with(aProduct({ priceMinor: 1000 }))
      .build();
    const lineId = cart.lines[0]?.lineId ?? '';
    const discounted = unwrap(setLineDiscount(cart, lineId, percent(2000)));
    expect(discounted.lines[0]?.discount).toMatchObject({ requiresManagerApproval: true, approval: null });
    expect(priceCart(discounted).awaitingApproval).toEqual([lineId]);
    const approved = unwrap(approveDiscount(discounted, lineId, APPROVAL));
    expect(approved.lines[0]?.discount?.approval).toEqual(APPROVAL);
    expect(priceCart(approved).awaitingApproval).toEqual([]);
    expect(priceCart(approved).totals).toMatchObject({ lineDiscount: eur(200), total: eur(800) });
  });

  it('recomputes the flag when the line changes: 2,00 € off is 20 % of one piece, 6.7 % of three', () => {
    const cart = aCart()
      .with(aProduct({ priceMinor: 1000 }))
      .build();
    const lineId = cart.lines[0]?.lineId ?? '';
    const discounted = unwrap(setLineDiscount(cart, lineId, off(200)));
    expect(discounted.lines[0]?.discount?.requiresManagerApproval).toBe(true);
    const three = unwrap(changeQuantity(discounted, lineId, 3));
    expect(three.lines[0]?.discount?.requiresManagerApproval).toBe(false);
  });

  it('flags and approves a basket discount (lineId null)', () => {
    const cart = aCart().withLines(2).build();
    const discounted = unwrap(setBasketDiscount(cart, percent(500, 'staff')));
    expect(priceCart(discounted).awaitingApproval).toEqual([null]);
    const approved = unwrap(approveDiscount(discounted, null, APPROVAL));
    expect(priceCart(approved).awaitingApproval).toEqual([]);
    expect(priceCart(removeBasketDiscount(approved)).totals.basketDiscount).toEqual(eur(0));
  });

  it('refuses malformed discounts and approvals with nothing to approve', () => {
    const cart = aCart().withLines(1).build();
    const lineId = cart.lines[0]?.lineId ?? '';
    const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
    expect(code(setLineDiscount(cart, lineId, percent(0)))).toBe('invalid-discount');
    expect(code(setLineDiscount(cart, lineId, percent(10_001)))).toBe('invalid-discount');
    expect(code(setLineDiscount(cart, lineId, off(0)))).toBe('invalid-discount');
    expect(code(setLineDiscount(cart, lineId, { ...percent(500), reasonCode: 'Bad Code' }))).toBe(
      'invalid-discount',
    );
    expect(
      setBasketDiscount(cart, { ...off(100), value: { type: 'amount', amount: money(100, 'CHF') } }),
    ).toEqual({ ok: false, error: { code: 'currency-mismatch', expected: 'EUR', actual: 'CHF' } });
    expect(approveDiscount(cart, lineId, APPROVAL)).toEqual({
      ok: false,
      error: { code: 'no-discount-to-approve', lineId },
    });
    expect(approveDiscount(cart, null, APPROVAL)).toEqual({
      ok: false,
      error: { code: 'no-discount-to-approve', lineId: null },
    });
  });

  it('never makes a line negative: 50,00 € off a 12,00 € line takes 12,00 €', () => {
    const cart = aCart()
      .with(aProduct({ priceMinor: 1200 }))
      .build();
    const lineId = cart.lines[0]?.lineId ?? '';
    const priced = priceCart(unwrap(setLineDiscount(cart, lineId, off(5000))));
    expect(priced.lines[0]?.net).toEqual(eur(0));
    expect(priced.totals.lineDiscount).toEqual(eur(1200));
  });

  it('spreads a basket discount in proportion to the lines: 10,00 € over 30,00 € + 10,00 € + 0,00 €', () => {
    expect(spreadBasketDiscount(eur(1000), [eur(3000), eur(1000), eur(0)])).toEqual([
      eur(750),
      eur(250),
      eur(0),
    ]);
    // 1,00 € over three equal lines: the leftover cent goes to the first
    expect(spreadBasketDiscount(eur(100), [eur(500), eur(500), eur(500)])).toEqual([
      eur(34),
      eur(33),
      eur(33),
    ]);
  });
});

describe('basket discount allocation (property)', () => {
  const lineAmounts = fc.array(
    fc.integer({ min: 0, max: 100_000 }).map((m) => eur(m)),
    { minLength: 1, maxLength: 12 },
  );

  it('never changes the total discount and never takes a line below zero', () => {
    fc.assert(
      fc.property(lineAmounts, fc.integer({ min: 0, max: 2_000_000 }), (amounts, discountMinor) => {
        const shares = spreadBasketDiscount(eur(discountMinor), amounts);
        const base = sumMoney(amounts, 'EUR').minor;
        expect(sumMoney(shares, 'EUR')).toEqual(eur(base > 0 ? Math.min(discountMinor, base) : 0));
        shares.forEach((share, i) => {
          expect(share.minor).toBeGreaterThanOrEqual(0);
          expect(share.minor).toBeLessThanOrEqual(amounts[i]?.minor ?? -1);
        });
      }),
    );
  });

  it('gives the same basket discount in the cart totals as the discount computed on the whole basket', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ price: fc.integer({ min: 0, max: 50_000 }), qty: fc.integer({ min: 1, max: 5 }) }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.oneof(
          fc.integer({ min: 1, max: 10_000 }).map((bps) => percent(bps)),
          fc.integer({ min: 1, max: 500_000 }).map((minor) => off(minor)),
        ),
        (items, request) => {
          const builder = aCart();
          items.forEach(({ price, qty }, i) => {
            builder.with(aProduct({ id: `p${i}`, priceMinor: price, vatRateBps: i % 2 ? 2000 : 550 }), qty);
          });
          const cart = unwrap(setBasketDiscount(builder.build(), request));
          const priced = priceCart(cart);
          expect(priced.totals.basketDiscount).toEqual(discountAmount(request.value, priced.totals.gross));
          expect(
            sumMoney(
              priced.lines.map((l) => l.basketDiscountShare),
              'EUR',
            ),
          ).toEqual(priced.totals.basketDiscount);
          for (const line of priced.lines) expect(line.net.minor).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
