import type { Page } from 'playwright-core';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { DEMO_STAFF } from '../../sync-server/src/demo/seed-store';
import type { CashierBenchApi } from '../browser/cashier-page';
import type { BenchBrowser } from '../lib/browser';
import { type BenchSizes, countLabel } from '../lib/config';
import { emptyResult, quantile, round, type SuiteResult } from '../lib/metrics';
import { formatProfile, startProfile } from '../lib/profile';
import { describeSamples, pageApi, withStoreCatalog } from '../lib/screen-bench';
import { issuePairingCode } from '../lib/server';

// The cashier's screen in Chromium with the whole catalog on the till: the
// demo store (its 2,556 products, staff, settings) plus generated products up
// to `sizes.products`, first-synced by the real till services. Then, through
// trusted key presses: a scan (barcode typed into the scan field, Enter) to
// its line painted in the basket, and each keystroke in the search by name to
// its results painted. Both are set against the same page's floor: a key to a
// one-text-node change painted (limit.key_to_paint).

const BASKETS = 10;
const SCANS_PER_BASKET = 20;
const LIMIT_KEYS = 100;
/** Typed one key at a time, as a cashier looks for an unlabelled item (demo names, and any word order). */
const SEARCHES = [
  'creme fraiche epaisse',
  'pates spag 500',
  'lait demi',
  'saumon fume',
  'epaisse val cre',
  'eco cafe grains',
  'clementines corse',
  'ref 0421',
];

const call = pageApi<CashierBenchApi>('cashierBench');

async function measured(
  page: Page,
  kind: 'line' | 'search' | 'limit',
  expected: string,
  press: () => Promise<void>,
) {
  await call(page, 'arm', kind, expected);
  await press();
  return call(page, 'result');
}

export async function runUiCashier(browser: BenchBrowser, sizes: BenchSizes): Promise<SuiteResult> {
  const result = emptyResult();
  const { metrics, notes } = result;
  const label = countLabel(sizes.products);
  await withStoreCatalog('ui_bench', sizes.products, async ({ server, extra }) => {
    const page = await browser.open('cashier-page', 'cashierBench');
    await page.setViewportSize({ width: 1024, height: 768 });
    const started = await call(page, 'start', server.url, await issuePairingCode(server.url, 'PAR01', '01'));
    if (started.products !== sizes.products)
      throw new Error(`the till holds ${started.products} of ${sizes.products} products`);
    notes.push(
      `till started with ${started.products} products (first sync included) in ${started.startSeconds.toFixed(1)} s; search index ready ${started.searchReadySeconds.toFixed(1)} s after the start began`,
    );

    const cashier = DEMO_STAFF[0];
    const signIn = async () => {
      await page.getByTestId('pin-input').fill(cashier.pin);
      await page.getByTestId('sign-in').click();
      await page.getByTestId('cashier-name').waitFor();
      // Selling needs an open till: the first sign-in opens the shift with a float of ten 10 € notes.
      const openShift = page.getByTestId('open-shift');
      await openShift.or(page.getByTestId('barcode-input')).first().waitFor();
      if (await openShift.isVisible()) {
        await page.getByTestId('float-1000').fill('10');
        await page.getByTestId('open-shift-submit').click();
        await page.getByTestId('barcode-input').waitFor();
      }
    };
    await signIn();

    // The floor: a key to one text node changed and painted, in this page, now.
    await call(page, 'installLimitTarget');
    await page.locator('#bench-limit').focus();
    const limitSamples: number[] = [];
    for (let i = 0; i < LIMIT_KEYS; i++) {
      const key = i % 2 === 0 ? 'a' : 'b';
      limitSamples.push(await measured(page, 'limit', key, () => page.keyboard.press(key)));
    }
    const limitP95 = quantile(limitSamples, 0.95);
    metrics.push({ name: 'limit.key_to_paint.p95_ms', value: round(limitP95, 1), unit: 'ms' });
    notes.push(describeSamples('key to a text node painted (the floor)', limitSamples));

    // Scans: baskets of up to 20 lines, random products among all.
    const scanSamples: number[] = [];
    // Packaged goods: a loose product's code is scanned with its weight, from a scale label.
    const scannable = [...generateFrenchCatalog(), ...extra].filter((p) => p.unit === 'piece');
    await call(page, 'takeTimings');
    const stopScanProfile = await startProfile(page, 'cashier-page');
    for (let basket = 0; basket < BASKETS; basket++) {
      for (let n = 0; n < SCANS_PER_BASKET; n++) {
        const product = scannable[(basket * 7_919 + n * 104_729 + 13) % scannable.length];
        if (!product) throw new Error('no product to scan');
        await page.getByTestId('barcode-input').fill(product.barcode);
        scanSamples.push(
          await measured(page, 'line', '', () => page.getByTestId('barcode-input').press('Enter')),
        );
      }
      await page.getByRole('button', { name: /^(Fermer|Sign out|Close)$/ }).click();
      await signIn();
    }
    const scanProfile = await stopScanProfile();
    const { lookups } = await call(page, 'takeTimings');
    const scanP95 = quantile(scanSamples, 0.95);
    metrics.push({ name: `ui.scan_to_line_${label}.p95_ms`, value: round(scanP95, 1), unit: 'ms' });
    notes.push(
      `${describeSamples('scan (Enter) to its line painted', scanSamples)}; ${(scanP95 / limitP95).toFixed(1)}x the floor`,
      describeSamples('of which the barcode lookup (findProductByBarcode)', lookups),
      `scans profile (sign-ins between baskets included): ${formatProfile(scanProfile)}`,
    );

    // Search by name: each keystroke to the answer for the whole field painted.
    const searchSamples: number[] = [];
    const stopSearchProfile = await startProfile(page, 'cashier-page');
    for (const typed of SEARCHES) {
      await page.keyboard.press('F3');
      await page.getByTestId('product-search-input').waitFor();
      for (let i = 1; i <= typed.length; i++) {
        const sofar = typed.slice(0, i);
        searchSamples.push(
          await measured(page, 'search', sofar, () => page.keyboard.type(typed.charAt(i - 1))),
        );
      }
      await page.keyboard.press('Escape');
      await page.getByTestId('product-search-input').waitFor({ state: 'detached' });
    }
    const searchProfile = await stopSearchProfile();
    const { searches } = await call(page, 'takeTimings');
    const searchP95 = quantile(searchSamples, 0.95);
    metrics.push({ name: `ui.name_search_${label}.p95_ms`, value: round(searchP95, 1), unit: 'ms' });
    notes.push(
      `${describeSamples('keystroke to search results painted', searchSamples)}; ${(searchP95 / limitP95).toFixed(1)}x the floor`,
      describeSamples('of which searchProducts (index + reading the rows shown)', searches),
      `search profile: ${formatProfile(searchProfile)}`,
    );
    await page.close();
  });
  return result;
}
