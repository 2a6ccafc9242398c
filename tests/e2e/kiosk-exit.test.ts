import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../scripts/lib/service-process';
import { launchChromium } from '../support/browser';
import { startDemoStore, stopAll } from '../support/processes';

// The kiosk's manager exit in real Chromium, on the built renderer served by
// the hardware agent. Electron cannot run here, so `window.kioskShell` (what
// the preload exposes) is a fake injected before the page loads: it records
// each PIN and answers as electron/main/kiosk-exit-guard.ts would (wrong PIN,
// then a lockout after three wrong PINs in a row, accepted for the manager's PIN).
const MANAGER_PIN = '2468';
const fakeKioskShell = (managerPin: string) => {
  const state = { pins: [] as string[], wrongInARow: 0, exited: false };
  (window as unknown as { kioskExitFake: typeof state }).kioskExitFake = state;
  (window as unknown as { kioskShell: unknown }).kioskShell = {
    requestExit: async (pin: string) => {
      state.pins.push(pin);
      if (state.wrongInARow >= 3) return { ok: false, reason: 'locked', retryAfterMs: 29_500 };
      if (pin !== managerPin) {
        state.wrongInARow++;
        return { ok: false, reason: 'wrong-pin' };
      }
      state.exited = true;
      return { ok: true };
    },
  };
};

type FakeState = { pins: string[]; exited: boolean };

describe('kiosk exit dialog in Chromium', () => {
  let agent: ServiceProcess;
  let browser: Browser;
  // One browser profile for all pages: the kiosk enrols once (its pairing code is single-use).
  let context: BrowserContext;

  beforeAll(async () => {
    // The kiosk enrols with the demo store's sync server before its first screen.
    ({ agent } = await startDemoStore({ devices: 'none' }));
    browser = await launchChromium();
    context = await browser.newContext({ hasTouch: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stopAll();
  });

  async function openKiosk(withShell: boolean): Promise<Page> {
    const page = await context.newPage();
    if (withShell) await page.addInitScript(fakeKioskShell, MANAGER_PIN);
    await page.goto(`${agent.url}/kiosk`);
    await page.getByRole('heading', { name: 'Borne de commande' }).waitFor({ timeout: 60_000 });
    return page;
  }

  const fake = (page: Page) =>
    page.evaluate(() => (window as unknown as { kioskExitFake: FakeState }).kioskExitFake);
  const corner = (page: Page) => page.getByTestId('kiosk-staff-corner');
  const dialog = (page: Page) => page.getByTestId('kiosk-exit-dialog');
  const tapCorner = async (page: Page, times: number) => {
    for (let i = 0; i < times; i++) await corner(page).tap();
  };
  const typePin = async (page: Page, pin: string) => {
    for (const digit of pin) await dialog(page).getByRole('button', { name: digit, exact: true }).tap();
  };

  it('ordinary taps, and four taps in the corner, do not open it', async () => {
    const page = await openKiosk(true);
    await page.getByRole('heading', { name: 'Borne de commande' }).tap();
    await page.locator('main p').first().tap();
    await tapCorner(page, 4);
    expect(await dialog(page).count()).toBe(0);
    await page.close();
  });

  it('five taps in the corner open the PIN pad; a wrong PIN is refused and cleared, the right one exits', async () => {
    const page = await openKiosk(true);
    await tapCorner(page, 5);
    await dialog(page).waitFor();

    await typePin(page, '1111');
    // Only dots: the typed digits never appear on screen.
    expect(await page.getByTestId('kiosk-exit-dots').textContent()).toBe('••••');
    expect(await dialog(page).textContent()).not.toContain('1111');
    await page.getByTestId('kiosk-exit-submit').tap();
    await expect.poll(() => page.getByTestId('kiosk-exit-message').textContent()).toBe('Code PIN incorrect');
    expect(await page.getByTestId('kiosk-exit-dots').getAttribute('data-digits')).toBe('0');

    await typePin(page, MANAGER_PIN);
    await page.getByTestId('kiosk-exit-submit').tap();
    await expect.poll(() => page.getByTestId('kiosk-exit-message').textContent()).toMatch(/Code accepté/);
    expect(await fake(page)).toEqual({ pins: ['1111', MANAGER_PIN], wrongInARow: 1, exited: true });
    await page.close();
  });

  it('after too many wrong PINs the dialog says how long it is locked', async () => {
    const page = await openKiosk(true);
    await tapCorner(page, 5);
    const wrong = ['1111', '2222', '3333', '4444'];
    for (const [index, pin] of wrong.entries()) {
      await typePin(page, pin);
      await page.getByTestId('kiosk-exit-submit').tap();
      await expect.poll(async () => (await fake(page)).pins.length).toBe(index + 1);
    }
    await expect
      .poll(() => page.getByTestId('kiosk-exit-message').textContent())
      .toBe('Trop d’essais : réessayez dans 30 s');
    expect((await fake(page)).exited).toBe(false);
    // Cancel closes it; nothing of the PIN stays.
    await page.getByTestId('kiosk-exit-cancel').tap();
    expect(await dialog(page).count()).toBe(0);
    await page.close();
  });

  it('in a plain browser the dialog says the Electron shell manages the exit', async () => {
    const page = await openKiosk(false);
    await tapCorner(page, 5);
    await dialog(page).waitFor();
    expect(await page.getByTestId('kiosk-exit-browser').textContent()).toMatch(
      /gérée par l’application Electron/,
    );
    expect(await page.getByTestId('kiosk-exit-submit').count()).toBe(0);
    await page.close();
  });
});
