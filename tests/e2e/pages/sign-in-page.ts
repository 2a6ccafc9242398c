import type { Page } from 'playwright-core';

// The till's sign-in: the PIN typed on the touch pad or on the keyboard.

export class SignInPage {
  constructor(readonly page: Page) {}

  private field() {
    return this.page.getByTestId('pin-input');
  }

  async waitForIt(): Promise<void> {
    await this.field().waitFor();
  }

  /** Touches the pad's keys, one per digit. */
  async touchPin(pin: string): Promise<void> {
    for (const digit of pin) await this.page.getByTestId(`pin-input-pad-key-${digit}`).click();
  }

  /** Types on the physical keyboard, into the field that has the focus. */
  async typePin(pin: string): Promise<void> {
    for (const digit of pin) await this.page.keyboard.press(digit);
  }

  async touchBackspace(): Promise<void> {
    await this.page.getByTestId('pin-input-pad-key-backspace').click();
  }

  async submitWithEnter(): Promise<void> {
    await this.page.keyboard.press('Enter');
  }

  async submitWithPad(): Promise<void> {
    await this.page.getByTestId('sign-in').click();
  }

  /** How many dots the field shows (never the digits: it is a password field). */
  async dots(): Promise<number> {
    return Number(await this.field().getAttribute('data-digits'));
  }

  fieldType(): Promise<string | null> {
    return this.field().getAttribute('type');
  }

  fieldHasFocus(): Promise<boolean> {
    return this.field().evaluate((field) => field === document.activeElement);
  }

  async error(): Promise<string> {
    return (await this.page.getByTestId('sign-in-error').textContent()) ?? '';
  }
}
