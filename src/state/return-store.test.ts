import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultScanConfig } from '../core/barcodes';
import { aProduct } from '../core/cart/test-builders';
import type { JournalEntry } from '../core/journal/journal-entry';
import { money } from '../core/money';
import type { CompletedReturn } from '../core/returns';
import type { CompletedSale } from '../core/sale';
import { createTillDatabase, type TillDatabase } from '../data/till-database';
import type { ApprovalRequest, ApprovalResult } from './approval-store';
import { createReceiptDesk } from './receipt-desk';
import { createReturnStore } from './return-store';
import { createSaleStore } from './sale-store';
import { CASHIER, memoryTillServices } from './sale-test-till';

// Returns against this till's own sales, with the real data layer in memory:
// found offline by receipt number, capped at what is left, refunded in cash
// or kept as an exchange's credit, approvals asked, checked in the journal.

const identity = { storeCode: 'PAR01', tillCode: '01', tillId: 'till-a' };
const PULL = aProduct({ id: 'pull', name: 'Pull', barcode: '3017620422003', priceMinor: 3_000 });
const BONNET = aProduct({ id: 'bonnet', name: 'Bonnet', barcode: '3017620422034', priceMinor: 1_200 });
const staff = { id: 'staff-camille', displayName: 'Camille Martin', role: 'cashier' as const };

async function entries(db: TillDatabase): Promise<JournalEntry[]> {
  return (await db.journal.find({ sort: [{ sequence: 'asc' }] }).exec()).map(
    (d) => d.toMutableJSON() as JournalEntry,
  );
}
const returns = async (db: TillDatabase) =>
  (await entries(db)).filter((e) => e.kind === 'return.completed').map((e) => e.payload as CompletedReturn);
const sales = async (db: TillDatabase) =>
  (await entries(db)).filter((e) => e.kind === 'sale.completed').map((e) => e.payload as CompletedSale);

describe('a return at the till', () => {
  let db: TillDatabase;
  const asked: ApprovalRequest[] = [];
  let answer: ApprovalResult = { ok: true, approverStaffId: 'manager-1' };

  beforeEach(async () => {
    db = await createTillDatabase(`returns-${Math.random()}`, getRxStorageMemory());
    await db.catalog.put([PULL, BONNET]);
    await db.staff.insert(CASHIER);
    asked.length = 0;
    answer = { ok: true, approverStaffId: 'manager-1' };
  });
  afterEach(async () => {
    await db.close();
  });

  const services = () => memoryTillServices(db);

  function till() {
    const sale = createSaleStore(services(), createReceiptDesk(services()));
    const ret = createReturnStore({
      ...services(),
      till: identity,
      approvals: {
        async require(_staff, request) {
          asked.push(request);
          return answer;
        },
      },
      basketTotal: () => {
        const { cart } = sale.store.getState();
        return money(
          cart.lines.filter((l) => l.voided === null).reduce((sum, l) => sum + l.unitPrice.minor, 0),
          'EUR',
        );
      },
      takeExchangeCredit: (tender) => sale.takeExchangeCredit(tender),
    });
    return { sale, ret };
  }

  async function sellTwoPulls(sale: ReturnType<typeof till>['sale']): Promise<string> {
    await sale.signIn('1234');
    await sale.scan(PULL.barcode);
    await sale.scan(PULL.barcode);
    sale.startPayment();
    await sale.payCash(6_000);
    return sale.store.getState().completed?.receiptNumber ?? '';
  }

  it('finds its own sale by the receipt QR, caps the quantity, refunds in cash and journals the return', async () => {
    const { sale, ret } = till();
    const receiptNumber = await sellTwoPulls(sale);
    expect(receiptNumber).toBe('PAR01-01-000001');
    ret.open();
    await ret.find(`POS1:R:${receiptNumber}`);
    const { found, picks } = ret.store.getState();
    expect(found?.receiptNumber).toBe(receiptNumber);
    const [first, second] = found?.source.lines ?? [];
    ret.pick(first?.lineId ?? '', { quantity: 2 });
    expect(ret.store.getState().problem).toBe('Pull : au plus 1 à reprendre.');
    ret.pick(first?.lineId ?? '', { quantity: 1, reason: 'damaged' });
    expect(ret.store.getState().picks[first?.lineId ?? '']).toMatchObject({ quantity: 1, restock: false });
    expect(Object.keys(picks)).toHaveLength(2);
    await ret.confirm(staff);
    expect(ret.store.getState().done?.cashOut).toEqual(money(3_000, 'EUR'));
    const [recorded] = await returns(db);
    expect(recorded?.source).toEqual({ type: 'sale', id: (await sales(db))[0]?.saleId });
    expect(recorded?.lines.map((l) => [l.quantity, l.reason.code, l.restock])).toEqual([
      [1, 'damaged', false],
    ]);
    expect(recorded?.refunds.map((r) => [r.method, r.amount.minor])).toEqual([['cash', 3_000]]);
    expect(asked).toEqual([]);

    // The same line cannot come back twice; the other one can.
    ret.open();
    await ret.find(receiptNumber);
    expect(Object.keys(ret.store.getState().picks)).toEqual([second?.lineId]);
  });

  it('asks a manager above the limit; refused, nothing is journalled', async () => {
    const { sale, ret } = till();
    const receiptNumber = await sellTwoPulls(sale);
    await db.settings.upsert({
      id: 'store:PAR01',
      storeCode: 'PAR01',
      storeName: 'Marché',
      addressLines: [],
      legalIds: ['SIRET 552 100 554 00021'],
      currency: 'EUR',
      receiptFooter: [],
      scanConfig: defaultScanConfig,
      promotions: [],
      orderSigningKey: { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) },
      returnPolicy: { refundLimitMinor: 5_000, withoutReceipt: 'cash', voucherPortionTo: 'cash' },
    });
    ret.open();
    await ret.find(receiptNumber);
    for (const line of ret.store.getState().found?.source.lines ?? []) ret.pick(line.lineId, { quantity: 1 });
    answer = { ok: false, reason: 'cancelled' };
    await ret.confirm(staff);
    expect(asked.map((a) => [a.action, a.amountMinor])).toEqual([['refund-over-limit', 6_000]]);
    expect(ret.store.getState().problem).toBe("Accord refusé ou annulé : rien n'a été remboursé.");
    expect(await returns(db)).toEqual([]);
  });

  it('an exchange for a cheaper article: the credit pays the basket, the difference comes back in cash', async () => {
    const { sale, ret } = till();
    const receiptNumber = await sellTwoPulls(sale);
    await sale.scan(BONNET.barcode);
    ret.open();
    await ret.find(receiptNumber);
    const line = ret.store.getState().found?.source.lines[0];
    ret.pick(line?.lineId ?? '', { quantity: 1, reason: 'wrong-size' });
    await ret.confirm(staff, { exchange: true });
    expect(ret.store.getState().done).toMatchObject({
      cashOut: money(1_800, 'EUR'),
      exchangeCredit: money(1_200, 'EUR'),
    });
    await expect.poll(async () => (await sales(db)).length).toBe(2);
    const [recorded] = await returns(db);
    const account = `exchange:${recorded?.returnId}`;
    expect(recorded?.refunds.map((r) => [r.method, r.amount.minor, r.accountId])).toEqual([
      ['cash', 1_800, null],
      ['store-credit', 1_200, account],
    ]);
    const exchangeSale = (await sales(db))[1];
    expect(exchangeSale?.tenders.map((t) => [t.type, t.amount.minor])).toEqual([['store-credit', 1_200]]);
    expect(exchangeSale?.tenders[0]?.type === 'store-credit' && exchangeSale.tenders[0].accountId).toBe(
      account,
    );
  });

  it('a scan goes to the return: the receipt to find, an article without receipt; none once it is done', async () => {
    const { sale, ret } = till();
    const receiptNumber = await sellTwoPulls(sale);
    await ret.scan(`POS1:R:${receiptNumber}`);
    expect(ret.store.getState().found).toBeUndefined();
    ret.open();
    await ret.scan(`POS1:R:${receiptNumber}`);
    expect(ret.store.getState()).toMatchObject({ step: 'lines', found: { receiptNumber } });
    const line = ret.store.getState().found?.source.lines[0];
    ret.pick(line?.lineId ?? '', { quantity: 1 });
    await ret.confirm(staff);
    expect(ret.store.getState().step).toBe('done');
    await ret.scan(BONNET.barcode);
    expect(ret.store.getState()).toMatchObject({ step: 'done', problem: undefined });

    ret.startWithoutReceipt();
    await ret.scan(BONNET.barcode);
    expect(ret.store.getState().found?.source.lines.map((l) => [l.name, l.quantity])).toEqual([
      ['Bonnet', 1],
    ]);
    // Nothing of it reached the sale.
    expect(sale.store.getState().cart.lines).toEqual([]);
  });

  it('says in words what it cannot find', async () => {
    const { ret } = till();
    ret.open();
    await ret.find('PAR01-01-000009');
    expect(ret.store.getState().problem).toBe(
      'Aucune vente de ce magasin ne porte ce numéro sur cette caisse.',
    );
    await ret.find('WEB-1');
    expect(ret.store.getState().problem).toBe('Aucune commande de ce magasin ne porte ce numéro.');
  });
});
