import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeReceiptCode } from '../../core/barcodes/project-codes';
import type { TillDatabase } from '../../data/till-database';
import { YAOURT } from '../../state/sale-test-till';
import { closeCashierTill, openCashierTill } from './cashier-test-till';
import type { CashierFlows } from './use-cashier-flows';

// What a scan at the sale does, over the real flows of a till in memory: an
// article goes to the basket; a receipt's QR code is a customer bringing
// something back, so the return window opens and looks that receipt up
// (never "not a product"); during a payment it does not.

describe('a scan at the sale', () => {
  let db: TillDatabase;
  let flows: CashierFlows;

  beforeEach(async () => {
    ({ db, flows } = await openCashierTill('cashier-scans'));
  });

  afterEach(() => closeCashierTill(db));

  const receiptQr = () => {
    const code = encodeReceiptCode('PAR01-01-000042');
    if (!code.ok) throw new Error('receipt code');
    return code.value;
  };

  it('of an article adds it to the basket, and opens no return', async () => {
    await flows.tickets.scan(YAOURT.barcode ?? '');
    expect(flows.sale.store.getState().cart.lines.map((l) => l.productId)).toEqual([YAOURT.id]);
    expect(flows.returns.store.getState().open).toBe(false);
  });

  it("of a receipt's QR code opens the return window on that receipt, the basket untouched", async () => {
    await flows.tickets.scan(receiptQr());
    const returns = flows.returns.store.getState();
    expect(returns.open).toBe(true);
    // No such sale on this till (and no store feed here): said in the return window, in words.
    expect(returns.problem).toBeTruthy();
    expect(returns.problem).not.toMatch(/[a-z]+-[a-z]+-[a-z]+/);
    expect(flows.sale.store.getState().cart.lines).toEqual([]);
  });

  it("of a receipt's QR code during a payment opens nothing", async () => {
    await flows.tickets.scan(YAOURT.barcode ?? '');
    flows.sale.startPayment();
    await flows.tickets.scan(receiptQr());
    expect(flows.returns.store.getState().open).toBe(false);
    expect(flows.sale.store.getState().cart.lines).toHaveLength(1);
  });
});
