import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// Preparing and handing over an order at the pickup desk: the checklist of
// lines (scanned / wanted, what is missing), the refusal of a wrong item, the
// customer's check (pickup code or the kind of ID), a partial handover's
// reason, the signature drawn on the canvas, the slip.

const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

export type IdDocument = 'national-id-card' | 'passport' | 'driving-licence' | 'residence-permit' | 'other';
export type RemainderReason =
  | 'missing-in-store'
  | 'damaged'
  | 'customer-comes-back'
  | 'customer-refused'
  | 'other';

export class PickupFlowPage {
  constructor(readonly page: Page) {}

  /** The checklist as "name: counted / wanted" words per line. */
  async checklist(): Promise<string[]> {
    return (await this.page.getByTestId('pickup-checklist').locator('li').allTextContents()).map(plain);
  }

  /** Waits until the checklist line `lineId` reads `counted / wanted`. */
  async waitCounted(lineId: string, counted: number, wanted: number): Promise<void> {
    await expect
      .poll(async () => plain(await this.page.getByTestId(`pickup-item-${lineId}`).textContent()), {
        timeout: 10_000,
      })
      .toContain(`${counted} / ${wanted}`);
  }

  async prepareProblem(): Promise<string> {
    return plain(await this.page.getByTestId('pickup-prepare-problem').textContent());
  }

  async handoverProblem(): Promise<string> {
    return plain(await this.page.getByTestId('pickup-handover-problem').textContent());
  }

  async markReady(): Promise<void> {
    await this.page.getByTestId('pickup-mark-ready').click();
    await expect
      .poll(async () => plain(await this.page.getByTestId('pickup-prepare-message').textContent()))
      .toContain('prête');
  }

  /** The customer's check by the kind of ID shown. */
  async idChecked(document: IdDocument): Promise<void> {
    await this.page.getByTestId(`pickup-id-${document}`).click();
    await this.page.getByTestId('pickup-checklist').waitFor();
  }

  async step(): Promise<'identify' | 'items' | 'sign' | 'done' | 'refused'> {
    if (await this.page.getByTestId('pickup-done').isVisible()) return 'done';
    if (await this.page.getByTestId('pickup-signature-pad').isVisible()) return 'sign';
    if (await this.page.getByTestId('pickup-checklist').isVisible()) return 'items';
    if (await this.page.getByTestId('pickup-code-input').isVisible()) return 'identify';
    return 'refused';
  }

  async reason(reason: RemainderReason): Promise<void> {
    await this.page.getByTestId(`pickup-reason-${reason}`).click();
  }

  async toSignature(): Promise<void> {
    await this.page.getByTestId('pickup-to-signature').click();
    await this.page.getByTestId('pickup-signature-pad').waitFor();
  }

  /** Draws a signature on the canvas with the pointer, as a finger would. */
  async sign(): Promise<void> {
    const box = await this.page.getByTestId('pickup-signature-pad').boundingBox();
    if (!box) throw new Error('no signature pad');
    const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
    await this.page.mouse.move(...at(0.1, 0.6));
    await this.page.mouse.down();
    for (const [fx, fy] of [
      [0.2, 0.3],
      [0.3, 0.7],
      [0.4, 0.35],
      [0.5, 0.65],
      [0.65, 0.4],
      [0.8, 0.55],
    ] as const) {
      await this.page.mouse.move(...at(fx, fy), { steps: 4 });
    }
    await this.page.mouse.up();
    await expect
      .poll(async () => plain(await this.page.getByTestId('pickup-signature-status').textContent()))
      .not.toBe('');
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('pickup-confirm').click();
    await this.page.getByTestId('pickup-done').waitFor({ timeout: 15_000 });
  }

  async printSlip(): Promise<string> {
    await this.page.getByTestId('pickup-print').click();
    const status = this.page.getByTestId('pickup-print-status');
    await status.waitFor({ timeout: 15_000 });
    return plain(await status.textContent());
  }

  async next(): Promise<void> {
    await this.page.getByTestId('pickup-next').click();
    await this.page.getByTestId('pickup-find-input').waitFor();
  }

  // ---- paid at pickup (PayPanel)
  /** "À payer au retrait : …" while the order is due, else empty. */
  async amountDue(): Promise<string> {
    const due = this.page.getByTestId('pickup-pay-due');
    return (await due.isVisible()) ? plain(await due.textContent()) : '';
  }

  async payAtTill(): Promise<string> {
    await this.page.getByTestId('pickup-pay-till').click();
    await this.page.getByTestId('pickup-pay-code').waitFor();
    return plain(await this.page.getByTestId('pickup-pay-code').textContent());
  }

  async backToPayChoice(): Promise<void> {
    await this.page.getByTestId('pickup-pay-back').click();
    await this.page.getByTestId('pickup-pay-card').waitFor();
  }

  /** Pays by card on the desk's terminal and waits for the words that say it is paid. */
  async payByCard(): Promise<string> {
    await this.page.getByTestId('pickup-pay-card').click();
    const paid = this.page.getByTestId('pickup-pay-paid');
    await paid.waitFor({ timeout: 30_000 });
    return plain(await paid.textContent());
  }

  async toSignatureEnabled(): Promise<boolean> {
    return this.page.getByTestId('pickup-to-signature').isEnabled();
  }

  // ---- refused at the desk, the slip by e-mail
  /** One more scanned piece of `lineId` refused by the customer. */
  async refuseOne(lineId: string): Promise<void> {
    await this.page.getByTestId(`pickup-refuse-${lineId}`).click();
    await this.page.getByTestId(`pickup-refused-${lineId}`).waitFor();
  }

  /** What became of the refused pieces' return, in words. */
  async refusedReturn(): Promise<string> {
    const words = this.page.getByTestId('pickup-refused-return');
    await words.waitFor({ timeout: 30_000 });
    return plain(await words.textContent());
  }

  async mailSlip(): Promise<string> {
    await this.page.getByTestId('pickup-mail').click();
    const status = this.page.getByTestId('pickup-mail-status');
    await status.waitFor({ timeout: 15_000 });
    return plain(await status.textContent());
  }
}
