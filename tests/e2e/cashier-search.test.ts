import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDemoPairingCodes } from '../../scripts/lib/demo-enrolment';
import { type JournalEntry, receiptNumberOf } from '../../src/core/journal/journal-entry';
import type { CompletedSale } from '../../src/core/sale';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { launchChromium, openSignedInCashier } from '../support/browser';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres';
import {
  startHardwareAgent,
  startSyncServer,
  startTestDevices,
  stopAll,
  TEST_ADMIN_TOKEN,
} from '../support/processes';
import { ProductSearchDialog } from './pages/product-search-dialog';
import { ShiftPage } from './pages/shift-page';

// Issue 12, "search by name", end to end: the demo store on PostgreSQL, the
// hardware agent with the simulated devices, Chromium. The cashier finds an
// article without a label by typing part of its name (no accents, words in
// any order), adds it by keyboard alone, and sells it; the sale reaches the
// server with that article. TILL_SCREENSHOTS=docs/screens saves each state
// of the search at 1024x768 and 1920x1080.

const FRAICHE_250_VAL = 'Crème fraîche épaisse 250 g – Laiterie du Val';
const VANILLE_250_VAL = 'Crème dessert vanille x4 250 g – Laiterie du Val';

describe('the cashier finds an article by name', () => {
  let database: ScratchDatabase;
  let browser: Browser;
  let page: Page;
  let search: ProductSearchDialog;
  const pageErrors: string[] = [];
  const catalog = generateFrenchCatalog();
  const named = (name: string) => {
    const found = catalog.find((p) => p.name === name);
    if (!found) throw new Error(`no « ${name} » in the demo catalog`);
    return found;
  };
  const euros = (minor: number) => `${Math.floor(minor / 100)},${String(minor % 100).padStart(2, '0')} €`;
  const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
  const cartNames = () => page.locator('[data-testid=cart-line] .line-name').allTextContents();

  /** The sale with this receipt number, as the server stored the till's journal. */
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
    const devices = await startTestDevices();
    database = await createScratchDatabase('cashier_search');
    const sync = await startSyncServer({ databaseUrl: database.url });
    const pairingCodes = JSON.stringify(await issueDemoPairingCodes(sync.url, TEST_ADMIN_TOKEN, 'PAR01'));
    const agent = await startHardwareAgent({ syncUrl: sync.url, pairingCodes, devices: devices.configPath });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    search = new ProductSearchDialog(page, process.env.TILL_SCREENSHOTS);
    await openSignedInCashier(page, agent.url);
    await new ShiftPage(page).open({ float: { 1000: 10 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopAll();
    await database?.drop();
  });

  it('F3 opens the search from the scan field, with the focus in its field', async () => {
    await page.getByTestId('barcode-input').focus();
    await search.openWithShortcut('F3');
    expect(await search.focused()).toBe('product-search-input');
    await search.expectAccessible();
    await search.screenshot('empty');
  });

  it('« creme fraiche », typed without accents, finds every « Crème fraîche » with its price', async () => {
    await search.type('creme fraiche');
    const names = await search.resultNames();
    const expected = catalog.filter((p) => p.name.startsWith('Crème fraîche'));
    expect(names).toHaveLength(expected.length);
    expect(new Set(names)).toEqual(new Set(expected.map((p) => p.name)));
    expect(plain(await search.countWords())).toBe(`${expected.length} articles`);
    // Each row's price as the store sells it, in French.
    const prices = await search.resultPrices();
    expect(prices).toEqual(names.map((name) => euros(named(name).priceMinor)));
    expect(await search.highlighted()).toBe(names[0]);
    await search.expectAccessible();
    await search.screenshot('results');
  });

  it('word starts in any order (« val 250 cre »); ↓ and Enter add the second article to the basket', async () => {
    await search.retype('val 250 cre');
    expect(await search.resultNames()).toEqual([VANILLE_250_VAL, FRAICHE_250_VAL]);
    await search.down();
    expect(await search.highlighted()).toBe(FRAICHE_250_VAL);
    await search.expectAccessible();
    await search.screenshot('choosing');
    await search.addHighlighted();
    expect(await cartNames()).toEqual([FRAICHE_250_VAL]);
    expect(plain(await page.getByTestId('cart-total').textContent())).toBe(
      euros(named(FRAICHE_250_VAL).priceMinor),
    );
    // Back to scanning.
    expect(await search.focused()).toBe('barcode-input');
  });

  it('a name that matches nothing says so; Escape closes and leaves the basket as it was', async () => {
    await search.openWithShortcut('Control+F');
    await search.type('zzzz');
    expect(await search.resultNames()).toEqual([]);
    expect(await search.noResultWords()).toContain('Aucun article ne correspond à « zzzz »');
    await search.expectAccessible();
    await search.screenshot('none');
    await search.closeWithEscape();
    expect(await search.focused()).toBe('barcode-input');
    expect(await cartNames()).toEqual([FRAICHE_250_VAL]);
  });

  it('a scan while the search is open adds nothing and the search says so; once it is closed, the scan sells', async () => {
    const scanned = catalog.find((p) => p.unit === 'piece' && p.name.startsWith('Café moulu'));
    if (!scanned) throw new Error('no ground coffee in the demo catalog');
    await search.openWithShortcut('F3');
    await search.type('cafe');
    await search.scan(scanned.barcode);
    await expect
      .poll(() => search.scanNotice())
      .toBe('Scan ignoré : fermez cette fenêtre pour scanner un article.');
    // The scanner's keys leave the field: it holds what the cashier typed, and the list answers it.
    await expect.poll(() => search.typed()).toBe('cafe');
    await search.answered();
    expect(await search.isOpen()).toBe(true);
    expect(await cartNames()).toEqual([FRAICHE_250_VAL]);
    await search.expectAccessible();
    await search.screenshot('scan-ignored');
    await search.closeWithEscape();
    await search.scan(scanned.barcode);
    await expect.poll(cartNames).toEqual([FRAICHE_250_VAL, scanned.name]);
  });

  it('the sale with the searched article is paid in cash and reaches the server with that article', async () => {
    const fraiche = named(FRAICHE_250_VAL);
    await page.getByTestId('start-payment').click();
    await page.getByTestId('pay-note-2000').click();
    await page.getByTestId('sale-completed').waitFor();
    const receiptNumber = (await page.getByTestId('receipt-number').textContent()) ?? '';
    await page.keyboard.press('n');
    await expect.poll(() => serverSale(receiptNumber), { timeout: 30_000, interval: 500 }).toBeDefined();
    const sale = await serverSale(receiptNumber);
    const line = sale?.lines.find((l) => l.productId === fraiche.id);
    expect(line).toMatchObject({ name: FRAICHE_250_VAL, scannedCode: null, barcode: fraiche.barcode });
    expect(line?.unitPrice.minor).toBe(fraiche.priceMinor);
    expect(sale?.lines).toHaveLength(2);
    expect(pageErrors).toEqual([]);
  });
});
