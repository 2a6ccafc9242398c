import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from '../../support/axe';

// The kiosk as a customer sees it, the parts every step shares: opening it,
// the language and access modes, the notices, the idle warning, and what
// the page keeps in storage. The path's own steps are in kiosk-order-page.ts.

/** The kiosk's two layouts: a portrait kiosk and a landscape screen. */
export const KIOSK_SIZES = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
] as const;

/** French money formatting puts narrow and no-break spaces before "€": plain spaces read better in tests. */
export const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

export class KioskPage {
  constructor(
    readonly page: Page,
    private readonly screensDir?: string,
  ) {}

  async open(agentUrl: string): Promise<void> {
    await this.page.goto(`${agentUrl}/kiosk`);
    await this.page.getByTestId('kiosk-start').waitFor({ timeout: 90_000 });
  }

  step(): Promise<string | null> {
    return this.page.getByTestId('kiosk').getAttribute('data-step');
  }

  async heading(): Promise<string> {
    return plain(await this.page.locator('main h1').first().textContent());
  }

  async chooseLanguage(language: 'fr' | 'en'): Promise<void> {
    await this.page.getByTestId(`kiosk-language-${language}`).first().click();
    await expect.poll(() => this.page.evaluate(() => document.documentElement.lang)).toBe(language);
  }

  async toggleAccess(mode: 'highContrast' | 'largeText' | 'lowerLayout'): Promise<void> {
    await this.page.getByTestId(`kiosk-access-${mode}`).click();
  }

  async start(): Promise<void> {
    await this.page.getByTestId('kiosk-start').click();
    await this.page.getByTestId('kiosk-find').waitFor();
    await this.page.getByTestId('kiosk-category').first().waitFor({ timeout: 30_000 });
  }

  async notice(): Promise<string> {
    const notice = this.page.getByTestId('kiosk-notice');
    await notice.waitFor({ timeout: 30_000 });
    return plain(await notice.locator('p').textContent());
  }

  /** The notice's code (data-notice), once one shows. */
  async noticeCode(): Promise<string | null> {
    const notice = this.page.getByTestId('kiosk-notice');
    await notice.waitFor({ timeout: 30_000 });
    return notice.getAttribute('data-notice');
  }

  /** The products the stock could not cover, as the notice names them. */
  async noticeShortages(): Promise<string[]> {
    return (await this.page.getByTestId('kiosk-notice-shortages').locator('li').allTextContents()).map(plain);
  }

  /** "Change my cart" on a refusal: the cart, the refusal still said. */
  async noticeToCart(): Promise<void> {
    await this.page.getByTestId('kiosk-notice-cart').click();
    await this.page.getByTestId('kiosk-cart').waitFor();
  }

  /** Reloads the kiosk (a crash, a power cut of the screen): it comes back on its own. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.getByTestId('kiosk').waitFor({ timeout: 90_000 });
  }

  async restart(): Promise<void> {
    await this.page.getByTestId('kiosk-restart').click();
    await this.page.getByTestId('kiosk-start').waitFor();
  }

  async dismissNotice(): Promise<void> {
    await this.page.getByTestId('kiosk-notice-dismiss').click();
  }

  async idleCountdown(): Promise<number> {
    const countdown = this.page.getByTestId('kiosk-idle-countdown');
    await countdown.waitFor();
    return Number(await countdown.getAttribute('data-seconds'));
  }

  /** Everything the page keeps in localStorage, sessionStorage and IndexedDB, as one text to search. */
  async storedText(): Promise<string> {
    return this.page.evaluate(async () => {
      const parts: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
      for (const info of await indexedDB.databases()) {
        if (!info.name) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(info.name as string);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        for (const store of [...db.objectStoreNames]) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          parts.push(JSON.stringify(rows, (_key, value) => (value instanceof CryptoKey ? '[key]' : value)));
        }
        db.close();
      }
      return parts.join('\n');
    });
  }

  /** The text of the page and the values of its fields. */
  async pageText(): Promise<string> {
    return this.page.evaluate(() => {
      const values = [...document.querySelectorAll('input')].map((input) => input.value);
      return `${document.body.innerText}\n${values.join('\n')}`;
    });
  }

  async expectAccessible(): Promise<void> {
    expect(await axeViolations(this.page)).toEqual([]);
  }

  /**
   * The visible controls (buttons, fields) that start in the upper 40 % of the screen, which the lower
   * layout keeps for nothing but the title, or that stick out of the screen sideways; and whether the
   * page itself overflows. Empty when the lower layout holds.
   */
  controlsOutOfReach(): Promise<string[]> {
    return this.page.evaluate(() => {
      const problems: string[] = [];
      const { innerWidth: width, innerHeight: height } = window;
      const root = document.documentElement;
      if (root.scrollWidth > width + 1 || root.scrollHeight > height + 1)
        problems.push(`page overflows: ${root.scrollWidth}x${root.scrollHeight}`);
      for (const control of document.querySelectorAll<HTMLElement>('main button, main input, main a[href]')) {
        const box = control.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const name = control.dataset.testid ?? control.dataset.key ?? control.textContent?.trim() ?? '?';
        if (box.top < 0.4 * height - 1) problems.push(`${name} at y=${Math.round(box.top)}`);
        if (box.left < -1 || box.right > width + 1) problems.push(`${name} beyond the sides`);
      }
      return problems;
    });
  }

  /** axe-clean, then saved as docs/screens/kiosk-<state>-<w>x<h>.png at both kiosk sizes (with `lower`: controls checked low at both). */
  async shot(state: string, options: { readonly lower?: boolean } = {}): Promise<void> {
    await this.expectAccessible();
    if (!this.screensDir && !options.lower) return;
    for (const size of KIOSK_SIZES) {
      await this.page.setViewportSize(size);
      await this.page.waitForTimeout(150);
      if (options.lower)
        expect(await this.controlsOutOfReach(), `${state} at ${size.width}x${size.height}`).toEqual([]);
      if (this.screensDir)
        await this.page.screenshot({
          path: `${this.screensDir}/kiosk-${state}-${size.width}x${size.height}.png`,
        });
    }
    await this.page.setViewportSize(KIOSK_SIZES[0]);
  }
}
