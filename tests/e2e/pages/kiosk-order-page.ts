import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { plain } from './kiosk-page';

// The customer's steps through an order at the kiosk: find, product, cart,
// delivery or pickup, contact, pay, confirmation.

export interface Address {
  readonly name: string;
  readonly street: string;
  readonly postcode: string;
  readonly city: string;
}

export interface Contact {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
}

export class KioskOrderPage {
  constructor(readonly page: Page) {}

  async openCategory(name: string): Promise<void> {
    await this.page.locator(`[data-testid=kiosk-category][data-category="${name}"]`).click();
    await this.page.getByTestId('kiosk-result').first().waitFor();
  }

  async categoryNames(): Promise<string[]> {
    return (await this.page.getByTestId('kiosk-category').allTextContents()).map(plain);
  }

  /** Types on the kiosk's own keyboard, key by key, as a customer does: a capital is the shift key, then the letter. */
  async typeOnScreenKeyboard(text: string): Promise<void> {
    const keyboard = this.page.getByTestId('kiosk-keyboard');
    for (const char of text) {
      const lower = char.toLowerCase();
      if (lower !== char) await keyboard.locator('[data-key="shift"]').click();
      const key = char === ' ' ? 'space' : lower;
      await keyboard.locator(`[data-key="${key}"]`).click();
    }
  }

  /** 'text' (letters, accents, digits) or 'digits' (the pad shown for a postcode or a phone). */
  keyboardLayout(): Promise<string | null> {
    return this.page.getByTestId('kiosk-keyboard').getAttribute('data-layout');
  }

  async searchFor(text: string): Promise<void> {
    await this.page.getByTestId('kiosk-search').click();
    await this.typeOnScreenKeyboard(text.toLowerCase());
    await expect.poll(() => this.page.getByTestId('kiosk-search').inputValue()).toBe(text.toLowerCase());
  }

  async resultNames(): Promise<string[]> {
    await this.page.getByTestId('kiosk-result').first().waitFor({ timeout: 10_000 });
    return (
      await this.page.locator('[data-testid=kiosk-result] .kiosk-product-tile-name').allTextContents()
    ).map(plain);
  }

  async openResult(productId: string): Promise<void> {
    await this.page.locator(`[data-testid=kiosk-result][data-product-id="${productId}"]`).click();
    await this.page.getByTestId('kiosk-product').waitFor();
  }

  async productName(): Promise<string> {
    await this.page.getByTestId('kiosk-product').waitFor();
    return plain(await this.page.getByTestId('kiosk-product-name').textContent());
  }

  async productPrice(): Promise<string> {
    return plain(await this.page.getByTestId('kiosk-product-price').textContent());
  }

  async unitPrice(): Promise<string> {
    return plain(await this.page.getByTestId('kiosk-unit-price').textContent());
  }

  /** Each place: "where | how many | age [| ready]". */
  async availability(): Promise<string[]> {
    await this.page.getByTestId('kiosk-place').first().waitFor({ timeout: 30_000 });
    const rows = await this.page.getByTestId('kiosk-place').all();
    return Promise.all(
      rows.map(async (row) => (await row.locator('span').allTextContents()).map(plain).join(' | ')),
    );
  }

  async addToCart(quantity = 1): Promise<void> {
    for (let i = 1; i < quantity; i++)
      await this.page.locator('.kiosk-add .kiosk-step-button').nth(1).click();
    await this.page.getByTestId('kiosk-add-to-cart').click();
    await this.page.getByTestId('kiosk-cart').waitFor();
  }

  /** Each line: "name | quantity | total". */
  async cartLines(): Promise<string[]> {
    const rows = await this.page.getByTestId('kiosk-cart-line').all();
    return Promise.all(
      rows.map(async (row) =>
        [
          plain(await row.getByTestId('kiosk-cart-line-name').textContent()),
          plain(await row.getByTestId('kiosk-cart-quantity').textContent()),
          plain(await row.getByTestId('kiosk-cart-line-total').textContent()),
        ].join(' | '),
      ),
    );
  }

  async oneMore(line = 0): Promise<void> {
    await this.page.getByTestId('kiosk-cart-more').nth(line).click();
  }

  async total(): Promise<string> {
    return plain(await this.page.getByTestId('kiosk-total').textContent());
  }

  async vat(): Promise<string[]> {
    return (await this.page.getByTestId('kiosk-vat').allTextContents()).map(plain);
  }

  /** What the cart says delivery and pickup cost. */
  async deliveryTerms(): Promise<string> {
    return plain(await this.page.getByTestId('kiosk-cart-delivery-terms').textContent());
  }

  async checkout(): Promise<void> {
    await this.page.getByTestId('kiosk-checkout').click();
    await this.page.getByTestId('kiosk-delivery').waitFor();
  }

  async deliverTo(address: Address): Promise<void> {
    await this.page.getByTestId('kiosk-choose-delivery').click();
    for (const [field, value] of Object.entries(address))
      await this.page.getByTestId(`kiosk-address-${field}`).fill(value);
  }

  async confirmAddress(): Promise<void> {
    await this.page.getByTestId('kiosk-address-confirm').click();
  }

  async addressProblem(field: keyof Address): Promise<string> {
    return plain(await this.page.getByTestId(`kiosk-address-${field}-problem`).textContent());
  }

  /** The towns offered when the town typed is not one the postal code serves. */
  async townChoices(): Promise<string[]> {
    await this.page.getByTestId('kiosk-address-towns').waitFor();
    return (await this.page.getByTestId('kiosk-address-town').allTextContents()).map(plain);
  }

  /** Touches one of the towns offered: the address is checked again with it. */
  async chooseTown(name: string): Promise<void> {
    await this.page.getByTestId('kiosk-address-town').filter({ hasText: name }).click();
  }

  async changeAddressField(field: keyof Address, value: string): Promise<void> {
    await this.page.getByTestId(`kiosk-address-${field}`).fill(value);
  }

  async deliveryFee(): Promise<string> {
    return plain(await this.page.getByTestId('kiosk-delivery-fee').textContent());
  }

  async pickUpIn(storeCode: string): Promise<void> {
    await this.page.getByTestId('kiosk-choose-pickup').click();
    await this.page.locator(`[data-testid=kiosk-pickup-store][data-store="${storeCode}"]`).click();
    await this.page.getByTestId('kiosk-pickup-date').waitFor();
  }

  async confirmPickup(): Promise<void> {
    await this.page.getByTestId('kiosk-pickup-confirm').click();
  }

  async giveContact(contact: Contact, consent = true): Promise<void> {
    await this.page.getByTestId('kiosk-contact').waitFor();
    await this.page.getByTestId('kiosk-contact-name').fill(contact.name);
    if (contact.email) await this.page.getByTestId('kiosk-contact-email').fill(contact.email);
    if (contact.phone) await this.page.getByTestId('kiosk-contact-phone').fill(contact.phone);
    if (consent) await this.page.getByTestId('kiosk-contact-consent').check();
  }

  async confirmContact(): Promise<void> {
    await this.page.getByTestId('kiosk-contact-confirm').click();
  }

  async payByCard(): Promise<void> {
    await this.page.getByTestId('kiosk-pay').waitFor();
    await this.page.getByTestId('kiosk-pay-card').click();
  }

  async payAtTill(): Promise<void> {
    await this.page.getByTestId('kiosk-pay').waitFor();
    await this.page.getByTestId('kiosk-pay-till').click();
  }

  /** The kiosk asking the terminal about a payment whose answer was lost; false if it settled too quickly to see. */
  async seesPaymentChecked(timeout = 20_000): Promise<boolean> {
    return this.page
      .getByTestId('kiosk-payment-checking')
      .waitFor({ timeout })
      .then(() => true)
      .catch(() => false);
  }

  async waitForConfirmation(): Promise<string> {
    await this.page.getByTestId('kiosk-done').waitFor({ timeout: 60_000 });
    return plain(await this.page.getByTestId('kiosk-order-number').textContent());
  }

  async confirmationText(): Promise<string> {
    return plain(await this.page.getByTestId('kiosk-done').textContent());
  }

  /** Asks for the receipt by e-mail; the words the kiosk answers with. */
  async emailReceipt(): Promise<string> {
    const status = this.page.getByTestId('kiosk-receipt-status');
    const before = await status.textContent();
    await this.page.getByTestId('kiosk-receipt-email').click();
    // The words change once the server took it (or the kiosk kept it): not while it is being handed over.
    await expect
      .poll(
        async () => {
          const now = (await status.textContent()) ?? '';
          return now !== '' && now !== before;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    return plain(await status.textContent());
  }

  async printReceipt(): Promise<string> {
    await this.page.getByTestId('kiosk-receipt-print').click();
    await expect
      .poll(() => this.page.getByTestId('kiosk-receipt-status').textContent(), { timeout: 20_000 })
      .not.toMatch(/^Impression|^$/);
    return plain(await this.page.getByTestId('kiosk-receipt-status').textContent());
  }

  async finish(): Promise<void> {
    await this.page.getByTestId('kiosk-finish').click();
    await this.page.getByTestId('kiosk-start').waitFor();
  }
}
