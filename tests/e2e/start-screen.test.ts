import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../scripts/lib/service-process';
import { PROTOCOL_HEADER } from '../../src/core/sync/protocol';
import { axeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { startDemoStore, stopAll, TEST_ADMIN_TOKEN } from '../support/processes';
import { StartScreenPage } from './pages/start-screen-page';

// The start screen of the demo store's cashier till: its steps while the till
// starts, then a second browser profile (a second machine, as far as the till
// can tell) that tries the pairing code the first one already used, and is
// told in French what to do, and where to type a new code.
//
// TILL_SCREENSHOTS=<dir> also saves the screens at 1024x768 and 1920x1080.

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const shotsDir = process.env.TILL_SCREENSHOTS;

async function shoot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: join(shotsDir, `${name}-${size.width}x${size.height}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize(SIZES[0]);
}

describe('start screen', () => {
  let sync: ServiceProcess;
  let agent: ServiceProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  const newProfile = async () => {
    const context = await browser.newContext({ viewport: SIZES[0] });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  };

  beforeAll(async () => {
    ({ sync, agent } = await startDemoStore());
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stopAll();
  });

  it('shows its steps and the first catalog sync while the till starts, then opens the till', async () => {
    const page = await newProfile();
    // The catalog snapshot's first page comes, the rest waits until the screen has been looked at.
    let pulls = 0;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The demo catalog (2,556 products) fits one page of the till's 5,000: ask for pages of 1,000, so there are three.
    await page.route('**/sync/v1/catalog/snapshot**', async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('pageSize', '1000');
      await route.continue({ url: url.toString() });
    });
    await page.route('**/sync/v1/catalog/pages**', async (route) => {
      pulls += 1;
      if (pulls > 1) await held;
      await route.continue();
    });
    const start = new StartScreenPage(page);
    await page.goto(`${agent.url}/cashier`);
    await start.root.waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await start.step('catalog').and(page.locator('[data-state=active]')).waitFor({ timeout: 30_000 });
    expect(await start.step('enrolment').getAttribute('data-state')).toBe('done');
    expect(await start.step('catalog').textContent()).toContain('Première synchronisation du catalogue');
    await start.catalogProgress.waitFor({ timeout: 30_000 });
    // Part of the catalog is here, the rest on its way.
    const bar = () =>
      start.catalogProgress.evaluate((p) => ({
        value: (p as HTMLProgressElement).value,
        max: (p as HTMLProgressElement).max,
      }));
    await expect.poll(async () => (await bar()).value, { timeout: 20_000 }).toBeGreaterThan(0);
    const { value, max } = await bar();
    expect(value).toBeLessThan(max);
    expect(await start.step('catalog').textContent()).toMatch(/articles reçus sur environ/);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'start-screen-catalog');

    release();
    await page.unrouteAll({ behavior: 'wait' });
    await page.getByTestId('sync-status').waitFor({ timeout: 60_000 });
    expect(await start.root.count()).toBe(0);
    expect(await page.getByTestId('catalog-status').textContent()).toMatch(/^Catalogue : [\d\s]+ articles$/);
  });

  it('a second profile with the used pairing code is told in French how to pair, and pairs with a new code', async () => {
    const page = await newProfile();
    const start = new StartScreenPage(page);
    await page.goto(`${agent.url}/cashier`);
    await start.error.waitFor({ timeout: 30_000 });

    const words = await start.errorWords();
    expect(words).toEqual({
      code: 'code-used',
      title: 'Ce code d’appairage a déjà servi',
      action:
        'Un code d’appairage ne sert qu’une fois. Demandez au responsable un nouveau code pour cette caisse : il le crée dans le back-office. Saisissez-le ci-dessous, puis touchez « Appairer cette caisse ».',
    });
    expect(await start.step('enrolment').getAttribute('data-state')).toBe('failed');
    // The server's own words are for support, folded away.
    expect(await start.detailsOpen()).toBe(false);
    expect(await page.getByTestId('start-error-details').textContent()).toContain(
      'pairing code already used',
    );
    const visible = await page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      for (const d of clone.querySelectorAll('details')) d.remove();
      return clone.textContent ?? '';
    });
    expect(visible).not.toMatch(/code-used|unauthenticated|already used|Error|401/);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'start-screen-code-used');

    await start.enterPairingCode('ABCD 1234');
    await expect.poll(async () => (await start.errorWords()).code).toBe('pairing-code-malformed');
    expect((await start.errorWords()).title).toBe('Le code d’appairage est mal saisi');

    // The manager issues a new code for this machine (till 02) through the admin API; the cashier types it.
    const issued = await fetch(`${sync.url}/admin/v1/pairing-codes`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
        'content-type': 'application/json',
        [PROTOCOL_HEADER]: '1',
      },
      body: JSON.stringify({ storeCode: 'PAR01', tillCode: '02' }),
    });
    expect(issued.status).toBe(201);
    const { pairingCode } = (await issued.json()) as { pairingCode: string };
    await start.enterPairingCode(pairingCode.toLowerCase());
    await page.getByTestId('sync-status').waitFor({ timeout: 60_000 });
    expect(await page.locator('header').textContent()).toContain('Caisse 02');
    expect(pageErrors).toEqual([]);
  });

  it('with the sync server down at a first start: French words, what to do, and Réessayer', async () => {
    await sync.stop();
    const page = await newProfile();
    const start = new StartScreenPage(page);
    await page.goto(`${agent.url}/cashier`);
    await start.error.waitFor({ timeout: 60_000 });
    expect(await start.errorWords()).toEqual({
      code: 'server-unreachable',
      title: 'Le serveur de synchronisation ne répond pas',
      action:
        'La caisse doit joindre le serveur une première fois pour s’appairer. Vérifiez le câble réseau ou le Wi-Fi du magasin, puis touchez « Réessayer ».',
    });
    expect(await page.getByTestId('start-retry').textContent()).toBe('Réessayer');
    expect(await page.locator('body').innerText()).not.toMatch(/Failed to fetch|TypeError/);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'start-screen-server-down');
  });
});
