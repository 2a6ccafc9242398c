import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/core/catalog/product';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { type KioskDevice, startKioskDevice } from '../support/kiosk-device';
import {
  type KioskTestStore,
  kioskJournalOrders,
  orderOfNumber,
  startKioskTestStore,
} from '../support/kiosk-test-store';
import type { KioskOrderPage } from './pages/kiosk-order-page';
import { type KioskPage, plain } from './pages/kiosk-page';

// The kiosk's orders against the server's hold on the last units
// (POST /sync/v1/kiosk-reservations) and the card terminal's lost answers,
// in Chromium with the real parts (tests/support/kiosk-test-store.ts):
// - another kiosk, on the wire, takes every unit left of a product while a
//   customer is on the path: the kiosk says so in words, naming the product;
//   nothing is charged on the terminal, placed in the kiosk's journal or on
//   the server, and the kiosk holds nothing;
// - a declined card keeps the kiosk's hold for another try; "start over"
//   lets it go on the server;
// - the terminal charges the card but its answer never comes, and the kiosk
//   is reloaded during the charge: it asks the terminal, places the order
//   once, paid, under the id it reserved with; one charge on the terminal.
// axe-core on every state; TILL_SCREENSHOTS=docs/screens saves the new ones.

const catalog = generateFrenchCatalog();
/** The demo's warehouse stocks every other product (seed-stock-network.ts): a drink by the piece among them. */
const drink = catalog.find(
  (p, i) => i % 2 === 0 && p.category === 'Boissons' && /1,5 L/.test(p.name),
) as Product;

const euros = (minor: number) => `${Math.floor(minor / 100)},${String(minor % 100).padStart(2, '0')} €`;

describe('kiosk orders: the last units and a lost card answer', () => {
  let store: KioskTestStore;
  let page: Page;
  let kiosk: KioskPage;
  let order: KioskOrderPage;
  let other: KioskDevice;

  /** What each place of the kiosk's region still has of a product, by the server's levels. */
  const levels = (productId: string) =>
    store.query<{ code: string; quantity: string }>(
      `SELECT l.code, (d.doc->>'quantity')::bigint AS quantity
         FROM stock_locations l
         JOIN sync_documents d ON d.collection = 'inventory' AND d.id = l.code || ':' || l.code || ':' || $1
        WHERE NOT d.deleted AND l.region = (SELECT region FROM stock_locations WHERE code = 'PAR01')
        ORDER BY l.code`,
      [productId],
    );
  const serverOrders = () =>
    store.query<{ order_id: string; status: string }>(
      "SELECT order_id, placed->>'status' AS status FROM kiosk_orders_placed ORDER BY order_id",
    );
  const holdsOf = (where: string, param: string) =>
    store.query<{ order_id: string; via: string; quantity: string; released_at: string | null }>(
      `SELECT order_id, via, quantity, released_at FROM stock_reservations WHERE ${where} ORDER BY order_id`,
      [param],
    );

  /** The customer's path from the attract screen to the pay step: the drink, picked up in this store. */
  const toPayment = async (onTheWay?: () => Promise<void>) => {
    await kiosk.start();
    await store.devices.scanner.scan(drink.barcode);
    expect(await order.productName()).toBe(drink.name);
    await expect.poll(() => order.availability(), { timeout: 30_000 }).not.toEqual([]);
    await order.addToCart(1);
    await onTheWay?.();
    await order.checkout();
    await order.pickUpIn('PAR01');
    await order.confirmPickup();
    await order.giveContact({ name: 'Inès Garnier', phone: '06 98 76 54 32' });
    await order.confirmContact();
    await page.getByTestId('kiosk-pay').waitFor();
  };

  beforeAll(async () => {
    expect(drink).toBeDefined();
    store = await startKioskTestStore('till_kiosk_orders');
    ({ page, kiosk, order } = await store.openKiosk());
    other = await startKioskDevice(store.sync.url, 'PAR01', 'K2');
  });

  afterAll(async () => {
    await store?.close();
  });

  it('a refused order when stock runs out under a concurrent order: said in words, nothing charged or placed', async () => {
    const ordersBefore = (await kioskJournalOrders(page)).length;
    const serverBefore = await serverOrders();
    const chargesBefore = store.devices.terminal.charges().length;
    const authorisationsBefore = store.devices.terminal.commands().filter((c) => c === '06 01').length;
    const otherOrder = '01930000-0000-7000-8000-000000000001';

    await toPayment(async () => {
      // While the customer looks at the cart, another kiosk takes every unit left, at every place.
      const left = (await levels(drink.id)).filter((level) => Number(level.quantity) > 0);
      expect(left.length).toBeGreaterThan(0);
      const taken = await other.reserve({
        orderId: otherOrder,
        fulfilment: { type: 'home-delivery' },
        lines: left.map((level) => ({
          productId: drink.id,
          quantity: Number(level.quantity),
          locationCode: level.code,
        })),
      });
      expect(taken.reserved).toBe(true);
    });

    await order.payByCard();
    expect(await kiosk.noticeCode()).toBe('stock-short');
    expect(await kiosk.notice()).toBe(
      'Désolé, il n’en reste plus assez : quelqu’un vient de commander les derniers. Choisissez une autre quantité ou un autre lieu.',
    );
    expect(await kiosk.noticeShortages()).toEqual([`${drink.name} : il n’en reste plus.`]);
    expect(await kiosk.step()).toBe('pay');
    await kiosk.shot('pay-stock-short');

    // The terminal never heard of it; nothing in the kiosk's journal, nothing on the server, no hold kept.
    expect(store.devices.terminal.charges()).toHaveLength(chargesBefore);
    expect(store.devices.terminal.commands().filter((c) => c === '06 01')).toHaveLength(authorisationsBefore);
    expect(await kioskJournalOrders(page)).toHaveLength(ordersBefore);
    expect(await serverOrders()).toEqual(serverBefore);
    expect(await holdsOf('till_id <> $1', other.tillId)).toEqual([]);

    // The customer goes to the cart to change it: the refusal is still said there.
    await kiosk.noticeToCart();
    expect(await kiosk.noticeShortages()).toEqual([`${drink.name} : il n’en reste plus.`]);
    await kiosk.expectAccessible();
    await kiosk.restart();
    expect(await kioskJournalOrders(page)).toHaveLength(ordersBefore);
    expect(await holdsOf('till_id <> $1', other.tillId)).toEqual([]);
    await other.release(otherOrder);
  });

  it('a declined card keeps the hold for another try; starting over lets it go on the server', async () => {
    await toPayment();
    const kioskHolds = async () =>
      (await holdsOf('till_id <> $1', other.tillId)).filter(
        (hold) => !placedIds.has(hold.order_id) && hold.released_at === null,
      );
    const placedIds = new Set((await serverOrders()).map((o) => o.order_id));
    store.devices.terminal.setScenario('decline');
    await order.payByCard();
    expect(await kiosk.noticeCode()).toBe('card-declined');
    store.devices.terminal.setScenario('approve');
    // Held under the order id the kiosk would journal, as it was before the card.
    const held = await kioskHolds();
    expect(held.map((hold) => [hold.via, hold.quantity])).toEqual([['kiosk', '1']]);
    await kiosk.restart();
    await expect.poll(kioskHolds, { timeout: 20_000 }).toEqual([]);
    const [released] = await holdsOf('order_id = $1', held[0]?.order_id ?? '');
    expect(released?.released_at).not.toBeNull();
  });

  it('an unknown card outcome that is recovered: the kiosk reloaded mid-charge places the order once, paid, charged once', async () => {
    await toPayment();
    const terminal = store.devices.terminal;
    const chargesBefore = terminal.charges().length;
    const authorisationsBefore = terminal.commands().filter((c) => c === '06 01').length;
    const ordersBefore = await kioskJournalOrders(page);
    // The terminal takes the card, but its answer never comes: the kiosk is reloaded while it waits.
    terminal.setScenario('timeout');
    await order.payByCard();
    await expect.poll(() => terminal.charges().length, { timeout: 20_000 }).toBe(chargesBefore + 1);
    terminal.setScenario('approve');
    await kiosk.reload();

    // Back on its own: it asks the terminal about the payment it kept, and never charges again.
    if (await order.seesPaymentChecked()) await kiosk.shot('pay-checking');
    const number = await order.waitForConfirmation();
    expect(await page.getByTestId('kiosk-pickup-code').textContent()).toBe(number);
    // The cart went with the reload: the confirmation says what was charged, and names the store.
    expect(plain(await page.getByTestId('kiosk-done-total').textContent())).toBe(
      `Payé : ${euros(drink.priceMinor)}`,
    );
    expect(await page.getByTestId('kiosk-done-ready').textContent()).toMatch(/^À retirer au magasin Marché/);
    await kiosk.shot('done-recovered');

    expect(terminal.charges()).toHaveLength(chargesBefore + 1);
    expect(terminal.charges().at(-1)?.amountMinor).toBe(drink.priceMinor);
    expect(terminal.commands().filter((c) => c === '06 01')).toHaveLength(authorisationsBefore + 1);
    // One order in the kiosk's journal, paid by card.
    const after = await kioskJournalOrders(page);
    expect(after).toHaveLength(ordersBefore.length + 1);
    const placed = orderOfNumber(after, number);
    expect(placed?.status).toBe('paid');
    expect(placed?.payment?.type).toBe('kiosk-card');
    expect(placed?.lines.map((l) => [l.productId, l.quantity])).toEqual([[drink.id, 1]]);
    // On the server: one paid order, holding the unit the kiosk reserved under the same id before the charge.
    await expect
      .poll(async () => (await serverOrders()).filter((o) => o.order_id === placed?.id), { timeout: 30_000 })
      .toEqual([{ order_id: placed?.id, status: 'paid' }]);
    expect(await holdsOf('order_id = $1', placed?.id ?? '')).toEqual([
      { order_id: placed?.id, via: 'kiosk', quantity: '1', released_at: null },
    ]);
    await order.finish();
    expect(store.pageErrors).toEqual([]);
  });
});
