import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aProduct } from '../../core/cart/test-builders';
import type { KioskOrderInput } from '../../core/orders/create-kiosk-order';
import { createTillDatabase, type TillDatabase } from '../../data/till-database';
import { memoryTillServices } from '../../state/sale-test-till';
import type { TillServices } from '../../state/till-services';
import { createKioskPorts, localTimestamp } from './kiosk-ports';

// The kiosk's catalog port over its own search index (src/data/kiosk-search.ts):
// a customer's typo is forgiven, and the tiles are the catalog's departments.

describe("the kiosk's catalog port", () => {
  let db: TillDatabase;

  beforeEach(async () => {
    db = await createTillDatabase(`kiosk-ports-${Math.random()}`, getRxStorageMemory());
    await db.catalog.put([
      aProduct({ id: 'choc', name: 'Chocolat noir 70 %', category: 'Épicerie sucrée', priceMinor: 250 }),
      aProduct({ id: 'creme', name: 'Crème brûlée', category: 'Crèmerie', priceMinor: 390 }),
      aProduct({ id: 'lait', name: 'Lait demi-écrémé', category: 'Crèmerie', priceMinor: 110 }),
    ]);
  });
  afterEach(() => db.close());

  const ports = () => createKioskPorts(memoryTillServices(db) as unknown as TillServices);

  it('finds « chocolta » (a typo) and « creme brulee » (no accents)', async () => {
    const { catalog } = ports();
    expect((await catalog.search('chocolta', 5)).map((p) => p.id)).toEqual(['choc']);
    expect((await catalog.search('creme brulee', 5)).map((p) => p.id)).toEqual(['creme']);
  });

  it("lists the catalog's departments, and a department's products in name order", async () => {
    const { catalog } = ports();
    expect((await catalog.categories()).map((c) => c.name)).toEqual(['Crèmerie', 'Épicerie sucrée']);
    expect((await catalog.productsInCategory('Crèmerie', 10)).map((p) => p.id)).toEqual(['creme', 'lait']);
  });
});

describe("the kiosk's clock for availability", () => {
  it('is an instant with the UTC offset of the machine, naming the same moment', () => {
    const at = new Date('2026-12-07T13:05:00.000Z');
    const stamp = localTimestamp(at);
    expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(Date.parse(stamp)).toBe(at.getTime());
  });
});

describe("the kiosk's order port", () => {
  let db: TillDatabase;
  const asked: { path: string; body: unknown }[] = [];
  let answer: () => unknown = () => ({ reserved: true, orderId: ORDER_ID, lines: [], repeated: false });

  const ORDER_ID = '01890a5d-ac96-774b-bcce-b302099a8011';
  const input: KioskOrderInput = {
    id: ORDER_ID,
    storeCode: 'PAR01',
    kioskId: 'till-a',
    createdAt: '2026-12-07T10:00:00.000Z',
    currency: 'EUR',
    lines: [
      {
        lineId: 'l1',
        productId: 'choc',
        name: 'Chocolat noir 70 %',
        barcode: '3017620422003',
        quantity: 2,
        unitPrice: { minor: 250, currency: 'EUR' },
        vatRateBps: 550,
      },
    ],
    contact: { name: 'Léa Martin', phone: '0612345678' },
    fulfilment: { type: 'store-pickup', storeCode: 'LYO01' },
    paymentMethod: 'at-till',
  };

  beforeEach(async () => {
    asked.length = 0;
    db = await createTillDatabase(`kiosk-orders-${Math.random()}`, getRxStorageMemory());
  });
  afterEach(() => db.close());

  const ports = () => {
    const services = memoryTillServices(db) as unknown as TillServices;
    const sync = {
      identity: { storeCode: 'PAR01', tillCode: '01', tillId: 'till-a' },
      async request(_method: string, path: string, body: unknown) {
        asked.push({ path, body });
        const answered = answer();
        if (answered instanceof Error) throw answered;
        return answered;
      },
    };
    return createKioskPorts({ ...services, sync } as unknown as TillServices);
  };

  it('reserves the lines under the order id, for the pickup store; the server chooses the place', async () => {
    expect(await ports().orders.reserve(input)).toEqual({ ok: true, value: { confirmed: true } });
    expect(asked).toEqual([
      {
        path: '/sync/v1/kiosk-reservations',
        body: {
          orderId: ORDER_ID,
          fulfilment: { type: 'store-pickup', storeCode: 'LYO01' },
          lines: [{ productId: 'choc', quantity: 2 }],
        },
      },
    ]);
  });

  it('a refusal comes back with what is short; no answer lets the order go on, unconfirmed', async () => {
    answer = () => ({
      reserved: false,
      refusal: { code: 'stock-short', shortages: [{ productId: 'choc', wanted: 2, available: 1 }] },
    });
    expect(await ports().orders.reserve(input)).toEqual({
      ok: false,
      error: { code: 'stock-short', shortages: [{ productId: 'choc', wanted: 2, available: 1 }] },
    });
    answer = () => new Error('offline');
    expect(await ports().orders.reserve(input)).toEqual({ ok: true, value: { confirmed: false } });
    // Letting go offline is no failure: the hold lapses on the server.
    await expect(ports().orders.release(ORDER_ID)).resolves.toBeUndefined();
    expect(asked.at(-1)).toEqual({
      path: '/sync/v1/kiosk-reservations/release',
      body: { orderId: ORDER_ID },
    });
  });

  it('journals the order under its own id, once: placed again (a recovery), it is the same entry', async () => {
    const { orders } = ports();
    const first = await orders.place(input, { placedAt: '2026-12-07T10:01:00.000Z' });
    const again = await orders.place(input, { placedAt: '2026-12-07T10:02:00.000Z' });
    expect(first.ok && first.value.order.id).toBe(ORDER_ID);
    expect(again).toEqual(first);
    const entries = await db.journal.find().exec();
    expect(entries.map((e) => [e.id, e.kind])).toEqual([[ORDER_ID, 'kiosk-order.placed']]);
  });
});
