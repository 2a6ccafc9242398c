import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDevices } from '../../hardware/simulators/demo-devices';
import type { Product } from '../../src/core/catalog/product';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { launchChromium, openSignedInCashier } from '../support/browser';
import { startDemoStore, startTestDevices, stopAll } from '../support/processes';
import { ShiftPage } from './pages/shift-page';

// The AGEC law through the cashier screen (docs/receipts.md): after a sale
// the till asks "Ticket ?" (Papier / QR / Non, keyboard P/Q/N) and prints
// nothing until asked, which the simulated printer's own page proves; a
// durable good's receipt (legal-guarantee mention) prints regardless; the
// QR opens the digital receipt on the sync server; a copy after the
// original is a DUPLICATA with its journalled count.

const SCREENS = 'docs/screens';

describe('the receipt on request, end to end', () => {
  let devices: DemoDevices;
  let browser: Browser;
  let page: Page;
  let syncUrl: string;
  const pageErrors: string[] = [];
  const catalog = generateFrenchCatalog();
  const pick = (test: (p: Product) => boolean, skip = 0): Product => {
    const found = catalog.filter(test)[skip];
    if (!found) throw new Error('demo catalog too small');
    return found;
  };
  const grocery = (i: number) =>
    pick((p) => p.unit === 'piece' && p.category === 'Épicerie salée' && p.legalGuarantee !== true, i);
  const durable = pick((p) => p.legalGuarantee === true && p.category === 'Maison et bazar');

  /** What the simulated printer's own page says it printed (its JSON view). */
  const printedOnPage = async (): Promise<{ text: string }[]> => {
    const response = await fetch(`${devices.printer.httpUrl}/receipts.json`);
    return ((await response.json()) as { receipts: { text: string }[] }).receipts;
  };
  const printedWith = async (receiptNumber: string) =>
    (await printedOnPage()).filter((r) => r.text.includes(receiptNumber));

  async function sell(product: Product): Promise<string> {
    await page.getByTestId('barcode-input').fill(product.barcode);
    await page.getByTestId('barcode-input').press('Enter');
    await page.getByTestId('cart-line').first().waitFor();
    await page.getByTestId('start-payment').click();
    await page.getByTestId('pay-note-5000').click();
    await page.getByTestId('sale-completed').waitFor();
    return (await page.getByTestId('receipt-number').textContent()) ?? '';
  }

  async function screenshot(name: string): Promise<void> {
    mkdirSync(SCREENS, { recursive: true });
    for (const [width, height] of [
      [1024, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${SCREENS}/${name}-${width}x${height}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  beforeAll(async () => {
    const started = await startTestDevices();
    devices = started.devices;
    const { agent, sync } = await startDemoStore({ devices: started.configPath });
    syncUrl = sync.url;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openSignedInCashier(page, agent.url);
    await new ShiftPage(page).open({ float: { 1000: 10 } });
  });

  afterAll(async () => {
    await browser?.close();
    await stopAll();
  });

  it('asks after the sale and prints nothing until asked; "Non" (key N) prints nothing at all', async () => {
    const receiptNumber = await sell(grocery(0));
    await page.getByTestId('receipt-choice').waitFor();
    expect(await page.getByTestId('receipt-choice').textContent()).toContain('Ticket ?');
    // The question has the focus: the cashier answers from the keyboard.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'receipt-choice-paper',
    );
    await screenshot('receipt-question');
    // Give a printer every chance to print on its own: it does not.
    await page.waitForTimeout(1_500);
    expect(await printedWith(receiptNumber)).toEqual([]);
    await page.keyboard.press('n');
    await page.getByTestId('receipt-declined').waitFor();
    await page.waitForTimeout(1_000);
    expect(await printedWith(receiptNumber)).toEqual([]);
    expect(await printedOnPage()).toEqual([]);
    // The receipt is still on screen.
    expect(await page.getByTestId('receipt-preview').textContent()).toContain(receiptNumber);
  });

  it('"QR" (key Q) shows the code of the digital receipt, which opens on the sync server; the pole display says so', async () => {
    const receiptNumber = await sell(grocery(1));
    await page.getByTestId('receipt-choice').waitFor();
    await page.keyboard.press('q');
    const qr = page.getByTestId('receipt-qr');
    await qr.waitFor();
    const url = (await qr.getAttribute('data-url')) ?? '';
    expect(url.startsWith(`${syncUrl}/receipts/v1/`)).toBe(true);
    await expect.poll(() => devices.display.screen().upper).toBe('Ticket : scannez QR');
    expect(devices.display.screen().lower).toBe('ou demandez papier');
    await screenshot('receipt-qr');
    // The till pushes the sale; until then the page says to try again in a moment.
    await expect.poll(async () => (await fetch(url)).status, { timeout: 30_000, interval: 500 }).toBe(200);
    const html = await (await fetch(url)).text();
    expect(html).toContain(`Ticket n° ${receiptNumber}`);
    expect(html).toContain('Empreinte');
    expect(html).toContain('Caissier : Camille Martin');
    const english = await (await fetch(`${url}?lang=en`)).text();
    expect(english).toContain(`Receipt no. ${receiptNumber}`);
    // The customer's phone: the page the QR code opens, in a tab of its own.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    await phone.goto(url);
    await phone.getByTestId('digital-receipt').waitFor();
    mkdirSync(SCREENS, { recursive: true });
    await phone.screenshot({ path: `${SCREENS}/digital-receipt-page-390x844.png`, fullPage: true });
    for (const [width, height] of [
      [1024, 768],
      [1920, 1080],
    ] as const) {
      await phone.setViewportSize({ width, height });
      await phone.screenshot({ path: `${SCREENS}/digital-receipt-page-${width}x${height}.png` });
    }
    // Before the entry arrives (here: a key that matches nothing, answered the same way).
    await phone.goto(`${url.slice(0, -32)}${'0'.repeat(32)}`);
    await phone.setViewportSize({ width: 1024, height: 768 });
    await phone.screenshot({ path: `${SCREENS}/digital-receipt-not-yet-1024x768.png` });
    await phone.setViewportSize({ width: 1920, height: 1080 });
    await phone.screenshot({ path: `${SCREENS}/digital-receipt-not-yet-1920x1080.png` });
    await phone.close();
    expect(await printedOnPage()).toEqual([]);
  });

  it('"Papier" (Enter on the focused button) prints the original; later copies print DUPLICATA n° 1, n° 2', async () => {
    const receiptNumber = await sell(grocery(2));
    await page.getByTestId('receipt-choice').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('print-status').getAttribute('data-state')).toBe('printed');
    const [original] = await printedWith(receiptNumber);
    expect(original?.text).not.toContain('DUPLICATA');
    expect(original?.text).toContain('Logiciel : Store Till 0.1.0');
    expect(original?.text).toMatch(/ x .*€/);
    for (const count of [1, 2]) {
      await page.getByTestId('receipt-paper-later').click();
      await expect.poll(async () => (await printedWith(receiptNumber)).length).toBe(count + 1);
      expect((await printedWith(receiptNumber))[0]?.text).toContain(`DUPLICATA n° ${count}`);
    }
    expect(await page.getByTestId('receipt-paper-later').textContent()).toContain('déjà 2');
  });

  it('a durable good prints its receipt with the legal-guarantee mention without asking', async () => {
    const receiptNumber = await sell(durable);
    await page.getByTestId('receipt-exception').waitFor();
    expect(await page.getByTestId('receipt-choice').count()).toBe(0);
    await expect.poll(async () => (await printedWith(receiptNumber)).length).toBe(1);
    expect((await printedWith(receiptNumber))[0]?.text).toContain('Garantie légale de conformité : 2 ans');
    await screenshot('receipt-legal-guarantee');
  });

  it('no page errors along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
