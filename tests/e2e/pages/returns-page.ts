import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// The till's returns and exchanges (src/apps/cashier/returns/), as the
// cashier works them: F4 opens « Retour d'articles »; scan the receipt's or
// the order confirmation's QR, or type its number; take back so many of each
// line with a reason and « Remettre en rayon »; refund to the original
// tenders or as a credit note (« Avoir »), or exchange against the basket;
// then the return receipt question. A refund over the limit opens the
// manager's PIN prompt (ApprovalPrompt page object).

const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

export type ReturnReasonCode = 'damaged' | 'wrong-size' | 'changed-mind' | 'defective' | 'not-as-described';

/** What the « Retour enregistré » screen says was handed back. */
export interface ReturnDoneFigures {
  readonly receiptNumber: string;
  readonly cash: string | null;
  readonly card: string | null;
  readonly credit: string | null;
  readonly exchangeCredit: string | null;
}

export class ReturnsPage {
  constructor(
    readonly page: Page,
    private readonly screensDir?: string,
  ) {}

  private get panel() {
    return this.page.getByTestId('return-panel');
  }

  /** F4, as the cashier presses it on the till screen. */
  async open(): Promise<void> {
    await this.page.keyboard.press('F4');
    await this.panel.waitFor();
    await this.page.getByTestId('return-find-input').waitFor();
  }

  isOpen(): Promise<boolean> {
    return this.panel.isVisible();
  }

  /** Types a receipt number, order number or the text under a QR code, then « Chercher ». */
  async typeNumber(text: string): Promise<void> {
    const field = this.page.getByTestId('return-find-input');
    await field.fill(text);
    await field.press('Enter');
    await this.waitForLinesOrProblem();
  }

  /**
   * Scans a code with the till's scanner (`scan` drives the scanner device,
   * e.g. the serial scanner simulator) while the return window is open.
   */
  async scanCode(scan: () => Promise<void>): Promise<void> {
    await scan();
    await this.waitForLinesOrProblem();
  }

  private async waitForLinesOrProblem(): Promise<void> {
    await this.page
      .getByTestId('return-lines')
      .or(this.page.getByTestId('return-problem'))
      .first()
      .waitFor({ timeout: 15_000 });
  }

  /** « Ticket PAR01-01-000004 » or « Commande en ligne WEB-1 · Signature vérifiée ». */
  async source(): Promise<string> {
    return plain(await this.page.getByTestId('return-source').textContent());
  }

  async problem(): Promise<string | null> {
    const problem = this.page.getByTestId('return-problem');
    return (await problem.count()) === 0 ? null : plain(await problem.textContent());
  }

  /** Each line of the sale or order: "name price | bought | taken back". */
  async lines(): Promise<string[]> {
    return this.page.getByTestId('return-line').evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')]
          .slice(0, 3)
          .map((cell) =>
            (cell.textContent ?? '')
              .replace(/[\u00a0\u202f]/g, ' ')
              .replace(/[−+]/g, '')
              .trim(),
          )
          .join(' | '),
      ),
    );
  }

  private line(name: string) {
    return this.page.getByTestId('return-line').filter({ hasText: name });
  }

  /** Takes back `quantity` units of the line named `name` (+ pressed that many times). */
  async take(name: string, quantity: number): Promise<void> {
    const line = this.line(name);
    for (let i = 0; i < quantity; i++) await line.getByTestId('return-line-more').click();
    await expect
      .poll(async () => line.getByTestId('return-line-quantity').textContent())
      .toBe(String(quantity));
  }

  /** Whether + is still allowed on the line (false: nothing more left to take back). */
  async canTakeMore(name: string): Promise<boolean> {
    return this.line(name).getByTestId('return-line-more').isEnabled();
  }

  async reason(name: string, reason: ReturnReasonCode): Promise<void> {
    await this.line(name).getByTestId('return-line-reason').selectOption(reason);
  }

  async restock(name: string, back: boolean): Promise<void> {
    await this.line(name).getByTestId('return-line-restock').setChecked(back);
  }

  async restocks(name: string): Promise<boolean> {
    return this.line(name).getByTestId('return-line-restock').isChecked();
  }

  /** « Moyens de paiement d'origine » or « Avoir ». */
  async refundTo(to: 'original' | 'store-credit'): Promise<void> {
    await this.page.getByTestId(to === 'original' ? 'refund-to-original' : 'refund-to-credit').check();
  }

  /** « À rembourser » as shown. */
  async total(): Promise<string> {
    return plain(await this.page.getByTestId('return-total').textContent());
  }

  /** « Panier de l'échange : … » when new articles wait in the basket, else null. */
  async exchangeBasket(): Promise<string | null> {
    const basket = this.page.getByTestId('return-exchange-basket');
    return (await basket.count()) === 0 ? null : plain(await basket.textContent());
  }

  /** « Rembourser »: an approval or the card terminal may come next. */
  async refund(): Promise<void> {
    await this.page.getByTestId('return-confirm').click();
  }

  /** « Échanger contre le panier »: the basket scanned before is paid with the returned articles' credit. */
  async exchange(): Promise<void> {
    await this.page.getByTestId('return-exchange').click();
  }

  async waitDone(timeout = 30_000): Promise<ReturnDoneFigures> {
    await this.page.getByTestId('return-done').waitFor({ timeout });
    const figure = async (testId: string) => {
      const element = this.page.getByTestId(testId);
      return (await element.count()) === 0 ? null : plain(await element.textContent());
    };
    return {
      receiptNumber: plain(await this.page.getByTestId('return-receipt-number').textContent()),
      cash: await figure('return-cash-out'),
      card: await figure('return-card-out'),
      credit: await figure('return-credit'),
      exchangeCredit: await figure('return-exchange-credit'),
    };
  }

  /** The customer's answer to « Ticket de retour ? ». */
  async receipt(choice: 'paper' | 'qr' | 'none'): Promise<void> {
    await this.page.getByTestId(`return-receipt-${choice}`).click();
    await this.page.getByTestId('return-receipt-choice').waitFor({ state: 'detached' });
  }

  /** The same answer on the keyboard: P, Q or N, as the buttons say. */
  async receiptKey(key: 'p' | 'q' | 'n'): Promise<void> {
    await this.page.keyboard.press(key);
    await this.page.getByTestId('return-receipt-choice').waitFor({ state: 'detached' });
  }

  /** The return receipt as the till shows it (the same text goes to the printer). */
  async receiptText(): Promise<string> {
    return plain(await this.page.getByTestId('return-receipt-text').textContent());
  }

  /** « Annuler »: back to the till screen. */
  async close(): Promise<void> {
    await this.page.getByTestId('return-panel-cancel').click();
    await this.panel.waitFor({ state: 'detached' });
  }

  // ---- the double-returns banner (ReturnIncidents), shown to a supervisor or manager

  private get incidents() {
    return this.page.getByTestId('return-incidents');
  }

  async waitForIncidents(timeout = 30_000): Promise<void> {
    await this.incidents.waitFor({ timeout });
  }

  async incidentsShown(): Promise<number> {
    return this.page.getByTestId('return-incident').count();
  }

  async incidentText(): Promise<string> {
    return plain(await this.incidents.innerText());
  }

  async markIncidentSeen(): Promise<void> {
    await this.page.getByTestId('return-incident-seen').first().click();
  }

  /** docs/screens/cashier-returns-<state>-<w>x<h>.png at both till sizes, when screenshots are asked for. */
  async screenshot(state: string): Promise<void> {
    if (!this.screensDir) return;
    const original = this.page.viewportSize();
    for (const size of [
      { width: 1024, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await this.page.setViewportSize(size);
      await this.page.screenshot({
        path: `${this.screensDir}/cashier-returns-${state}-${size.width}x${size.height}.png`,
      });
    }
    if (original) await this.page.setViewportSize(original);
  }
}
