import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../scripts/lib/service-process';
import { launchChromium, openSignedInCashier } from '../support/browser';
import { startDemoStore, stopAll } from '../support/processes';
import { ShiftPage } from './pages/shift-page';

// The renderer under its real CSP header (the one Electron's app:// protocol
// sends too), in Chromium: without 'unsafe-inline' for styles, no screen
// may trip a violation, and the stylesheet still styles the page. The till
// runs with no devices configured, and its status bar says so.

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

const recordViolations = () => {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations?.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
  });
};

describe('renderer under its CSP, with no devices configured', () => {
  let agent: ServiceProcess;
  let browser: Browser;
  // One profile for the cashier: its pairing code is single-use.
  let context: BrowserContext;

  beforeAll(async () => {
    ({ agent } = await startDemoStore({ devices: 'none' }));
    browser = await launchChromium();
    context = await browser.newContext();
    await context.addInitScript(recordViolations);
  });
  afterAll(async () => {
    await browser?.close();
    await stopAll();
  });

  // Style violations only: zod probes for eval support once (new Function in a
  // try/catch), which Chromium reports as a script-src violation and zod
  // handles; that probe is not what this test is about.
  const violations = async (page: Page) =>
    (await page.evaluate(() => window.cspViolations ?? [])).filter((v) => v.startsWith('style-src'));

  let cashier: Page;

  it("serves a CSP without 'unsafe-inline', and the signed-in cashier screen trips no violation", async () => {
    const page = await context.newPage();
    cashier = page;
    const response = await page.goto(`${agent.url}/cashier`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await openSignedInCashier(page, agent.url);
    await new ShiftPage(page).open({ float: { 1000: 10 } });
    // The stylesheet applied: the status bar chips have their colours.
    const chip = page.getByTestId('device-printer');
    await chip.waitFor();
    expect(await chip.evaluate((el) => getComputedStyle(el).borderRadius)).not.toBe('0px');
    expect(await violations(page)).toEqual([]);
  });

  it('says on the status bar that the printer and card terminal are not configured', async () => {
    const page = cashier;
    await expect
      .poll(() => page.getByTestId('device-printer').textContent())
      .toBe('Imprimante : non configuré');
    expect(await page.getByTestId('device-terminal').textContent()).toBe('Terminal CB : non configuré');
    expect(await page.getByTestId('device-terminal').getAttribute('data-state')).toBe('not-configured');
  });

  it.each(['kiosk', 'pickup'])('the %s screen trips no violation', async (screen) => {
    const page = await context.newPage();
    await page.goto(`${agent.url}/${screen}`);
    await page.locator('h1, h2').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1_000);
    expect(await violations(page)).toEqual([]);
  });
});
