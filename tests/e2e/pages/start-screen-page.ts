import type { Page } from 'playwright-core';

// The till's start screen, as a cashier sees it while the till starts or when
// it cannot (src/ui/StartScreen.tsx).
export class StartScreenPage {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByTestId('start-screen');
  }

  step(step: 'config' | 'database' | 'enrolment' | 'catalog' | 'devices') {
    return this.page.getByTestId(`start-step-${step}`);
  }

  get catalogProgress() {
    return this.page.getByTestId('start-catalog-progress');
  }

  get error() {
    return this.page.getByTestId('start-error');
  }

  async errorWords(): Promise<{ title: string; action: string; code: string | null }> {
    return {
      title: (await this.page.getByTestId('start-error-title').textContent()) ?? '',
      action: (await this.page.getByTestId('start-error-action').textContent()) ?? '',
      code: await this.error.getAttribute('data-code'),
    };
  }

  /** Whether the support details are unfolded (they must not be, at first). */
  detailsOpen(): Promise<boolean> {
    return this.page.getByTestId('start-error-details').evaluate((d) => (d as HTMLDetailsElement).open);
  }

  async enterPairingCode(code: string): Promise<void> {
    await this.page.getByTestId('pairing-code-input').fill(code);
    await this.page.getByTestId('pairing-code-submit').click();
  }
}
