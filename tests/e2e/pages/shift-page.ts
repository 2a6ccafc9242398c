import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// The till's shift screens as the cashier uses them: "open the till" with
// the float counted by denomination, the "Drawer and reports" menu (F9),
// cash in / cash out, the X report, the close with the drawer counted, and
// the Z report with its reconciliation. Counts are given as
// { <value in cents>: <pieces> }, e.g. { 2000: 5 } for five 20 € notes.

export type Pieces = Readonly<Record<number, number>>;

const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

export class ShiftPage {
  constructor(readonly page: Page) {}

  /** After signing in with no shift open: counts the float and opens the till. */
  async open({ float }: { readonly float: Pieces }): Promise<void> {
    await this.page.getByTestId('open-shift').waitFor();
    await this.count('float', float);
    await this.page.getByTestId('open-shift-submit').click();
    await this.page.getByTestId('barcode-input').waitFor();
  }

  /** Types each denomination's pieces into the counter `prefix` ("float" or "drawer"). */
  async count(prefix: 'float' | 'drawer', pieces: Pieces): Promise<void> {
    for (const [value, count] of Object.entries(pieces)) {
      await this.page.getByTestId(`${prefix}-${value}`).fill(String(count));
    }
  }

  /** Whether the till says it was left open from an earlier business day ("Caisse restée ouverte"). */
  async saysLeftOpen(): Promise<boolean> {
    return (await this.page.getByTestId('shift-recovered').count()) > 0;
  }

  async floatTotal(): Promise<string> {
    return plain(await this.page.getByTestId('float-total').textContent());
  }

  /** The till menu's "Drawer and reports" entry, by its F-key as a cashier would. */
  async openMenu(): Promise<void> {
    await this.page.keyboard.press('F9');
    await this.page.getByTestId('shift-menu').waitFor();
  }

  async cashOut(amount: string, reason: string): Promise<void> {
    await this.cashMovement('cash-out', amount, reason);
  }

  async cashIn(amount: string, reason: string): Promise<void> {
    await this.cashMovement('cash-in', amount, reason);
  }

  /** Opens the dialog (menu → cash in/out), types the amount ("12,50") and reason, confirms. */
  async cashMovement(
    which: 'cash-in' | 'cash-out',
    amount: string,
    reason: string,
    screenshot?: () => Promise<void>,
  ) {
    await this.openMenu();
    await this.page.getByTestId(`shift-menu-${which}`).click();
    await this.page.getByTestId('cash-movement').waitFor();
    await this.page.getByTestId('cash-movement-amount').fill(amount);
    await this.page.getByTestId('cash-movement-reason').fill(reason);
    await screenshot?.();
    await this.page.getByTestId('cash-movement-submit').click();
    await this.page.getByTestId('cash-movement').waitFor({ state: 'detached' });
  }

  async xReport(): Promise<void> {
    await this.openMenu();
    await this.page.getByTestId('shift-menu-x-report').click();
    await this.page.getByTestId('shift-report-X').waitFor();
  }

  /** A figure of the report on screen: "sales", "voids", "returns", "movements", "float", "discounts". */
  async reportFigure(name: string): Promise<string> {
    return plain(await this.page.getByTestId(`report-${name}`).textContent());
  }

  async refundedFor(tender: string): Promise<string> {
    return plain(await this.page.getByTestId(`report-tender-${tender}-refunded`).textContent());
  }

  async expectedFor(tender: string): Promise<string> {
    return plain(await this.page.getByTestId(`report-tender-${tender}-expected`).textContent());
  }

  async backToTill(): Promise<void> {
    await this.page.getByTestId('report-back').click();
    await this.page
      .getByTestId('shift-report-X')
      .or(this.page.getByTestId('shift-report-Z'))
      .waitFor({ state: 'detached' });
  }

  /** Menu → close: the close screen with the drawer counter. */
  async startClose(): Promise<void> {
    await this.openMenu();
    await this.page.getByTestId('shift-menu-close').click();
    await this.page.getByTestId('close-shift').waitFor();
  }

  /** Types what another tender's total came to ("63,40"). */
  async countedFor(tender: string, amount: string): Promise<void> {
    await this.page.getByTestId(`counted-${tender}`).fill(amount);
  }

  async difference(tender: string): Promise<string> {
    return plain(await this.page.getByTestId(`count-${tender}-difference`).textContent());
  }

  async submitClose(): Promise<void> {
    await this.page.getByTestId('close-shift-submit').click();
  }

  async zReport(): Promise<void> {
    await this.page.getByTestId('shift-report-Z').waitFor({ timeout: 20_000 });
  }

  /** Where the Z report stands against the server: checking, waiting, reconciled or differs. */
  reconciliationState(): Promise<string | null> {
    return this.page.getByTestId('reconciliation').getAttribute('data-state');
  }

  async waitForReconciled(timeout = 30_000): Promise<void> {
    await expect.poll(() => this.reconciliationState(), { timeout, interval: 500 }).toBe('reconciled');
  }
}
