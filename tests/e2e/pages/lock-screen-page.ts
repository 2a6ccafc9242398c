import type { Page } from 'playwright-core';
import { chooseTillFunction } from './till-functions';

// Locking the till and PINning back in (src/ui/staff/LockScreen.tsx),
// and the sign-in screen's list of names (src/ui/staff/SignInPanel.tsx), as the cashier
// uses them.

const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

export class LockScreenPage {
  constructor(readonly page: Page) {}

  /** Signs in with one's name taken in the list, then the PIN. */
  async signInAs(staffId: string, pin: string): Promise<void> {
    await this.page.locator(`[data-testid=sign-in-people-row][data-row-id="${staffId}"]`).click();
    await this.page.getByTestId('pin-input').fill(pin);
    await this.page.getByTestId('sign-in').click();
    await this.page.getByTestId('cashier-name').waitFor();
  }

  /** The names on the sign-in screen ("Code PIN seul" first). */
  async signInNames(): Promise<string[]> {
    return (await this.page.getByTestId('sign-in-people-row').allTextContents()).map(plain);
  }

  async lockFromMenu(): Promise<void> {
    await chooseTillFunction(this.page, 'lock');
    await this.waitLocked();
  }

  async lockWithShortcut(): Promise<void> {
    await this.page.keyboard.press('F11');
    await this.waitLocked();
  }

  async waitLocked(timeout = 10_000): Promise<void> {
    await this.page.getByTestId('lock-screen').waitFor({ timeout });
  }

  isLocked(): Promise<boolean> {
    return this.page.getByTestId('lock-screen').isVisible();
  }

  async lockedBecauseIdle(): Promise<boolean> {
    return (await this.page.getByTestId('lock-idle').count()) > 0;
  }

  /** Who may unlock, in order (the cashier, then the managers). */
  async people(): Promise<string[]> {
    return (await this.page.getByTestId('lock-people-row').allTextContents()).map(plain);
  }

  async choose(staffId: string): Promise<void> {
    await this.page.locator(`[data-testid=lock-people-row][data-row-id="${staffId}"]`).click();
  }

  async typePin(pin: string): Promise<void> {
    await this.page.getByTestId('unlock-pin').fill(pin);
    await this.page.getByTestId('unlock-pin-submit').click();
  }

  async unlock(pin: string): Promise<void> {
    await this.typePin(pin);
    await this.page.getByTestId('lock-screen').waitFor({ state: 'detached' });
  }

  async problem(): Promise<string> {
    return plain(await this.page.getByTestId('unlock-problem').textContent());
  }
}
