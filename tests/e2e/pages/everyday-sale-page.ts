import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { chooseTillFunction } from './till-functions';

// The everyday sale on the cashier screen (src/apps/cashier/sale): quantities,
// price changes, discounts, quick keys and parked sales, as the cashier does
// them with the scan field, the keyboard, the sale pad and the dialogs.

/** French money formatting puts narrow and no-break spaces before "€": plain spaces read better in tests. */
const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

export class EverydaySalePage {
  constructor(readonly page: Page) {}

  private id(testId: string) {
    return this.page.getByTestId(testId);
  }

  /** Types into the scan field without submitting it ("3*"). */
  async typeInScanField(text: string): Promise<void> {
    await this.id('barcode-input').click();
    await this.page.keyboard.type(text);
  }

  pendingQuantity(): Promise<string> {
    return this.id('pending-quantity').textContent().then(plain);
  }

  /** Each basket line as "name | quantity | amount". */
  async lines(): Promise<string[]> {
    const rows = await this.id('cart-line').all();
    return Promise.all(
      rows.map(async (row) =>
        [
          plain(await row.locator('.line-name').textContent()),
          plain(await row.locator('.line-quantity').textContent()),
          plain(await row.locator('.line-amount').first().textContent()),
        ].join(' | '),
      ),
    );
  }

  /** What is written under a line (promotions, discount, changed price). */
  async lineDetails(index: number): Promise<string[]> {
    const details = await this.id('cart-line').nth(index).getByTestId('line-details').locator('li').all();
    return Promise.all(
      details.map(async (li) => (await li.locator('span').allTextContents()).map(plain).join(' ')),
    );
  }

  async selectLine(index: number): Promise<void> {
    await this.id('cart-line').nth(index).locator('.line-select').click();
  }

  /** + or − from the keyboard, the scan field empty: it acts on the line. */
  async pressOnLine(key: '+' | '-'): Promise<void> {
    await this.id('barcode-input').focus();
    await this.page.keyboard.press(key === '+' ? 'NumpadAdd' : 'NumpadSubtract');
  }

  /** Digits on the sale pad, then "×" (the next item's quantity) or "Qté" (the line's). */
  async padQuantity(digits: string, then: 'times' | 'line'): Promise<void> {
    for (const digit of digits) await this.id(`sale-pad-keys-key-${digit}`).click();
    await this.id(then === 'times' ? 'sale-pad-times' : 'sale-pad-line-quantity').click();
  }

  /** Cents typed on the keyboard into an amount field; the keyboard-wedge listener hands them over a moment later. */
  private async typeAmount(testId: string, cents: string): Promise<void> {
    await this.id(testId).focus();
    await this.page.keyboard.type(cents);
    await expect.poll(() => this.id(testId).getAttribute('data-minor')).toBe(String(Number(cents)));
  }

  async openPrice(): Promise<void> {
    await this.id('line-price').click();
    await this.id('price-dialog').waitFor();
  }

  /** The new price typed in cents, as on a cash register ("650" is 6,50 €), and a reason. */
  async changePrice(cents: string, reason: string): Promise<void> {
    await this.typeAmount('price-amount', cents);
    await this.id(`price-reason-${reason}`).click();
    await this.id('price-apply').click();
  }

  async openLineDiscount(): Promise<void> {
    await this.id('line-discount-open').click();
    await this.id('discount-dialog').waitFor();
  }

  async openBasketDiscount(): Promise<void> {
    await this.page.keyboard.press('F7');
    await this.id('discount-dialog').waitFor();
  }

  async discountPercent(percent: string, reason: string): Promise<void> {
    await this.id('discount-kind-percentage').click();
    for (const digit of percent) await this.id(`discount-percent-pad-key-${digit}`).click();
    await this.id(`discount-reason-${reason}`).click();
  }

  async discountAmount(cents: string, reason: string, note = ''): Promise<void> {
    await this.id('discount-kind-amount').click();
    await this.typeAmount('discount-amount', cents);
    await this.id(`discount-reason-${reason}`).click();
    if (note) await this.id('discount-reason-note').fill(note);
  }

  async applyDiscount(): Promise<void> {
    await this.id('discount-apply').click();
    await this.id('discount-dialog').waitFor({ state: 'detached' });
  }

  /** A supervisor's PIN in the approval prompt. */
  async approveWith(pin: string): Promise<void> {
    await this.id('approval-prompt').waitFor();
    await this.id('approval-pin').fill(pin);
    await this.id('approval-pin-submit').click();
    const gone = await this.id('approval-prompt')
      .waitFor({ state: 'detached', timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (!gone)
      throw new Error(`approval still open: ${plain(await this.id('approval-prompt').textContent())}`);
  }

  approvalRequest(): Promise<string> {
    return this.id('approval-prompt').textContent().then(plain);
  }

  async openQuickKeys(): Promise<void> {
    await this.page.keyboard.press('F10');
    await this.id('quick-keys').waitFor();
  }

  async pressQuickKey(productId: string): Promise<void> {
    await this.id(`quick-key-${productId}`).click();
  }

  /** The weight asked for an item sold by weight, typed in grams. */
  async weigh(grams: string): Promise<void> {
    await this.id('weigh-dialog').waitFor();
    for (const digit of grams) await this.id(`weigh-pad-key-${digit}`).click();
    await this.id('weigh-pad-enter').click();
    await this.id('weigh-dialog').waitFor({ state: 'detached' });
  }

  async park(): Promise<void> {
    await this.page.keyboard.press('F8');
  }

  async openParkedSales(): Promise<void> {
    await chooseTillFunction(this.page, 'parked');
    await this.id('parked-sales').waitFor();
  }

  async parkedRows(): Promise<string[]> {
    return (await this.id('parked-list-row').allTextContents()).map(plain);
  }

  async resumeSelected(): Promise<void> {
    await this.id('parked-resume').click();
    await this.id('parked-sales').waitFor({ state: 'detached' });
  }

  async closeDialog(testId: string): Promise<void> {
    await this.id(`${testId}-cancel`).click();
    await this.id(testId).waitFor({ state: 'detached' });
  }

  async expectProblem(words: string): Promise<void> {
    await expect.poll(async () => plain(await this.id('lookup-error').textContent())).toContain(words);
  }
}
