import { type Browser, chromium } from 'playwright-core';

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
