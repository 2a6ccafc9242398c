import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// The pickup desk (src/apps/pickup/), as store staff use it: sign in with the
// PIN, then the list of click-and-collect orders by group (« À préparer »,
// « Prêtes »…), the count waiting and the age of the data; a search field that
// a scanner types into as well; an order's details with « Préparer » or
// « Remettre au client ». The prepare and handover flows are PickupFlowPage.

const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

export type DeskGroup =
  | 'to-prepare'
  | 'ready'
  | 'partly-handed-over'
  | 'overdue'
  | 'handed-over'
  | 'cancelled';

export class PickupDeskPage {
  constructor(
    readonly page: Page,
    private readonly screensDir?: string,
  ) {}

  /** Opens /pickup, waits for the first sync, signs in with `pin`. */
  async open(agentUrl: string, pin: string): Promise<void> {
    await this.page.goto(`${agentUrl}/pickup`);
    await this.page
      .getByTestId('sync-status')
      .and(this.page.locator('[data-state=in-sync]'))
      .waitFor({ timeout: 60_000 });
    await this.page.getByTestId('pin-input').fill(pin);
    await this.page.getByTestId('sign-in').click();
    await this.page.getByTestId('pickup-staff').waitFor();
  }

  /** Locks the desk by hand (its header button); the lock screen is the cashier's (LockScreenPage). */
  async lock(): Promise<void> {
    await this.page.getByTestId('pickup-lock').click();
    await this.page.getByTestId('lock-screen').waitFor();
  }

  async showGroup(group: DeskGroup): Promise<void> {
    await this.page.getByTestId(`pickup-group-${group}`).click();
    await expect
      .poll(() => this.page.getByTestId(`pickup-group-${group}`).getAttribute('aria-selected'))
      .toBe('true');
  }

  /** The web order numbers listed now. */
  async listed(): Promise<string[]> {
    // Each row names its order in its test id, whatever its text holds.
    return this.page
      .locator('[data-testid^="pickup-order-WEB"]')
      .evaluateAll((rows) =>
        rows.map((row) => row.getAttribute('data-testid')?.slice('pickup-order-'.length) ?? ''),
      );
  }

  /** Waits until `webOrderId` is in group `group`. */
  async waitInGroup(group: DeskGroup, webOrderId: string): Promise<void> {
    await this.showGroup(group);
    await this.page.getByTestId(`pickup-order-${webOrderId}`).waitFor({ timeout: 30_000 });
  }

  async waiting(): Promise<string> {
    return plain(await this.page.getByTestId('pickup-waiting').textContent());
  }

  async dataAge(): Promise<string> {
    return plain(await this.page.getByTestId('pickup-data-age').textContent());
  }

  async openOrder(webOrderId: string): Promise<void> {
    await this.page.getByTestId(`pickup-order-${webOrderId}`).click();
    await this.page.getByTestId('pickup-order-details').waitFor();
  }

  /** Types in the search field and presses Enter, as a clerk does without a mouse. */
  async search(text: string): Promise<void> {
    const field = this.page.getByTestId('pickup-find-input');
    await field.focus();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** The refusal or hint under the search field. */
  async notice(): Promise<string> {
    return plain(await this.page.getByTestId('pickup-notice').textContent());
  }

  async refusals(): Promise<string> {
    const log = this.page.getByTestId('pickup-refusals');
    if (!(await log.isVisible())) return '';
    await log.locator('summary').click();
    const text = plain(await log.textContent());
    await log.locator('summary').click();
    return text;
  }

  async orderStatus(): Promise<string> {
    return plain(await this.page.getByTestId('pickup-order-status').textContent());
  }

  async prepare(): Promise<void> {
    await this.page.getByTestId('pickup-prepare').click();
    await this.page.getByTestId('pickup-prepare-panel').waitFor();
  }

  async handOver(): Promise<void> {
    await this.page.getByTestId('pickup-hand-over').click();
    await this.page.getByTestId('pickup-handover-panel').waitFor();
  }

  /** Asks to return the order on show to stock: the confirmation dialog opens. */
  async askRestock(): Promise<void> {
    await this.page.getByTestId('pickup-restock').click();
    await this.page.getByTestId('pickup-restock-dialog').waitFor();
  }

  /** Confirms the return to stock; resolves once the desk says it is done. */
  async confirmRestock(): Promise<string> {
    await this.page.getByTestId('pickup-restock-confirm').click();
    const done = this.page.getByTestId('pickup-restocked');
    await done.waitFor({ timeout: 15_000 });
    return plain(await done.textContent());
  }

  /** The handovers listed in the order's details, one text per handover. */
  async history(): Promise<string[]> {
    return (await this.page.getByTestId('pickup-history-row').allTextContents()).map(plain);
  }

  /** The conflict between desks in words, line by line (empty when none). */
  async conflict(): Promise<string[]> {
    const box = this.page.getByTestId('pickup-conflict');
    if (!(await box.isVisible())) return [];
    const headline = plain(await box.locator('p').textContent());
    const details = (await box.locator('li').allTextContents()).map(plain);
    return [headline, ...details];
  }

  /** docs/screens/pickup-<state>-<w>x<h>.png at both desk sizes, when screenshots are asked for. */
  async screenshot(state: string): Promise<void> {
    if (!this.screensDir) return;
    const original = this.page.viewportSize();
    for (const size of [
      { width: 1024, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await this.page.setViewportSize(size);
      await this.page.screenshot({
        path: `${this.screensDir}/pickup-${state}-${size.width}x${size.height}.png`,
      });
    }
    if (original) await this.page.setViewportSize(original);
  }
}
