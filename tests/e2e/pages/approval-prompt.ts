import type { Page } from 'playwright-core';

// The supervisor/manager PIN prompt (src/apps/cashier/ApprovalPrompt.tsx),
// as the approver uses it: take one's name in the list, type the PIN.

const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

export class ApprovalPrompt {
  constructor(readonly page: Page) {}

  private get dialog() {
    return this.page.getByTestId('approval-prompt');
  }

  async waitOpen(): Promise<void> {
    await this.dialog.waitFor();
  }

  async waitClosed(): Promise<void> {
    await this.dialog.waitFor({ state: 'detached' });
  }

  isOpen(): Promise<boolean> {
    return this.dialog.isVisible();
  }

  /** "Camille Martin demande : une ouverture du tiroir sans vente." */
  async request(): Promise<string> {
    return plain(await this.page.getByTestId('approval-request').textContent());
  }

  async reason(): Promise<string> {
    return plain(await this.page.getByTestId('approval-reason').textContent());
  }

  /** The names offered, in order. */
  async approvers(): Promise<string[]> {
    return (await this.page.getByTestId('approval-approvers-row').allTextContents()).map(plain);
  }

  async chooseApprover(staffId: string): Promise<void> {
    await this.page.locator(`[data-testid=approval-approvers-row][data-row-id="${staffId}"]`).click();
  }

  async typePin(pin: string): Promise<void> {
    await this.page.getByTestId('approval-pin').fill(pin);
    await this.page.getByTestId('approval-pin-submit').click();
  }

  async problem(): Promise<string> {
    return plain(await this.page.getByTestId('approval-problem').textContent());
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('approval-prompt-cancel').click();
    await this.waitClosed();
  }
}
