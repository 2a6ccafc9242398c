import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from '../../support/axe';

// The cashier till as the cashier sees it: every step a test takes on the
// screen goes through here, so the tests read as the cashier's steps.

const SCREEN_SIZES = [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** French money formatting puts narrow and no-break spaces before "€": plain spaces read better in tests. */
const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

export class CashierPage {
  constructor(
    readonly page: Page,
    private readonly screensDir?: string,
  ) {}

  async open(agentUrl: string): Promise<void> {
    await this.page.goto(`${agentUrl}/cashier`);
    await this.waitForSync();
  }

  async waitForSync(): Promise<void> {
    await this.page
      .getByTestId('sync-status')
      .and(this.page.locator('[data-state=in-sync]'))
      .waitFor({ timeout: 60_000 });
  }

  async signIn(pin: string): Promise<void> {
    await this.page.getByTestId('pin-input').fill(pin);
    await this.page.getByTestId('sign-in').click();
    await this.page.getByTestId('cashier-name').waitFor();
  }

  /** « Fermer » next to one's name: the till goes back to the sign-in screen (the shift stays open). */
  async signOut(): Promise<void> {
    await this.page.getByTestId('cashier-name').locator('xpath=following-sibling::button').click();
    await this.page.getByTestId('pin-input').waitFor();
  }

  cashierName(): Promise<string | null> {
    return this.page.getByTestId('cashier-name').textContent();
  }

  async scan(code: string): Promise<void> {
    const before = await this.cartLines();
    await this.page.getByTestId('barcode-input').fill(code);
    await this.page.getByTestId('barcode-input').press('Enter');
    await expect.poll(() => this.cartLines()).toBe(before + 1);
  }

  /** What the totals say the basket holds (« 3 articles »): pieces, a weighed item counting one. */
  async articleCount(): Promise<string> {
    return ((await this.page.getByTestId('article-count').textContent()) ?? '').replace(
      /[\u00a0\u202f]/g,
      ' ',
    );
  }

  cartLines(): Promise<number> {
    return this.page.getByTestId('cart-line').count();
  }

  async cartText(): Promise<string> {
    return (await this.page.getByTestId('cart-lines').textContent()) ?? '';
  }

  async startPayment(): Promise<void> {
    await this.page.getByTestId('start-payment').click();
    await this.page.getByTestId('payment-panel').waitFor();
  }

  async amountDue(): Promise<string> {
    return plain(await this.page.getByTestId('amount-due').textContent());
  }

  /** Cash handed over, typed as the cashier would on the amount keypad ("5,00": keys 5, 0, 0), then Enter. */
  async payCashTyped(amount: string): Promise<void> {
    const field = this.page.getByTestId('cash-given');
    await field.focus();
    // At a person's pace: a faster burst is a scanner's for the keyboard-wedge listener.
    await field.pressSequentially(amount.replace(/\D/g, ''), { delay: 120 });
    await expect.poll(async () => plain(await field.inputValue())).toContain(amount);
    await field.press('Enter');
  }

  async tendersTaken(): Promise<string[]> {
    return (await this.page.getByTestId('tender-taken').allTextContents()).map(plain);
  }

  async backToBasket(): Promise<void> {
    await this.page.getByTestId('back-to-basket').click();
    await this.page.getByTestId('start-payment').waitFor();
  }

  async keptCash(): Promise<string | null> {
    const kept = this.page.getByTestId('kept-cash-amount');
    return (await kept.count()) === 0 ? null : plain(await kept.textContent());
  }

  /** What the basket says is left to pay once the cash kept on the sale is deducted. */
  async leftToPay(): Promise<string> {
    return plain(await this.page.getByTestId('kept-cash-remaining').textContent());
  }

  async payByCard(): Promise<void> {
    await this.page.getByTestId('pay-card').click();
  }

  cardPhase(): Promise<string | null> {
    return this.page.getByTestId('card-attempt').getAttribute('data-phase');
  }

  /** "Vérifier le paiement": asks the terminal again what became of the card payment. */
  async checkCardPayment(): Promise<void> {
    await this.page.getByTestId('check-card').click();
  }

  cardMessage(): Promise<string | null> {
    return this.page.getByTestId('card-message').textContent();
  }

  /** "Décision du responsable": says whether the card was charged; the approval prompt then opens. */
  async decideCard(resolution: 'charged' | 'not-charged'): Promise<void> {
    const decision = this.page.getByTestId('manager-card-decision');
    if ((await decision.getAttribute('open')) === null) await decision.locator('summary').click();
    await this.page.getByTestId(`resolve-${resolution}`).click();
  }

  async waitForSaleCompleted(timeout = 30_000): Promise<string> {
    await this.page.getByTestId('sale-completed').waitFor({ timeout });
    return (await this.page.getByTestId('receipt-number').textContent()) ?? '';
  }

  deviceState(deviceId: string): Promise<string | null> {
    return this.page.getByTestId(`device-${deviceId}`).getAttribute('data-state');
  }

  hardwareHostState(): Promise<string | null> {
    return this.page.getByTestId('hardware-host-status').getAttribute('data-state');
  }

  serverState(): Promise<string | null> {
    return this.page.getByTestId('server-status').getAttribute('data-state');
  }

  /** How many lines the status bar's chips take (one at 1024 px, every device's state in it). */
  statusBarRows(): Promise<number> {
    return this.page.evaluate(() => {
      const chips = [...document.querySelectorAll<HTMLElement>('.status-bar > .chip')];
      // Chips are centred on their line (the outbox button is taller): one line, one centre.
      const centre = (chip: HTMLElement) => {
        const box = chip.getBoundingClientRect();
        return Math.round((box.top + box.bottom) / 2);
      };
      return new Set(chips.map(centre)).size;
    });
  }

  /** What the devices' chip says ("Périphériques : 4 appareils prêts"). */
  async devicesSummary(): Promise<string> {
    return plain(await this.page.getByTestId('hardware-host-status').textContent());
  }

  pendingOutbox(): Promise<string | null> {
    return this.page.getByTestId('outbox-status').getAttribute('data-pending');
  }

  problem(): Promise<string | null> {
    return this.page.getByTestId('lookup-error').textContent();
  }

  /** Marks the loaded document, to tell later whether the page was reloaded. */
  async markDocument(): Promise<void> {
    await this.page.evaluate(() => {
      (window as unknown as { tillMark: number }).tillMark = 1;
    });
  }

  sameDocument(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { tillMark?: number }).tillMark === 1);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  /** No WCAG A/AA violation on what the screen shows now. */
  async expectAccessible(): Promise<void> {
    expect(await axeViolations(this.page)).toEqual([]);
  }

  /** Saves the screen at both till sizes (docs/screens/<name>-<width>.png), then goes back to the first size. */
  async screenshot(name: string): Promise<void> {
    if (!this.screensDir) return;
    const original = this.page.viewportSize();
    for (const size of SCREEN_SIZES) {
      await this.page.setViewportSize(size);
      await this.page.screenshot({ path: `${this.screensDir}/${name}-${size.width}.png` });
    }
    if (original) await this.page.setViewportSize(original);
  }
}
