import { mkdirSync } from 'node:fs';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDemoPairingCodes } from '../../scripts/lib/demo-enrolment';
import { type JournalEntry, receiptNumberOf } from '../../src/core/journal/journal-entry';
import type { CompletedSale } from '../../src/core/sale';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { launchChromium } from '../support/browser';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres';
import {
  startHardwareAgent,
  startSyncServer,
  startTestDevices,
  stopAll,
  TEST_ADMIN_TOKEN,
} from '../support/processes';
import { CashierPage } from './pages/cashier-page';
import { ShiftPage } from './pages/shift-page';
import { SignInPage } from './pages/sign-in-page';
import { TillLayoutPage } from './pages/till-layout-page';

// The touch kit through the cashier's real screens (issue 12, UI foundation):
// sign in on the PIN pad, a long basket whose last line stays in view, the
// function keys and their list (a modal dialog), a toast, and cash typed in
// cents on the amount keypad, checked against the sale the server stored.
// Every state is checked for layout at 1024×768 and 1920×1080 (no page
// scroll, no overlap, targets of 44 px, words that fit) and by axe-core.
// TILL_SCREENSHOTS=docs/screens saves cashier-layout-<state>-<w>x<h>.png.

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
] as const;

describe('the touch kit on the cashier screens', () => {
  let database: ScratchDatabase;
  let browser: Browser;
  let page: Page;
  let cashier: CashierPage;
  let signIn: SignInPage;
  let till: TillLayoutPage;
  const screens = process.env.TILL_SCREENSHOTS;
  const pageErrors: string[] = [];
  const products = generateFrenchCatalog().filter((p) => p.unit === 'piece');
  const product = (i: number) => {
    const found = products[i];
    if (!found) throw new Error('demo catalog too small');
    return found;
  };

  /** Layout checks at both sizes, then back to 1024×768; the screenshots when asked. */
  async function atBothSizes(state: string, more?: () => Promise<void>): Promise<void> {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
      expect(await till.layoutProblems(), `${state} at ${size.width}×${size.height}`).toEqual([]);
      await more?.();
      if (screens)
        await page.screenshot({
          path: `${screens}/cashier-layout-${state}-${size.width}x${size.height}.png`,
        });
    }
    await page.setViewportSize(SIZES[0]);
  }

  const serverSale = async (receiptNumber: string): Promise<CompletedSale | undefined> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const rows = await client.query<{ doc: JournalEntry }>(
        "SELECT doc FROM sync_documents WHERE collection = 'journal' AND doc->>'kind' = 'sale.completed'",
      );
      return rows.rows.map((r) => r.doc).find((entry) => receiptNumberOf(entry) === receiptNumber)?.payload as
        | CompletedSale
        | undefined;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    if (screens) mkdirSync(screens, { recursive: true });
    const started = await startTestDevices();
    database = await createScratchDatabase('touch_kit');
    const sync = await startSyncServer({ databaseUrl: database.url });
    const pairingCodes = JSON.stringify(await issueDemoPairingCodes(sync.url, TEST_ADMIN_TOKEN, 'PAR01'));
    const agent = await startHardwareAgent({ syncUrl: sync.url, pairingCodes, devices: started.configPath });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: SIZES[0] });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    cashier = new CashierPage(page);
    signIn = new SignInPage(page);
    till = new TillLayoutPage(page);
    await cashier.open(agent.url);
  });

  afterAll(async () => {
    await browser?.close();
    await stopAll();
    await database?.drop();
  });

  it('signs in on the PIN pad: dots only, keyboard and touch, a wrong PIN cleared and said', async () => {
    await signIn.waitForIt();
    expect(await signIn.fieldHasFocus()).toBe(true);
    expect(await signIn.fieldType()).toBe('password');
    await signIn.typePin('0000');
    expect(await signIn.dots()).toBe(4);
    await cashier.expectAccessible();
    await atBothSizes('sign-in');
    await signIn.submitWithEnter();
    // Said once the PIN is checked (PBKDF2 against each person's hash), with the tries left before a lock-out.
    await expect.poll(() => signIn.error()).toMatch(/^Code PIN incorrect/);
    expect(await signIn.dots()).toBe(0);
    expect(await signIn.fieldHasFocus()).toBe(true);
    await cashier.expectAccessible();
    // On the pad: a wrong digit taken back, then the PIN; the field keeps the focus.
    await signIn.touchPin('129');
    await signIn.touchBackspace();
    await signIn.touchPin('34');
    expect(await signIn.dots()).toBe(4);
    expect(await signIn.fieldHasFocus()).toBe(true);
    await signIn.submitWithPad();
    await page.getByTestId('cashier-name').waitFor();
    // The till opens with its float counted before the first sale.
    await new ShiftPage(page).open({ float: { 1000: 10 } });
  });

  it('an empty basket: the scan field has the focus, the pay button waits', async () => {
    expect(await till.focused()).toBe('barcode-input');
    expect(await page.getByTestId('start-payment').isDisabled()).toBe(true);
    const buttons = await till.menuButtons();
    expect(buttons.slice(0, 1)).toEqual(['Toutes les fonctionsF1']);
    expect(buttons).toContain('Annuler la dernière ligneF6');
    await cashier.expectAccessible();
    await atBothSizes('empty-basket', async () => {
      // The row shows whole buttons only, « Toutes les fonctions » first.
      const row = await till.menuRow();
      expect(row.shown[0]).toBe('functions');
      expect(row.allWhole).toBe(true);
    });
    // At 1024 px the row cannot hold every function: those it leaves out are one F1 away.
    const row = await till.menuRow();
    expect(row.leftOut.length).toBeGreaterThan(0);
    await till.openFunctionsWithF1();
    expect(await till.functionIds()).toEqual(expect.arrayContaining(row.leftOut));
    await till.pressKey('Escape');
    await till.functionsDialog().waitFor({ state: 'detached' });
  });

  it('a long basket scrolls in its pane; the last scanned line is highlighted and in view at both sizes', async () => {
    for (let i = 0; i < 24; i++) await cashier.scan(product(i).barcode);
    expect(await till.basketScrolls()).toBe(true);
    expect(await till.lastLine()).toEqual({ name: product(23).name, inView: true, count: 1 });
    expect(await page.getByTestId('article-count').textContent()).toBe('24 articles');
    await cashier.expectAccessible();
    await atBothSizes('basket-many-lines', async () => {
      expect(await till.lastLine()).toEqual({ name: product(23).name, inView: true, count: 1 });
    });
    // The cashier scrolls the pane back to the top; the next scan brings the new line into view.
    await page.locator('.cart-pane').evaluate((pane) => pane.scrollTo(0, 0));
    await cashier.scan(product(24).barcode);
    await expect.poll(() => till.lastLine()).toEqual({ name: product(24).name, inView: true, count: 1 });
  });

  it('F6 voids the last line and says so in a toast that goes by itself', async () => {
    await till.pressKey('F6');
    await expect.poll(() => cashier.cartLines()).toBe(24);
    expect(await till.toasts()).toEqual([{ kind: 'info', text: `Article annulé : ${product(24).name}` }]);
    expect(await till.toastRegion(product(24).name)).toBe('status');
    expect(await till.lastLine()).toEqual({ name: product(23).name, inView: true, count: 1 });
    await cashier.expectAccessible();
    await atBothSizes('toast');
    await expect.poll(() => till.toasts(), { timeout: 10_000 }).toEqual([]);
  });

  it('F1 lists every function in a modal dialog: focus inside, arrows and letters, Escape gives the focus back', async () => {
    await page.getByTestId('barcode-input').focus();
    await till.openFunctionsWithF1();
    expect(await till.focusIsInDialog()).toBe(true);
    expect(await till.focused()).toBe('functions-list');
    expect(await till.selectedFunction()).toContain('Annuler la dernière ligne');
    // Tab and Shift+Tab stay in the dialog.
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await till.pressKey(key);
      expect(await till.focusIsInDialog(), key).toBe(true);
    }
    // The function keys of the screen are off while the dialog is open.
    await till.pressKey('F6');
    expect(await cashier.cartLines()).toBe(24);
    await page.getByTestId('functions-list').focus();
    await cashier.expectAccessible();
    await atBothSizes('dialog-functions');
    await till.pressKey('Escape');
    await till.functionsDialog().waitFor({ state: 'detached' });
    expect(await till.focused()).toBe('barcode-input');
    // Again, chosen by its first letter and Enter: the function runs once the dialog is closed.
    await till.openFunctionsWithF1();
    await till.pressKey('End');
    await till.pressKey('a');
    expect(await till.selectedFunction()).toContain('Annuler la dernière ligne');
    await till.pressKey('Enter');
    await till.functionsDialog().waitFor({ state: 'detached' });
    await expect.poll(() => cashier.cartLines()).toBe(23);
    expect(await till.focused()).toBe('barcode-input');
    // Its toast is closed by hand, before it goes by itself.
    expect(await till.toasts()).toEqual([{ kind: 'info', text: `Article annulé : ${product(23).name}` }]);
    await till.dismissToast(product(23).name);
    expect(await till.toasts()).toEqual([]);
  });

  it('cash typed in cents on the keypad (touch and keys); the change on screen is the change the server holds', async () => {
    await till.pressKey('F12');
    await page.getByTestId('payment-panel').waitFor();
    expect(await till.focused()).toBe('cash-given');
    const dueText = await cashier.amountDue();
    const due = Number(dueText.replace(/\D/g, ''));
    // Touch: 2, 00 is 2,00 €; backspace takes a digit off; clear goes back to zero.
    await till.touchCashKeys('2', '00');
    expect(await till.cashShown()).toBe('2,00 €');
    await till.touchCashKeys('backspace');
    expect(await till.cashShown()).toBe('0,20 €');
    await till.touchCashKeys('clear');
    expect(await till.cashShown()).toBe('0,00 €');
    expect(await till.focused()).toBe('cash-given');
    // Keys, at a person's pace (a faster burst is a scanner's): the next round ten euros above what is due.
    const given = (Math.floor(due / 1_000) + 1) * 1_000;
    await till.typeAsPerson(String(given));
    const euros = `${Math.floor(given / 100)},${String(given % 100).padStart(2, '0')} €`;
    expect(await till.cashShown()).toBe(euros);
    await cashier.expectAccessible();
    await atBothSizes('payment-keypad');
    await till.touchCashEnter();
    const receiptNumber = await cashier.waitForSaleCompleted();
    const change = given - due;
    expect(await till.changeDue()).toBe(
      `${Math.floor(change / 100)},${String(change % 100).padStart(2, '0')} €`,
    );
    await cashier.expectAccessible();
    await atBothSizes('sale-completed');
    await expect.poll(() => cashier.pendingOutbox(), { timeout: 30_000 }).toBe('0');
    const recorded = await serverSale(receiptNumber);
    expect(recorded?.totals.total.minor).toBe(due);
    expect(
      recorded?.tenders.map((t) => [t.type, t.amount.minor, t.type === 'cash' ? t.given.minor : 0]),
    ).toEqual([['cash', due, given]]);
    expect(recorded?.change.minor).toBe(change);
  });

  it('a small sale shows the exact amount and every note above it; a note pays at once', async () => {
    const cheap = products.find((p, i) => i > 30 && p.priceMinor < 500);
    if (!cheap) throw new Error('no cheap product in the demo catalog');
    await cashier.scan(cheap.barcode);
    await till.pressKey('F12');
    await page.getByTestId('payment-panel').waitFor();
    const due = Number((await cashier.amountDue()).replace(/\D/g, ''));
    expect(await till.quickButtons()).toEqual(['Montant exact', '5 €', '10 €', '20 €', '50 €']);
    await cashier.expectAccessible();
    await atBothSizes('payment-notes');
    await page.getByTestId('pay-note-1000').click();
    const receiptNumber = await cashier.waitForSaleCompleted();
    const change = 1_000 - due;
    expect(await till.changeDue()).toBe(
      `${Math.floor(change / 100)},${String(change % 100).padStart(2, '0')} €`,
    );
    await expect.poll(() => cashier.pendingOutbox(), { timeout: 30_000 }).toBe('0');
    const recorded = await serverSale(receiptNumber);
    expect(
      recorded?.tenders.map((t) => [t.type, t.amount.minor, t.type === 'cash' ? t.given.minor : 0]),
    ).toEqual([['cash', due, 1_000]]);
    expect(recorded?.change.minor).toBe(change);
    expect(pageErrors).toEqual([]);
  });
});
