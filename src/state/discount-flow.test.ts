import { afterEach, describe, expect, it } from 'vitest';
import { priceCart } from '../core/cart';
import { createDiscountFlow } from './discount-flow';
import { CREME, fakeApprovals, openTestTill, YAOURT } from './sale-test-till';

// Line and basket discounts through the real sale store: the approvals store
// decides who may give them, the cart's own flag agrees, and the sale that
// completes carries each discount, its reason and its approval.

describe('discounts', () => {
  let till: Awaited<ReturnType<typeof openTestTill>>;
  afterEach(() => till?.db.close());

  async function ringUp() {
    till = await openTestTill();
    const approvals = fakeApprovals();
    const sale = till.newSaleStore();
    await sale.signIn('1234');
    await sale.scan(CREME.barcode, 2);
    await sale.scan(YAOURT.barcode);
    const discounts = createDiscountFlow(sale, approvals);
    const cart = () => sale.store.getState().cart;
    return { sale, discounts, approvals, cart, lineId: cart().lines[0]?.lineId ?? '' };
  }

  it('5 % off a line within the cashier’s limits: no approval kept, the display shows it', async () => {
    const { sale, discounts, approvals, cart, lineId } = await ringUp();
    expect(
      await discounts.apply({ lineId }, { type: 'percentage', bps: 500 }, { code: 'loyalty', note: '' }),
    ).toBe(true);
    expect(approvals.asked).toEqual([
      {
        action: 'discount',
        subject: { type: 'discount', saleId: sale.store.getState().saleId, lineId },
        reason: 'Client fidèle',
        amountMinor: 80,
        percentBps: 500,
      },
    ]);
    expect(cart().lines[0]?.discount).toMatchObject({
      value: { type: 'percentage', bps: 500 },
      reasonCode: 'loyalty',
      requiresManagerApproval: false,
      approval: null,
    });
    expect(priceCart(cart()).totals.total.minor).toBe(1_600 - 80 + 120);
    expect(await till.lastShown()).toEqual({ upper: 'Remise       -0,80 €', lower: 'Total        16,40 €' });
  });

  it('50 % off the basket needs a supervisor: the approval is attached and the sale completes with it', async () => {
    const { sale, discounts, approvals, cart } = await ringUp();
    approvals.answer = () => ({ ok: true, approverStaffId: 'staff-karim' });
    expect(
      await discounts.apply(null, { type: 'percentage', bps: 5_000 }, { code: 'goodwill', note: '' }),
    ).toBe(true);
    expect(approvals.asked[0]).toEqual({
      action: 'discount',
      subject: { type: 'discount', saleId: sale.store.getState().saleId, lineId: null },
      reason: 'Geste commercial',
      amountMinor: 860,
      percentBps: 5_000,
    });
    expect(cart().basketDiscount).toMatchObject({
      requiresManagerApproval: true,
      approval: { approverStaffId: 'staff-karim' },
    });
    sale.startPayment();
    await sale.payCash(1_000);
    const [recorded] = await till.journalSales();
    expect(recorded?.totals).toMatchObject({ basketDiscount: { minor: 860 }, total: { minor: 860 } });
    expect(recorded?.basketDiscount?.discount).toMatchObject({
      reasonCode: 'goodwill',
      approval: { approverStaffId: 'staff-karim' },
    });
  });

  it('a discount the cart flags but the policy lets the cashier give: her own approval, so the sale completes', async () => {
    const { sale, discounts, cart, lineId } = await ringUp();
    // 5,00 € off 16,00 € is 31 %: above the cart's 10 %, yet the approvals store let her alone.
    expect(
      await discounts.apply(
        { lineId },
        { type: 'amount', minor: 500 },
        { code: 'other', note: 'fin de série' },
      ),
    ).toBe(true);
    expect(cart().lines[0]?.discount).toMatchObject({
      value: { type: 'amount', amount: { minor: 500 } },
      note: 'fin de série',
      requiresManagerApproval: true,
      approval: { approverStaffId: 'staff-camille' },
    });
    sale.startPayment();
    await sale.payCash(2_000);
    expect((await till.journalSales()).map((s) => s.totals.lineDiscount.minor)).toEqual([500]);
  });

  it('a cancelled approval gives nothing; a bad value or an empty "Other" is refused before asking', async () => {
    const { sale, discounts, approvals, cart, lineId } = await ringUp();
    expect(
      await discounts.apply({ lineId }, { type: 'percentage', bps: 0 }, { code: 'loyalty', note: '' }),
    ).toBe(false);
    expect(sale.store.getState().problem).toContain('Remise invalide');
    expect(
      await discounts.apply({ lineId }, { type: 'amount', minor: 100 }, { code: 'other', note: '' }),
    ).toBe(false);
    expect(approvals.asked).toEqual([]);
    approvals.answer = () => ({ ok: false, reason: 'cancelled' });
    discounts.openFor(null);
    expect(await discounts.apply(null, { type: 'amount', minor: 100 }, { code: 'loyalty', note: '' })).toBe(
      false,
    );
    expect(cart().basketDiscount).toBeNull();
    expect(sale.store.getState().problem).toBe('Validation annulée : rien n’a changé');
    // The dialog closed when the approval was asked (the PIN prompt is a dialog of its own).
    expect(discounts.store.getState()).toEqual({ open: undefined, busy: false });
  });

  it('takes a discount off again', async () => {
    const { discounts, cart, lineId } = await ringUp();
    await discounts.apply({ lineId }, { type: 'percentage', bps: 1_000 }, { code: 'damaged', note: '' });
    expect(discounts.remove({ lineId })).toBe(true);
    expect(cart().lines[0]?.discount).toBeNull();
    expect(priceCart(cart()).totals.total.minor).toBe(1_720);
  });
});
