import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from '../../support/axe';
import { scannerBurst, usKeys } from '../../support/key-bursts';

// The cashier's search by name (src/apps/cashier/search/): opened with F3,
// typed into, driven with the arrow keys and Enter, as the cashier does.

const SIZES = [
  [1024, 768],
  [1920, 1080],
] as const;

/** French money formatting puts narrow and no-break spaces before "€": plain spaces read better in tests. */
const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

export class ProductSearchDialog {
  constructor(
    readonly page: Page,
    private readonly screensDir?: string,
  ) {}

  private get input() {
    return this.page.getByTestId('product-search-input');
  }

  async openWithShortcut(key = 'F3'): Promise<void> {
    await this.page.keyboard.press(key);
    await this.input.waitFor();
    await this.answered();
  }

  async isOpen(): Promise<boolean> {
    return (await this.page.getByTestId('product-search-dialog').count()) > 0;
  }

  /** Keys typed one by one, as a person types (each keystroke searches). */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 25 });
    await this.answered();
  }

  /** Everything typed so far goes (Ctrl+A, Backspace), then `text` is typed. */
  async retype(text: string): Promise<void> {
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Backspace');
    await this.type(text);
  }

  /** Until the list shows the answer for what the field holds now. */
  async answered(): Promise<void> {
    await this.page.waitForFunction(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid=product-search-input]');
      const answer = document.querySelector('[data-testid=product-search-answer]');
      return input !== null && answer?.getAttribute('data-query') === input.value;
    });
  }

  resultNames(): Promise<string[]> {
    return this.page.locator('[data-testid=product-search-results-row] .name').allTextContents();
  }

  async resultPrices(): Promise<string[]> {
    return (await this.page.locator('[data-testid=product-search-results-row] .price').allTextContents()).map(
      plain,
    );
  }

  async highlighted(): Promise<string> {
    return (
      (await this.page
        .locator('[data-testid=product-search-results-row][aria-selected=true] .name')
        .textContent()) ?? ''
    );
  }

  async down(times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.keyboard.press('ArrowDown');
  }

  async up(times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.keyboard.press('ArrowUp');
  }

  /** Enter: the highlighted article goes to the basket and the search closes. */
  async addHighlighted(): Promise<void> {
    await this.page.keyboard.press('Enter');
    await this.page.getByTestId('product-search-dialog').waitFor({ state: 'detached' });
  }

  async closeWithEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('product-search-dialog').waitFor({ state: 'detached' });
  }

  /** A keyboard-wedge scanner reads `code` while the search is open. */
  async scan(code: string): Promise<void> {
    // A moment after the last key typed, as when a person picks up the scanner: keys typed at the
    // page object's 25 ms pace and the scanner's burst would otherwise make one burst together.
    await this.page.waitForTimeout(250);
    await scannerBurst(this.page, usKeys(code));
  }

  /** What the dialog says about a scan it did not take ('' when nothing). */
  async scanNotice(): Promise<string> {
    return (await this.page.getByTestId('product-search-dialog-scan-ignored').textContent()) ?? '';
  }

  /** What the search field holds. */
  typed(): Promise<string> {
    return this.input.inputValue();
  }

  async noResultWords(): Promise<string> {
    return (await this.page.getByTestId('product-search-none').textContent()) ?? '';
  }

  countWords(): Promise<string | null> {
    return this.page.getByTestId('product-search-count').textContent();
  }

  /** The data-testid of the element that has the keyboard focus. */
  focused(): Promise<string | null | undefined> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
  }

  async expectAccessible(): Promise<void> {
    expect(await axeViolations(this.page)).toEqual([]);
  }

  /** docs/screens/cashier-search-<state>-<w>x<h>.png at both till sizes, when screenshots are asked for. */
  async screenshot(state: string): Promise<void> {
    if (!this.screensDir) return;
    mkdirSync(this.screensDir, { recursive: true });
    const original = this.page.viewportSize();
    for (const [width, height] of SIZES) {
      await this.page.setViewportSize({ width, height });
      await this.page.screenshot({
        path: `${this.screensDir}/cashier-search-${state}-${width}x${height}.png`,
      });
    }
    if (original) await this.page.setViewportSize(original);
  }
}
