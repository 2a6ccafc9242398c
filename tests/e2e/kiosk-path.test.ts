import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDevices } from '../../hardware/simulators/demo-devices';
import type { Product } from '../../src/core/catalog/product';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import {
  kioskJournalOrders as journalOrdersOf,
  type KioskTestStore,
  orderOfNumber,
  startKioskTestStore,
} from '../support/kiosk-test-store';
import type { KioskOrderPage } from './pages/kiosk-order-page';
import type { KioskPage } from './pages/kiosk-page';

// The kiosk's customer path in Chromium, with the real parts: the sync
// server on PostgreSQL, the hardware agent serving the built kiosk, the demo
// devices as simulators in this process (ZVT card terminal, receipt printer,
// serial scanner). A home-delivery order found by a scan and paid by card is
// proved in the kiosk's own journal (IndexedDB), on the terminal (one charge
// of the total) and on the server (the order placed, paid); the language
// switch; a declined card that charges nothing and places nothing; an idle
// reset mid-order (Playwright's clock) that leaves none of the customer's
// words in the page or in storage. axe-core runs on every state;
// TILL_SCREENSHOTS=docs/screens saves each at 1080×1920 and 1920×1080.

const catalog = generateFrenchCatalog();
/** The demo's warehouse stocks every other product (seed-stock-network.ts): a drink by the piece among them. */
const drinkIndex = catalog.findIndex(
  (p, i) => i % 2 === 0 && p.category === 'Boissons' && /1,5 L/.test(p.name),
);
const drink = catalog[drinkIndex] as Product;
const jamIndex = catalog.findIndex((p, i) => i % 2 === 0 && i % 3 !== 0 && p.category === 'Épicerie sucrée');
const jam = catalog[jamIndex] as Product;
const euros = (minor: number) => `${Math.floor(minor / 100)},${String(minor % 100).padStart(2, '0')} €`;

describe('the kiosk customer path', () => {
  let store: KioskTestStore;
  let devices: DemoDevices;
  let page: Page;
  let kiosk: KioskPage;
  let order: KioskOrderPage;
  const query = <Row>(sql: string, params: unknown[] = []) => store.query<Row>(sql, params);
  const kioskJournalOrders = () => journalOrdersOf(page);
  const openKiosk = async (installClock: boolean) => {
    ({ page, kiosk, order } = await store.openKiosk(installClock));
  };

  beforeAll(async () => {
    expect(drinkIndex).toBeGreaterThanOrEqual(0);
    expect(jamIndex).toBeGreaterThanOrEqual(0);
    store = await startKioskTestStore('till_kiosk_path');
    devices = store.devices;
    await openKiosk(false);
  });

  afterAll(async () => {
    await store?.close();
  });

  it('opens on the attract screen in French; English switches every word, and back', async () => {
    expect(await kiosk.heading()).toBe('Borne de commande');
    // No till machinery in front of customers.
    expect(await page.getByTestId('server-status').count()).toBe(0);
    await kiosk.shot('attract-fr');
    await kiosk.chooseLanguage('en');
    expect(await kiosk.heading()).toBe('Order kiosk');
    expect(await page.getByTestId('kiosk-start').textContent()).toMatch(/^Touch the screen to start/);
    await kiosk.shot('attract-en');
    await kiosk.toggleAccess('highContrast');
    await kiosk.toggleAccess('largeText');
    await kiosk.toggleAccess('lowerLayout');
    await kiosk.shot('attract-access-modes');
    await kiosk.toggleAccess('highContrast');
    await kiosk.toggleAccess('largeText');
    await kiosk.toggleAccess('lowerLayout');
    await kiosk.chooseLanguage('fr');
    expect(await kiosk.heading()).toBe('Borne de commande');
  });

  let orderNumber = '';

  it('a home delivery found by a scan, paid by card: the journal, the terminal and the server agree', async () => {
    await kiosk.start();
    await kiosk.shot('find-categories');
    await order.openCategory('Boissons');
    expect((await order.resultNames()).length).toBeGreaterThan(0);
    await kiosk.shot('find-category-results');
    await page.getByTestId('kiosk-results-clear').click();
    await order.searchFor('confiture');
    expect((await order.resultNames()).every((name) => /confiture/i.test(name))).toBe(true);
    await kiosk.shot('find-search');

    // The bottle's barcode at the kiosk's scanner (serial, through the bridge).
    await devices.scanner.scan(drink.barcode);
    expect(await order.productName()).toBe(drink.name);
    expect(await order.productPrice()).toMatch(new RegExp(`^${euros(drink.priceMinor)} TTC`));
    expect(await order.unitPrice()).toMatch(/^Soit .* le litre$/);
    await expect
      .poll(() => order.availability(), { timeout: 30_000 })
      .toContainEqual(
        expect.stringMatching(/^Entrepôt \(livraison\) \| \d+ en stock \| stock à \d\d:\d\d \| livré dès /),
      );
    await kiosk.shot('product');
    await order.addToCart(1);
    await order.oneMore();
    await expect
      .poll(() => order.cartLines())
      .toEqual([`${drink.name} | 2 | ${euros(2 * drink.priceMinor)}`]);
    expect(await order.total()).toBe(euros(2 * drink.priceMinor));
    expect((await order.vat()).length).toBe(1);
    // What delivery costs is said before the customer chooses, not first on the pay screen.
    await expect
      .poll(() => order.deliveryTerms())
      .toMatch(/^Livraison à domicile 5,90 €, offerte dès 60,00 € · retrait en magasin gratuit\.$/);
    await kiosk.shot('cart');

    await order.checkout();
    await order.deliverTo({
      name: 'Léa Martin',
      street: '12 rue de la Roquette',
      postcode: '7501',
      city: 'Paris',
    });
    await order.confirmAddress();
    expect(await order.addressProblem('postcode')).toMatch(/code postal/);
    await kiosk.shot('delivery-address-problem');
    // A town the code does not serve: the towns it does serve are offered, and one touch goes on.
    await order.changeAddressField('postcode', '75011');
    await order.changeAddressField('city', 'Lyon');
    await order.confirmAddress();
    expect(await order.townChoices()).toEqual(['Paris']);
    expect(await order.addressProblem('city')).toMatch(/ville ne correspond pas/);
    await kiosk.shot('delivery-town-choice');
    await order.chooseTown('Paris');
    await order.giveContact({ name: 'Léa Martin', email: 'lea.martin@example.fr' }, false);
    await order.confirmContact();
    await page.getByTestId('kiosk-consent-problem').waitFor();
    await kiosk.shot('contact');
    await page.getByTestId('kiosk-contact-consent').check();
    await order.confirmContact();
    await page.getByTestId('kiosk-pay').waitFor();
    // Below 60 € of goods, the store's delivery fee (5,90 €) is added, and the fee is paid by card here.
    const fee = 590;
    expect(await order.deliveryFee()).toBe(euros(fee));
    expect(await order.total()).toBe(euros(2 * drink.priceMinor + fee));
    expect(await page.getByTestId('kiosk-pay-till').count()).toBe(0);
    await kiosk.shot('pay');

    const chargesBefore = devices.terminal.charges().length;
    await order.payByCard();
    orderNumber = await order.waitForConfirmation();
    expect(await order.confirmationText()).toMatch(/Livraison à domicile dès /);
    await kiosk.shot('done-paid');
    expect(await order.printReceipt()).toBe('Reçu imprimé : prenez-le.');
    // The receipt by e-mail: the server keeps it once, for the address the order carries, for the mail relay.
    expect(await order.emailReceipt()).toBe('Le reçu part par e-mail : le magasin vous l’envoie.');
    await kiosk.shot('done-emailed');

    // One charge on the terminal, of the whole order: the goods and the delivery.
    expect(devices.terminal.charges()).toHaveLength(chargesBefore + 1);
    expect(devices.terminal.charges().at(-1)?.amountMinor).toBe(2 * drink.priceMinor + fee);
    // The kiosk's journal: the order placed, paid by card, to the address typed.
    const placed = orderOfNumber(await kioskJournalOrders(), orderNumber);
    expect(placed?.status).toBe('paid');
    expect(placed?.paymentMethod).toBe('at-kiosk');
    expect(placed?.payment?.type).toBe('kiosk-card');
    expect(placed?.lines.map((l) => [l.productId, l.quantity, l.unitPrice.minor])).toEqual([
      [drink.id, 2, drink.priceMinor],
    ]);
    expect(placed?.fulfilment).toEqual({
      type: 'home-delivery',
      address: {
        name: 'Léa Martin',
        lines: ['12 rue de la Roquette'],
        postcode: '75011',
        city: 'Paris',
        country: 'FR',
      },
    });
    expect(placed?.deliveryFee).toEqual({ minor: fee, currency: 'EUR' });
    expect(placed?.messagesConsentAt).toBe(placed?.createdAt);
    expect(placed?.contact).toEqual({ name: 'Léa Martin', email: 'lea.martin@example.fr' });
    // The receipt the printer printed names the order.
    expect(devices.printer.receipts().some((r) => r.text.includes(orderNumber))).toBe(true);
    // The server placed it once, paid.
    await expect
      .poll(
        async () =>
          (
            await query<{ status: string; n: string }>(
              "SELECT placed->>'status' AS status, count(*) OVER () AS n FROM kiosk_orders_placed WHERE order_id = $1",
              [placed?.id],
            )
          ).map((row) => [row.status, Number(row.n)]),
        { timeout: 30_000 },
      )
      .toEqual([['paid', 1]]);
    const mails = await query<{ recipient: string; subject: string; body: string }>(
      'SELECT recipient, subject, body FROM order_messages WHERE order_id = $1',
      [placed?.id],
    );
    expect(mails.map((m) => m.recipient)).toEqual(['lea.martin@example.fr']);
    expect(mails[0]?.subject).toContain(orderNumber);
    expect(mails[0]?.body).toContain(euros(2 * drink.priceMinor + fee));
    await order.finish();
  });

  it('a declined card charges nothing and places nothing: the customer is told in words, and may pay at the till', async () => {
    await kiosk.start();
    await devices.scanner.scan(jam.barcode);
    expect(await order.productName()).toBe(jam.name);
    await expect.poll(() => order.availability(), { timeout: 30_000 }).not.toEqual([]);
    await order.addToCart(1);
    await order.checkout();
    await order.pickUpIn('LYO01');
    await kiosk.shot('delivery-pickup');
    await order.confirmPickup();
    await order.giveContact({ name: 'Marc Dubois', phone: '06 12 34 56 78' });
    await order.confirmContact();
    const ordersBefore = (await kioskJournalOrders()).length;
    const chargesBefore = devices.terminal.charges().length;
    devices.terminal.setScenario('decline');
    await order.payByCard();
    expect(await kiosk.notice()).toBe('Carte refusée. Essayez une autre carte, ou payez en caisse.');
    await kiosk.shot('pay-declined');
    devices.terminal.setScenario('approve');
    expect(devices.terminal.charges()).toHaveLength(chargesBefore);
    expect(await kioskJournalOrders()).toHaveLength(ordersBefore);
    expect(await kiosk.step()).toBe('pay');

    // Paid at the till instead: the order is journaled unpaid and its signed ticket printed.
    await kiosk.dismissNotice();
    await order.payAtTill();
    const number = await order.waitForConfirmation();
    await page.getByTestId('kiosk-ticket-qr').waitFor();
    await kiosk.shot('done-ticket');
    const ticket = devices.printer.receipts().find((r) => r.text.includes(number));
    expect(ticket?.text).toMatch(/PAYER EN CAISSE/);
    const placed = orderOfNumber(await kioskJournalOrders(), number);
    expect(placed?.status).toBe('submitted');
    expect(placed?.fulfilment).toEqual({ type: 'store-pickup', storeCode: 'LYO01' });
    await order.finish();
  });

  it('with high contrast, large text and the lower layout on, every step keeps its controls low; the keyboard types accents, capitals and a +33 number', async () => {
    for (const mode of ['highContrast', 'largeText', 'lowerLayout'] as const) await kiosk.toggleAccess(mode);
    await kiosk.shot('access-attract', { lower: true });
    await kiosk.start();
    await order.searchFor('confiture');
    await kiosk.shot('access-find-search', { lower: true });
    await devices.scanner.scan(jam.barcode);
    expect(await order.productName()).toBe(jam.name);
    await expect.poll(() => order.availability(), { timeout: 30_000 }).not.toEqual([]);
    await kiosk.shot('access-product', { lower: true });
    await order.addToCart(1);
    await kiosk.shot('access-cart', { lower: true });
    await order.checkout();
    // The address form, its postcode field typed on the digit pad.
    await page.getByTestId('kiosk-choose-delivery').click();
    expect(await order.keyboardLayout()).toBe('text');
    await page.getByTestId('kiosk-address-postcode').click();
    expect(await order.keyboardLayout()).toBe('digits');
    await order.typeOnScreenKeyboard('69004');
    expect(await page.getByTestId('kiosk-address-postcode').inputValue()).toBe('69004');
    await kiosk.shot('access-delivery-address', { lower: true });
    await order.pickUpIn('LYO01');
    await kiosk.shot('access-delivery-pickup', { lower: true });
    await order.confirmPickup();
    // A name with a capital, accents and an apostrophe; a +33 number on the digit pad.
    await page.getByTestId('kiosk-contact-name').click();
    await order.typeOnScreenKeyboard("Léa L'Église");
    expect(await page.getByTestId('kiosk-contact-name').inputValue()).toBe("Léa L'Église");
    await page.getByTestId('kiosk-contact-phone').click();
    expect(await order.keyboardLayout()).toBe('digits');
    await order.typeOnScreenKeyboard('+33612345678');
    expect(await page.getByTestId('kiosk-contact-phone').inputValue()).toBe('+33612345678');
    // The whole consent row is the target: a touch on its words ticks the box.
    await page.locator('.kiosk-consent span').click();
    expect(await page.getByTestId('kiosk-contact-consent').isChecked()).toBe(true);
    await kiosk.shot('access-contact', { lower: true });
    await order.confirmContact();
    await page.getByTestId('kiosk-pay').waitFor();
    await kiosk.shot('access-pay', { lower: true });
    await order.payAtTill();
    const number = await order.waitForConfirmation();
    await page.getByTestId('kiosk-ticket-qr').waitFor();
    // Nothing to start over on the confirmation: "Terminer" does it.
    expect(await page.getByTestId('kiosk-restart').count()).toBe(0);
    await kiosk.shot('access-done', { lower: true });
    const placed = (await kioskJournalOrders()).find((o) =>
      o.id.replace(/-/g, '').toUpperCase().endsWith(number),
    );
    expect(placed?.contact).toEqual({ name: "Léa L'Église", phone: '+33612345678' });
    await order.finish();
    // Finishing gives the next customer the kiosk as it was: the modes are off again.
    expect(await page.getByTestId('kiosk-access-lowerLayout').getAttribute('aria-pressed')).toBe('false');
  });

  it('left idle mid-order, the kiosk warns for 30 s with a countdown, then starts over with nothing of the customer left', async () => {
    await page.close();
    await openKiosk(true);
    const typed = {
      name: 'Zoé Oubliette',
      email: 'zoe.oubliette@example.fr',
      street: '7 impasse des Oublis',
    };
    await kiosk.start();
    await devices.scanner.scan(drink.barcode);
    expect(await order.productName()).toBe(drink.name);
    await expect.poll(() => order.availability(), { timeout: 30_000 }).not.toEqual([]);
    await order.addToCart(1);
    await order.checkout();
    await order.deliverTo({ name: typed.name, street: typed.street, postcode: '69004', city: 'Lyon' });
    await order.confirmAddress();
    await order.giveContact({ name: typed.name, email: typed.email });
    expect(await kiosk.pageText()).toContain(typed.email);

    await page.clock.fastForward(90_500);
    const left = await kiosk.idleCountdown();
    expect(left).toBeGreaterThanOrEqual(20);
    expect(left).toBeLessThanOrEqual(30);
    await kiosk.shot('idle-warning');
    // "Je continue" keeps everything.
    await page.getByTestId('kiosk-idle-warning-cancel').click();
    expect(await page.getByTestId('kiosk-idle-warning').count()).toBe(0);
    expect(await page.getByTestId('kiosk-contact-email').inputValue()).toBe(typed.email);

    await page.clock.fastForward(90_500);
    await kiosk.idleCountdown();
    await page.clock.fastForward(31_000);
    await page.getByTestId('kiosk-attract').waitFor();
    await kiosk.expectAccessible();
    const pageText = await kiosk.pageText();
    const stored = await kiosk.storedText();
    for (const word of Object.values(typed)) {
      expect(pageText).not.toContain(word);
      expect(stored).not.toContain(word);
    }
    await kiosk.start();
    expect(await page.getByTestId('kiosk-cart-button').textContent()).toMatch(/\(0 article\)/);
    expect(store.pageErrors).toEqual([]);
  });
});
