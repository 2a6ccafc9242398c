import { afterEach, describe, expect, it } from 'vitest';
import { createLineEdit } from './line-edit';
import { CREME, fakeApprovals, openTestTill, YAOURT } from './sale-test-till';

// Quantity and price changes on a line, through the real sale store and data
// layer in memory, down to the completed sale in the journal.

describe('line edit', () => {
  let till: Awaited<ReturnType<typeof openTestTill>>;
  afterEach(() => till?.db.close());

  async function ringUp() {
    till = await openTestTill();
    const approvals = fakeApprovals();
    const sale = till.newSaleStore();
    await sale.signIn('1234');
    const lines = createLineEdit(sale, approvals);
    const cart = () => sale.store.getState().cart;
    return { sale, lines, approvals, cart };
  }

  it('"3*" then a scan sells 3 pieces on one line; the next scan is 1 again', async () => {
    const { lines, cart } = await ringUp();
    expect(lines.typed('3')).toBe(false);
    expect(lines.typed('3*')).toBe(true);
    expect(lines.store.getState().pendingQuantity).toBe(3);
    await lines.scan(YAOURT.barcode);
    await lines.scan(CREME.barcode);
    expect(cart().lines.map((l) => l.measure)).toEqual([
      { kind: 'pieces', quantity: 3 },
      { kind: 'pieces', quantity: 1 },
    ]);
    expect(await till.lastShown()).toEqual({
      upper: 'Crème         8,00 €',
      lower: 'Total        11,60 €',
    });
  });

  it('"2x<code>" typed whole sells 2; a plain code is not a quantity', async () => {
    const { lines, cart } = await ringUp();
    expect(lines.typed(`2x${CREME.barcode}`)).toBe(false);
    await lines.submit(`2x${CREME.barcode}`);
    await lines.submit(CREME.barcode);
    expect(cart().lines.map((l) => l.measure)).toEqual([
      { kind: 'pieces', quantity: 2 },
      { kind: 'pieces', quantity: 1 },
    ]);
    expect(lines.typed('0*')).toBe(true);
    expect(lines.store.getState().pendingQuantity).toBeUndefined();
  });

  it('+ and − act on the last line, or the one selected; − stops at one piece', async () => {
    const { sale, lines, cart } = await ringUp();
    await lines.scan(YAOURT.barcode);
    await lines.scan(CREME.barcode);
    expect(lines.step(1)).toBe(true);
    expect(cart().lines[1]?.measure).toEqual({ kind: 'pieces', quantity: 2 });
    expect(await till.lastShown()).toEqual({
      upper: '2 x Crème    16,00 €',
      lower: 'Total        17,20 €',
    });
    // + and − typed in the empty scan field act on the line too.
    expect(lines.typed('-')).toBe(true);
    expect(cart().lines[1]?.measure).toEqual({ kind: 'pieces', quantity: 1 });
    expect(lines.typed('+')).toBe(true);
    lines.select(cart().lines[0]?.lineId);
    expect(lines.step(-1)).toBe(false);
    expect(sale.store.getState().problem).toBe(
      'Quantité déjà à 1 : pour retirer l’article, annulez la ligne',
    );
    expect(lines.setQuantity(6)).toBe(true);
    expect(cart().lines.map((l) => (l.measure.kind === 'pieces' ? l.measure.quantity : 0))).toEqual([6, 2]);
    expect(lines.setQuantity(0)).toBe(false);
    expect(sale.store.getState().problem).toBe('Quantité de 1 à 9999');
  });

  it('changes a price with a reason; a supervisor who approves is kept on the line and in the sale', async () => {
    const { sale, lines, approvals, cart } = await ringUp();
    approvals.answer = () => ({ ok: true, approverStaffId: 'staff-karim' });
    lines.typed('2*');
    await lines.scan(CREME.barcode);
    let closed = 0;
    expect(await lines.overridePrice(650, { code: 'damaged', note: '' }, () => closed++)).toBe(true);
    expect(closed).toBe(1);
    const { saleId } = sale.store.getState();
    expect(approvals.asked).toEqual([
      {
        action: 'price-override',
        subject: { type: 'price-override', saleId, lineId: cart().lines[0]?.lineId },
        reason: 'Article abîmé',
        amountMinor: 150,
        percentBps: 1875,
      },
    ]);
    expect(cart().lines[0]).toMatchObject({
      unitPrice: { minor: 650 },
      gross: { minor: 1300 },
      priceOverride: {
        originalUnitPrice: { minor: 800, currency: 'EUR' },
        reasonCode: 'damaged',
        byStaffId: 'staff-camille',
        approval: { approverStaffId: 'staff-karim' },
      },
    });
    expect(await till.lastShown()).toEqual({
      upper: '2 x Crème    13,00 €',
      lower: 'Total        13,00 €',
    });
    sale.startPayment();
    await sale.payCash(2_000);
    const [recorded] = await till.journalSales();
    expect(recorded?.totals.total.minor).toBe(1_300);
    // The approval named the sale that was then recorded.
    expect(recorded?.saleId).toBe(saleId);
    expect(recorded?.lines[0]?.priceOverride).toMatchObject({
      originalUnitPrice: { minor: 800 },
      approval: { approverStaffId: 'staff-karim' },
    });
  });

  it('a cancelled approval changes nothing; "Other" needs words before anyone is asked', async () => {
    const { sale, lines, approvals, cart } = await ringUp();
    await lines.scan(CREME.barcode);
    expect(await lines.overridePrice(100, { code: 'other', note: '  ' })).toBe(false);
    expect(approvals.asked).toEqual([]);
    expect(sale.store.getState().problem).toBe('Dites en quelques mots pourquoi (motif « Autre »)');
    approvals.answer = () => ({ ok: false, reason: 'cancelled' });
    expect(await lines.overridePrice(100, { code: 'other', note: 'vendu en lot' })).toBe(false);
    expect(approvals.asked.map((a) => a.reason)).toEqual(['vendu en lot']);
    expect(cart().lines[0]?.unitPrice.minor).toBe(800);
    expect(cart().lines[0]?.priceOverride).toBeUndefined();
  });

  it('the cashier alone (the policy lets her) records no approval, and the note for "Other"', async () => {
    const { lines, cart } = await ringUp();
    await lines.scan(YAOURT.barcode);
    expect(await lines.overridePrice(100, { code: 'other', note: 'date courte' })).toBe(true);
    expect(cart().lines[0]?.priceOverride).toEqual({
      originalUnitPrice: { minor: 120, currency: 'EUR' },
      reasonCode: 'other',
      note: 'date courte',
      byStaffId: 'staff-camille',
      approval: null,
    });
  });
});
