import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../scripts/lib/service-process';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { launchChromium } from '../support/browser';
import { startDemoStore, stopAll } from '../support/processes';

// The demo store as `npm start` runs it in browser mode: the sync server on a
// fresh embedded PGlite (seeding the demo catalog), the hardware agent serving
// the built apps, and the cashier screen in Chromium.
describe('demo store, end to end', () => {
  let sync: ServiceProcess;
  let agent: ServiceProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ sync, agent } = await startDemoStore());
    browser = await launchChromium();
    page = await browser.newPage();
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

  it('the cashier screen syncs the demo catalog and finds a product by its barcode', async () => {
    const catalog = generateFrenchCatalog();
    const product = catalog[1234];
    if (!product) throw new Error('demo catalog too small');

    await page.goto(`${agent.url}/cashier`);
    await page
      .getByTestId('sync-status')
      .and(page.locator('[data-state=in-sync]'))
      .waitFor({ timeout: 60_000 });
    const count = await page.getByTestId('catalog-status').textContent();
    expect(Number(count?.replace(/\D/g, ''))).toBe(catalog.length);
    // The till enrolled itself with the demo pairing code: store PAR01, till 01.
    expect(await page.locator('header').textContent()).toContain('Magasin PAR01 · Caisse 01');

    await page.getByTestId('barcode-input').fill(product.barcode);
    await page.getByTestId('barcode-input').press('Enter');
    await expect.poll(() => page.getByTestId('product-name').textContent()).toBe(product.name);
    expect(await page.getByTestId('product-price').textContent()).toMatch(/^\d+,\d{2}\s€/);
  });

  it('shows the sync server as reachable and the hardware agent as connected', async () => {
    await expect.poll(() => page.getByTestId('server-status').getAttribute('data-state')).toBe('online');
    await expect
      .poll(() => page.getByTestId('hardware-host-status').getAttribute('data-state'))
      .toBe('connected');
  });

  it('an unknown barcode and a bad check digit each get a clear message', async () => {
    await page.getByTestId('barcode-input').fill('4006381333931');
    await page.getByTestId('barcode-input').press('Enter');
    await expect
      .poll(() => page.getByTestId('lookup-error').textContent())
      .toBe('Code inconnu : 4006381333931');
    await page.getByTestId('barcode-input').fill('4006381333932');
    await page.getByTestId('barcode-input').press('Enter');
    await expect.poll(() => page.getByTestId('lookup-error').textContent()).toMatch(/^Code refusé/);
    expect(pageErrors).toEqual([]);
  });
});
