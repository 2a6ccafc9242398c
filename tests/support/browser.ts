import { type Browser, chromium, type Page } from 'playwright-core';

// Debian's Chromium, driven by playwright-core (Playwright's own browser
// download cannot run here). The flags stop Chromium from calling home,
// which this machine's closed network would refuse.
export const CHROMIUM_PATH = process.env.TILL_CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Opens the cashier till of the demo store, waits for its first sync and
 * signs in as the demo cashier (PIN 1234): the starting point of the
 * device scenarios.
 */
export async function openSignedInCashier(page: Page, agentUrl: string): Promise<void> {
  await page.goto(`${agentUrl}/cashier`);
  await page
    .getByTestId('sync-status')
    .and(page.locator('[data-state=in-sync]'))
    .waitFor({ timeout: 60_000 });
  await page.getByTestId('pin-input').fill('1234');
  await page.getByTestId('sign-in').click();
  await page.getByTestId('cashier-name').waitFor();
}
