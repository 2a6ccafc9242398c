import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { chooseTillFunction } from './till-functions';

// The cashier's kiosk-ticket and gift-voucher steps (src/apps/cashier/tickets/):
// scanning a ticket, its refusal, selling a voucher from the till menu and
// paying with one from the payment panel.

const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** Minor units as the pad keys type them: 5000 → "5", "0", "0", "0". */
const padDigits = (minor: number): string[] => [...String(minor)];

export class TicketDesk {
  constructor(
    readonly page: Page,
    private readonly screensDir?: string,
  ) {}

  /** The scanner reads the ticket's QR code (the scan field gets it, as a scanner's text). */
  async scanTicket(text: string): Promise<void> {
    await this.page.getByTestId('barcode-input').fill(text);
    await this.page.getByTestId('barcode-input').press('Enter');
    await this.ticketAnswer();
  }

  /** The till's own scanner reads the ticket's QR code and hands the text over the bridge. */
  async scanTicketWith(scanner: { scan(code: string): Promise<void> }, text: string): Promise<void> {
    await scanner.scan(text);
    await this.ticketAnswer();
  }

  private async ticketAnswer(): Promise<void> {
    await this.page
      .getByTestId('kiosk-ticket-summary')
      .or(this.page.getByTestId('kiosk-ticket-refusal'))
      .waitFor({ timeout: 15_000 });
  }

  async kioskOrderSummary(): Promise<string> {
    return plain(await this.page.getByTestId('kiosk-ticket-summary').textContent());
  }

  async refusal(): Promise<string | undefined> {
    const refusal = this.page.getByTestId('kiosk-ticket-refusal');
    return (await refusal.count()) === 0 ? undefined : plain(await refusal.textContent());
  }

  async dismissRefusal(): Promise<void> {
    await this.page.getByTestId('kiosk-ticket-refused-cancel').click();
    await this.page.getByTestId('kiosk-ticket-refused').waitFor({ state: 'detached' });
  }

  /** Till menu « Vendre un bon d'achat »: a voucher of `minor`, under the scanned card's code or a new one. */
  async openVoucherSale(): Promise<void> {
    await chooseTillFunction(this.page, 'voucher-sale');
    await this.page.getByTestId('voucher-sale').waitFor();
  }

  async typeVoucherAmount(minor: number): Promise<void> {
    for (const digit of padDigits(minor))
      await this.page.getByTestId(`voucher-amount-pad-key-${digit}`).click();
  }

  async addVoucher(code?: string): Promise<void> {
    if (code !== undefined) await this.page.getByTestId('voucher-sale-code').fill(code);
    await this.page.getByTestId('voucher-amount-pad-enter').click();
    await this.page.getByTestId('voucher-sale').waitFor({ state: 'detached' });
  }

  /** The payment panel's "Bon d'achat": type the code and see its balance. */
  async openVoucherTender(code: string): Promise<string> {
    await this.page.getByTestId('pay-voucher').click();
    await this.page.getByTestId('voucher-redeem').waitFor();
    await this.page.getByTestId('voucher-redeem-code').fill(code);
    await this.page.getByTestId('voucher-redeem-check').click();
    await this.page.getByTestId('voucher-balance').or(this.page.getByTestId('voucher-problem')).waitFor();
    return plain(
      await this.page
        .getByTestId('voucher-balance')
        .or(this.page.getByTestId('voucher-problem'))
        .textContent(),
    );
  }

  async takeVoucher(partMinor?: number): Promise<void> {
    if (partMinor !== undefined)
      for (const digit of padDigits(partMinor))
        await this.page.getByTestId(`voucher-part-pad-key-${digit}`).click();
    await this.page.getByTestId('voucher-redeem-take').click();
    await this.page.getByTestId('voucher-redeem').waitFor({ state: 'detached' });
  }

  async voucherProblem(): Promise<string> {
    return plain(await this.page.getByTestId('voucher-problem').textContent());
  }

  async closeVoucherDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator('dialog[open]').waitFor({ state: 'detached' });
  }

  async expectNoDialog(): Promise<void> {
    expect(await this.page.locator('dialog[open]').count()).toBe(0);
  }

  /** docs/screens/cashier-tickets-<state>-<w>x<h>.png at both till sizes, when screenshots are asked for. */
  async screenshot(state: string): Promise<void> {
    if (!this.screensDir) return;
    const original = this.page.viewportSize();
    for (const size of [
      { width: 1024, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await this.page.setViewportSize(size);
      await this.page.screenshot({
        path: `${this.screensDir}/cashier-tickets-${state}-${size.width}x${size.height}.png`,
      });
    }
    if (original) await this.page.setViewportSize(original);
  }
}
