import { afterEach, describe, expect, it } from 'vitest';
import { createParkedSales } from './parked-sales';
import { CREME, openTestTill, YAOURT } from './sale-test-till';

// Park a sale, ring up another, resume the first after a restart (a new
// store on the same database, as after a reload), and pay it.

describe('parked sales', () => {
  let till: Awaited<ReturnType<typeof openTestTill>>;
  afterEach(() => till?.db.close());
  const at = new Date('2026-12-06T10:15:00Z');

  async function openSale() {
    const sale = till.newSaleStore();
    await sale.signIn('1234');
    const parked = createParkedSales(till.db, sale, () => at);
    await parked.load();
    return { sale, parked };
  }

  it('parks a sale, rings up the next, and after a restart resumes the first and pays it', async () => {
    till = await openTestTill();
    const first = await openSale();
    await first.sale.scan(CREME.barcode, 2);
    await first.sale.scan(YAOURT.barcode);
    const saleId = first.sale.store.getState().saleId;
    expect(saleId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await first.parked.park()).toBe(true);
    expect(first.sale.store.getState().saleId).toBeUndefined();
    expect(first.sale.store.getState().cart.lines).toEqual([]);
    expect(first.parked.store.getState().parked).toMatchObject([
      {
        parkedAt: at.toISOString(),
        staffId: 'staff-camille',
        staffName: 'Camille Martin',
        itemCount: 3,
        total: { minor: 1_720, currency: 'EUR' },
      },
    ]);
    expect((await till.lastShown())?.upper.trim()).toBe('Vente en attente');

    // The next customer pays meanwhile.
    await first.sale.scan(YAOURT.barcode);
    first.sale.startPayment();
    await first.sale.payCash(200);

    const second = await openSale();
    const [kept] = second.parked.store.getState().parked;
    expect(kept?.itemCount).toBe(3);
    expect(await second.parked.resume(kept?.id ?? '')).toBe(true);
    expect(second.parked.store.getState().parked).toEqual([]);
    expect(second.sale.store.getState().cart.lines.map((l) => l.productId)).toEqual(['creme', 'yaourt']);
    expect(await till.lastShown()).toEqual({ upper: 'Vente reprise       ', lower: 'Total        17,20 €' });
    second.sale.startPayment();
    await second.sale.payCash(2_000);
    const sales = await till.journalSales();
    expect(sales.map((s) => s.totals.total.minor)).toEqual([120, 1_720]);
    // The sale keeps the id it got with its first line, through parking: approvals name it.
    expect(sales[1]?.saleId).toBe(saleId);
    expect(sales[0]?.saleId).not.toBe(saleId);
    // The list is stored empty: a third start finds nothing parked.
    expect((await openSale()).parked.store.getState().parked).toEqual([]);
  });

  it('a sale with cash already taken cannot be parked, and says why', async () => {
    till = await openTestTill();
    const { sale, parked } = await openSale();
    await sale.scan(CREME.barcode);
    sale.startPayment();
    await sale.payCash(500);
    sale.cancelPayment();
    expect(await parked.park()).toBe(false);
    expect(sale.store.getState().problem).toBe(
      'Impossible de mettre en attente : de l’argent est déjà encaissé sur cette vente. Terminez-la, ou rendez l’argent et annulez.',
    );
    expect(parked.store.getState().parked).toEqual([]);
    expect(sale.store.getState().cart.lines).toHaveLength(1);
  });

  it('refuses an empty basket, and resuming over an open sale', async () => {
    till = await openTestTill();
    const { sale, parked } = await openSale();
    expect(await parked.park()).toBe(false);
    expect(sale.store.getState().problem).toBe('Le panier est vide : rien à mettre en attente');
    await sale.scan(CREME.barcode);
    await parked.park();
    await sale.scan(YAOURT.barcode);
    const id = parked.store.getState().parked[0]?.id ?? '';
    expect(await parked.resume(id)).toBe(false);
    expect(sale.store.getState().problem).toBe(
      'Terminez ou mettez en attente la vente en cours avant d’en reprendre une autre',
    );
    expect(sale.store.getState().cart.lines.map((l) => l.productId)).toEqual(['yaourt']);
    expect(parked.store.getState().parked).toHaveLength(1);
  });
});
