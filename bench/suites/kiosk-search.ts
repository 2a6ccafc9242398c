import type { Page } from 'playwright-core';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { createScratchDatabase } from '../../tests/support/postgres';
import type { KioskBenchApi } from '../browser/kiosk-page';
import type { BenchBrowser } from '../lib/browser';
import { generateLargeCatalog } from '../lib/catalog';
import { type BenchSizes, countLabel } from '../lib/config';
import { emptyResult, quantile, round, type SuiteResult } from '../lib/metrics';
import { formatProfile, startProfile } from '../lib/profile';
import { issuePairingCode, seedProducts, startBenchServer } from '../lib/server';

// The kiosk's search as you type in Chromium with the whole catalog on the
// kiosk: the demo store plus generated products up to `sizes.products`,
// first-synced by the real till services (screen set `kiosk`, kiosk K1),
// then the kiosk index built from the kiosk's own storage
// (kiosk.search_index_build: reading every stored product and indexing it,
// as a kiosk does when it starts), then searches a customer types one key at
// a time, typos included: from each keydown to its results painted
// (kiosk.search_as_you_type), set against a key to one text node painted in
// the same page (limit.kiosk_key_to_paint).

const LIMIT_KEYS = 100;
/** Typed one key at a time, as a customer looks for something; some with a slip of the finger. */
const SEARCHES = [
  'creme fraiche',
  'chocolta noir',
  'confiture fraises',
  'saumon fume',
  'spagetti 500',
  'entrecote boeuf',
  'cafe en grains',
  'clementines corse',
];

type Api = KioskBenchApi;
const call = <K extends keyof Api>(page: Page, method: K, ...args: Parameters<Api[K]>) =>
  page.evaluate(
    ([name, params]) =>
      (window.kioskBench[name as K] as (...a: unknown[]) => unknown)(...(params as unknown[])),
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<Api[K]>>>;

async function measured(page: Page, kind: 'search' | 'limit', expected: string, press: () => Promise<void>) {
  await call(page, 'arm', kind, expected);
  await press();
  return call(page, 'result');
}

const describe = (name: string, samples: number[]) =>
  `${name} over ${samples.length} samples: p50 ${quantile(samples, 0.5).toFixed(1)} ms, p95 ${quantile(samples, 0.95).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`;

export async function runKioskSearch(browser: BenchBrowser, sizes: BenchSizes): Promise<SuiteResult> {
  const result = emptyResult();
  const { metrics, notes } = result;
  const label = countLabel(sizes.products);
  const scratch = await createScratchDatabase('kiosk_bench');
  const server = await startBenchServer(scratch.url, { seedDemo: true });
  try {
    const demoCount = generateFrenchCatalog().length;
    await seedProducts(scratch.url, generateLargeCatalog(Math.max(0, sizes.products - demoCount)));

    const page = await browser.open('kiosk-page', 'kioskBench');
    await page.setViewportSize({ width: 1080, height: 1920 });
    const started = await call(page, 'start', server.url, await issuePairingCode(server.url, 'PAR01', 'K1'));
    if (started.products !== sizes.products)
      throw new Error(`the kiosk holds ${started.products} of ${sizes.products} products`);
    if (started.indexed !== sizes.products)
      throw new Error(`the kiosk indexed ${started.indexed} of ${sizes.products} products`);
    metrics.push({
      name: `kiosk.search_index_build_${label}.seconds`,
      value: round(started.buildSeconds, 2),
      unit: 's',
    });
    notes.push(
      `kiosk started with ${started.products} products (first sync included) in ${started.startSeconds.toFixed(1)} s; its search index took ${started.buildSeconds.toFixed(1)} s after that, of which FlexSearch's indexing ${started.indexingSeconds.toFixed(1)} s (the rest: reading the stored products, pauses for paint)`,
    );

    await call(page, 'installLimitTarget');
    await page.locator('#bench-limit').focus();
    const limitSamples: number[] = [];
    for (let i = 0; i < LIMIT_KEYS; i++) {
      const key = i % 2 === 0 ? 'a' : 'b';
      limitSamples.push(await measured(page, 'limit', key, () => page.keyboard.press(key)));
    }
    const limitP95 = quantile(limitSamples, 0.95);
    metrics.push({ name: 'limit.kiosk_key_to_paint.p95_ms', value: round(limitP95, 1), unit: 'ms' });
    notes.push(describe('key to a text node painted (the floor)', limitSamples));

    const input = page.getByTestId('kiosk-search-input');
    const samples: number[] = [];
    await call(page, 'takeTimings');
    const stopProfile = await startProfile(page, 'kiosk-page');
    for (const typed of SEARCHES) {
      await input.fill('');
      await input.focus();
      for (let i = 1; i <= typed.length; i++) {
        const sofar = typed.slice(0, i);
        samples.push(await measured(page, 'search', sofar, () => page.keyboard.type(typed.charAt(i - 1))));
      }
    }
    const profile = await stopProfile();
    const { searches } = await call(page, 'takeTimings');
    const p95 = quantile(samples, 0.95);
    metrics.push({ name: `kiosk.search_as_you_type_${label}.p95_ms`, value: round(p95, 1), unit: 'ms' });
    notes.push(
      `${describe('keystroke to kiosk search results painted', samples)}; ${(p95 / limitP95).toFixed(1)}x the floor`,
      describe('of which kioskSearch (FlexSearch + filter + ranking)', searches),
      `search profile: ${formatProfile(profile)}`,
    );
    await page.close();
  } finally {
    await server.stop();
    await scratch.drop();
  }
  return result;
}
