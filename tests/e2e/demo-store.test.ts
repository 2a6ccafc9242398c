import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../scripts/lib/service-process';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { launchChromium } from '../support/browser';
import { humanTyping, scannerBurst, usKeys } from '../support/key-bursts';
import { startDemoStore, startSyncServer, stopAll, TEST_ADMIN_TOKEN } from '../support/processes';
import { ShiftPage } from './pages/shift-page';

// The demo store as `npm start` runs it in browser mode: the sync server on a
// fresh embedded PGlite (seeding the demo store), the hardware agent serving
// the built apps, and the cashier till in Chromium, which enrols itself,
// syncs, signs a cashier in offline-capable, sells, and pushes the sale.
describe('demo store, end to end', () => {
  let sync: ServiceProcess;
  let agent: ServiceProcess;
  let databaseUrl: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const catalog = generateFrenchCatalog();
  const packaged = catalog.filter((p) => p.unit === 'piece');

  const scan = async (code: string) => {
    await page.getByTestId('barcode-input').fill(code);
    await page.getByTestId('barcode-input').press('Enter');
  };
  const pending = () => page.getByTestId('outbox-status').getAttribute('data-pending');

  beforeAll(async () => {
    ({ sync, agent, databaseUrl } = await startDemoStore());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await stopAll();
  });

  it('the sync server answers its health check', async () => {
    const response = await fetch(`${sync.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('the cashier till enrols itself and syncs the whole demo catalog', async () => {
    await page.goto(`${agent.url}/cashier`);
    await page
      .getByTestId('sync-status')
      .and(page.locator('[data-state=in-sync]'))
      .waitFor({ timeout: 60_000 });
    const count = await page.getByTestId('catalog-status').textContent();
    expect(Number(count?.replace(/\D/g, ''))).toBe(catalog.length);
    // The catalog is read and indexed in its Web Worker (allowed by the CSP), not on the screen's thread.
    expect(page.workers().some((worker) => worker.url().includes('catalog-worker'))).toBe(true);
    expect(await page.locator('header').textContent()).toContain('Magasin PAR01 · Caisse 01');
    await expect.poll(() => page.getByTestId('server-status').getAttribute('data-state')).toBe('online');
    await expect
      .poll(() => page.getByTestId('hardware-host-status').getAttribute('data-state'))
      .toBe('connected');
  });

  it('a wrong PIN is refused; the cashier signs in with hers', async () => {
    await page.getByTestId('pin-input').fill('0000');
    await page.getByTestId('sign-in').click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toMatch(/^Code PIN incorrect/);
    await page.getByTestId('pin-input').fill('1234');
    await page.getByTestId('sign-in').click();
    await expect.poll(() => page.getByTestId('cashier-name').textContent()).toBe('Camille Martin');
    await new ShiftPage(page).open({ float: { 1000: 10 } });
  });

  it('scans products by barcode; an unknown code and a bad check digit each get a clear message', async () => {
    const [first, second] = [packaged[1234], packaged[42]];
    if (!first || !second) throw new Error('demo catalog too small');
    await scan(first.barcode);
    await scan(second.barcode);
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
    expect(await page.getByTestId('cart-lines').textContent()).toContain(first.name);

    await scan('4006381333931');
    await expect
      .poll(() => page.getByTestId('lookup-error').textContent())
      .toBe('Code inconnu : 4006381333931');
    await scan('4006381333932');
    await expect.poll(() => page.getByTestId('lookup-error').textContent()).toMatch(/^Code refusé/);
    expect(await page.getByTestId('cart-line').count()).toBe(2);
  });

  it('a keyboard-wedge scanner adds to the cart without typing into the focused field; a person typing does not scan', async () => {
    const wedged = packaged[99];
    if (!wedged) throw new Error('demo catalog too small');
    const input = page.getByTestId('barcode-input');
    await input.focus();
    await scannerBurst(page, usKeys(wedged.barcode));
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(3);
    expect(await page.getByTestId('cart-lines').textContent()).toContain(wedged.name);
    expect(await input.inputValue()).toBe('');

    // The same digits typed by hand land in the field, and nothing is added until Enter.
    await humanTyping(page, usKeys(wedged.barcode), 120);
    await expect.poll(() => input.inputValue()).toBe(wedged.barcode);
    expect(await page.getByTestId('cart-line').count()).toBe(3);
    await input.fill('');

    await page.getByRole('button', { name: `Annuler ${wedged.name}` }).click();
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
  });

  it('takes cash, gives the right change, prints the receipt and pushes the sale', async () => {
    const [first, second] = [packaged[1234], packaged[42]];
    if (!first || !second) throw new Error('demo catalog too small');
    const totalMinor = first.priceMinor + second.priceMinor;
    await page.getByTestId('start-payment').click();
    await page.getByTestId('pay-note-5000').click();
    await page.getByTestId('sale-completed').waitFor();
    const change = await page.getByTestId('change-due').textContent();
    expect(Number(change?.replace(/\D/g, ''))).toBe(5000 - totalMinor);
    const receiptNumber = await page.getByTestId('receipt-number').textContent();
    expect(receiptNumber).toMatch(/^PAR01-01-\d{6}$/);
    const receipt = await page.getByTestId('receipt-preview').textContent();
    expect(receipt).toContain(receiptNumber);
    expect(receipt).toContain('TVA');
    await expect.poll(pending, { timeout: 30_000 }).toBe('0');
  });

  it('keeps selling with the sync server down, and catches up exactly once when it returns', async () => {
    const port = Number(new URL(sync.url).port);
    await sync.stop();
    await expect
      .poll(() => page.getByTestId('server-status').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('offline');

    const product = packaged[7];
    if (!product) throw new Error('demo catalog too small');
    await scan(product.barcode);
    await page.getByTestId('start-payment').click();
    await page.getByTestId('pay-exact').click();
    await page.getByTestId('sale-completed').waitFor();
    expect(await page.getByTestId('change-due').textContent()).toMatch(/^0,00\s€$/);
    await expect.poll(pending).toBe('1');
    // The outbox view lists that sale, record by record, as waiting.
    await page.getByTestId('outbox-status').click();
    await expect.poll(() => page.getByTestId('outbox-item').count()).toBe(1);
    expect(await page.getByTestId('outbox-item').getAttribute('data-state')).toBe('pending');
    expect(await page.getByTestId('outbox-item').textContent()).toContain('Journal');

    sync = await startSyncServer({ databaseUrl, port });
    await expect
      .poll(() => page.getByTestId('server-status').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('online');
    await expect.poll(pending, { timeout: 60_000 }).toBe('0');
    expect(await page.getByTestId('outbox-status').getAttribute('data-failed')).toBe('0');
    await page.getByTestId('outbox-empty').waitFor();

    // The server holds each of the till's entries exactly once, with an unbroken
    // chain: the shift opening and the two sales.
    const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const { journals } = (await (
      await fetch(`${sync.url}/admin/v1/journals`, { headers: admin })
    ).json()) as {
      journals: {
        tillCode: string;
        storedEntries: number;
        distinctSequences: number;
        headSequence: number;
      }[];
    };
    expect(journals.find((j) => j.tillCode === '01')).toMatchObject({
      storedEntries: 3,
      distinctSequences: 3,
      headSequence: 3,
    });
    const { incidents } = (await (
      await fetch(`${sync.url}/admin/v1/incidents`, { headers: admin })
    ).json()) as { incidents: unknown[] };
    expect(incidents).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
