import type { Page } from 'playwright-core';
import { chooseTillFunction } from './till-functions';

// "Ouvrir le tiroir" (src/apps/cashier/staff/NoSaleDialog.tsx): the menu
// entry, the reason, and what the till says once the drawer opened.

const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

export class NoSaleDialog {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await chooseTillFunction(this.page, 'no-sale');
    await this.page.getByTestId('no-sale-dialog').waitFor();
  }

  async reasons(): Promise<string[]> {
    return (await this.page.getByTestId('no-sale-reasons-row').allTextContents()).map(plain);
  }

  async chooseReason(reason: 'change' | 'float-check' | 'correction'): Promise<void> {
    await this.page.locator(`[data-testid=no-sale-reasons-row][data-row-id="${reason}"]`).click();
    await this.page.getByTestId('no-sale-dialog').waitFor({ state: 'detached' });
  }

  async outcome(): Promise<{ kind: string | null; words: string } | null> {
    const outcome = this.page.getByTestId('no-sale-outcome');
    if ((await outcome.count()) === 0) return null;
    return { kind: await outcome.getAttribute('data-kind'), words: plain(await outcome.textContent()) };
  }
}
