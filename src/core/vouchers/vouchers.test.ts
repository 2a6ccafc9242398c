import { describe, expect, it } from 'vitest';
import { createCart } from '../cart/cart';
import { priceCart } from '../cart/cart-pricing';
import { idSequence, STORE_POLICY, unwrap } from '../cart/test-builders';
import { money } from '../money';
import { completeSale } from '../sale/complete-sale';
import { completedSaleSchema } from '../sale/completed-sale';
import { addTender, startPayment } from '../sale/payment';
import { saleDetails } from '../sale/test-builders';
import { mintVoucherCode, normalizeVoucherCode } from './gift-voucher-code';
import { addVoucherLine } from './sell-voucher';
import { voucherStanding } from './voucher-standing';

const empty = () => createCart({ currency: 'EUR', discountPolicy: STORE_POLICY, promotions: [] });

function soldVoucher(code: string, minor: number) {
  const ids = idSequence();
  const { cart, issued } = unwrap(
    addVoucherLine(empty(), [], { lineId: ids(), amountMinor: minor, code, name: 'Bon' }),
  );
  const payment = unwrap(
    addTender(startPayment(priceCart(cart).totals.total), {
      type: 'card',
      tenderId: ids(),
      amount: money(minor, 'EUR'),
      terminal: null,
    }),
  );
  return { cart, issued, payment, ids };
}

describe('gift vouchers in the core', () => {
  it('normalises codes and mints unbiased ones', () => {
    expect(normalizeVoucherCode(' gv7k q4m2xy ')).toBe('GV7KQ4M2XY');
    expect(normalizeVoucherCode('ab')).toBeUndefined();
    expect(normalizeVoucherCode('GV_1234567')).toBeUndefined();
    expect(mintVoucherCode(Uint8Array.from([0, 1, 2, 250, 3, 4, 5, 6, 7]))).toEqual({
      ok: true,
      value: 'GV23456789',
    });
    expect(mintVoucherCode(new Uint8Array(4))).toEqual({ ok: false, error: 'not-enough-random-bytes' });
  });

  it('sells a voucher as a VAT-free open-price line the sale record names, and refuses a tampered record', () => {
    const { cart, issued, payment, ids } = soldVoucher('GV7KQ4M2XY', 2_500);
    expect(
      addVoucherLine(cart, issued, { lineId: ids(), amountMinor: 1_000, code: 'GV7KQ4M2XY', name: 'Bon' }),
    ).toEqual({
      ok: false,
      error: { code: 'voucher-code-in-basket' },
    });
    expect(
      addVoucherLine(cart, [], { lineId: ids(), amountMinor: 100_001, code: 'GVOTHER22', name: 'Bon' }).ok,
    ).toBe(false);
    const sale = unwrap(completeSale(cart, payment, saleDetails(ids()), { vouchersIssued: issued }));
    expect(sale.vouchersIssued).toEqual(issued);
    expect(sale.vat.total.vat.minor).toBe(0);
    // A record claiming a voucher on a taxed line, or spending the voucher it sells, is refused.
    const taxed = { ...sale, lines: sale.lines.map((l) => ({ ...l, vatRateBps: 2000 })) };
    expect(completedSaleSchema.safeParse(taxed).success).toBe(false);
    const unknownLine = { ...sale, vouchersIssued: [{ lineId: ids(), code: 'GV7KQ4M2XY' }] };
    expect(completedSaleSchema.safeParse(unknownLine).success).toBe(false);
    // Without links, a record is exactly as before (no new members).
    const plain = unwrap(completeSale(cart, payment, saleDetails(ids())));
    expect('vouchersIssued' in plain || 'kioskOrder' in plain).toBe(false);
  });

  it('counts each spend once, from the server copy and the till journal alike', () => {
    const { cart, issued, payment, ids } = soldVoucher('GV7KQ4M2XY', 5_000);
    const sale = unwrap(completeSale(cart, payment, saleDetails(ids()), { vouchersIssued: issued }));
    expect(voucherStanding('GVNOTSOLD2', undefined, [{ tillId: 't', sale }])).toEqual({ known: false });
    const tender = {
      type: 'voucher',
      tenderId: ids(),
      amount: money(2_000, 'EUR'),
      code: 'gv7kq4m2xy',
      faceValue: money(5_000, 'EUR'),
    } as const;
    const standing = voucherStanding('GV7KQ4M2XY', undefined, [{ tillId: 't', sale }], [tender]);
    expect(standing).toMatchObject({ known: true, remaining: { minor: 3_000 }, overRedeemed: false });
    const server = {
      id: 'GV7KQ4M2XY',
      storeCode: 'PAR01',
      faceValue: money(5_000, 'EUR'),
      issuedAt: '2026-12-06T10:00:00.000Z',
      issuedSaleId: sale.saleId,
      issuedTillId: 't',
      redemptions: [
        {
          saleId: ids(),
          tenderId: tender.tenderId,
          tillId: 't',
          amount: money(2_000, 'EUR'),
          at: '2026-12-06T10:00:00.000Z',
        },
      ],
      remaining: money(3_000, 'EUR'),
      overRedeemed: false,
    };
    const other = { ...tender, tenderId: ids(), amount: money(4_000, 'EUR') };
    expect(voucherStanding('GV7KQ4M2XY', server, [], [tender, other])).toMatchObject({
      remaining: { minor: 0 },
      spent: { minor: 6_000 },
      overRedeemed: true,
    });
  });
});
