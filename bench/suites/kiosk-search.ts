import type { Page } from 'playwright-core';
import type { KioskBenchApi } from '../browser/kiosk-page';
import type { StartEvent } from '../browser/paint-timer';
import type { BenchBrowser } from '../lib/browser';
import { type BenchSizes, countLabel } from '../lib/config';
import { emptyResult, quantile, round, type SuiteResult } from '../lib/metrics';
import { formatProfile, startProfile } from '../lib/profile';
import { describeSamples, pageApi, withStoreCatalog } from '../lib/screen-bench';
import { issuePairingCode } from '../lib/server';

// The kiosk's real screen in Chromium (1080x1920, portrait) with the whole
// catalog on the kiosk: the demo store plus generated products up to
// `sizes.products`, first-synced by the real till services (screen set
// `kiosk`, kiosk K1). First the kiosk index built once from the kiosk's own
// storage (kiosk.search_index_build: reading every stored product and
// indexing it, as the kiosk screen does when it starts). Then the customer's
// path: the attract screen, « start », and searches typed one tap at a time
// on the find screen's on-screen keyboard, typos and a correction included:
// from each tap (the finger lifted) to the results list answering the whole
// field painted (kiosk.search_as_you_type), set against a tap on a plain
// button to one text node painted in the same page (limit.kiosk_key_to_paint).
// The same searches typed on a real keyboard are reported beside it.

const LIMIT_KEYS = 100;
const BACKSPACE = '<';
/** Typed one key at a time, as a customer looks for something; some with a slip of the finger, one corrected (`<`). */
const SEARCHES = [
  'creme fraiche',
  'chocolta noir',
  'confiture fraises',
  'saumon fumr<e',
  'spagetti 500',
  'entrecote boeuf',
  'cafe en grains',
  'clementines corse',
];

/** Each key of a search, with the field's value after it. */
const keysOf = (typed: string) => {
  let value = '';
  return [...typed].map((key) => {
    value = key === BACKSPACE ? value.slice(0, -1) : value + key;
    return { key, value };
  });
};

const call = pageApi<KioskBenchApi>('kioskBench');

async function measured(
  page: Page,
  kind: 'search' | 'limit',
  start: StartEvent,
  expected: string,
  press: () => Promise<void>,
) {
  await call(page, 'arm', kind, start, expected);
  await press();
  return call(page, 'result');
}

/** A key of the find screen's on-screen keyboard. */
const screenKey = (page: Page, key: string) =>
  page.locator(
    `[data-testid=kiosk-keyboard] [data-key="${key === ' ' ? 'space' : key === BACKSPACE ? 'backspace' : key}"]`,
  );

/** Back to the category tiles: the field empty, the next search from its first key. */
async function clearSearch(page: Page) {
  await page.getByTestId('kiosk-results-clear').click();
  await page.getByTestId('kiosk-results-area').waitFor({ state: 'detached' });
}

export async function runKioskSearch(browser: BenchBrowser, sizes: BenchSizes): Promise<SuiteResult> {
  const result = emptyResult();
  const { metrics, notes } = result;
  const label = countLabel(sizes.products);
  await withStoreCatalog('kiosk_bench', sizes.products, async ({ server }) => {
    const page = await browser.open('kiosk-page', 'kioskBench');
    await page.setViewportSize({ width: 1080, height: 1920 });
    const queries = SEARCHES.flatMap((typed) => keysOf(typed).map((k) => k.value));
    const started = await call(
      page,
      'start',
      server.url,
      await issuePairingCode(server.url, 'PAR01', 'K1'),
      queries,
    );
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

    // The customer's path to the find screen; the screen's own index is built once the category tiles show.
    const screenStarted = Date.now();
    await page.getByTestId('kiosk-start').click();
    await page.getByTestId('kiosk-find').waitFor();
    await page.getByTestId('kiosk-category').first().waitFor({ timeout: 180_000 });
    notes.push(
      `the kiosk screen's own index ready (category tiles shown) ${((Date.now() - screenStarted) / 1000).toFixed(1)} s after « start »`,
    );

    // The page's twin index (closed) is garbage the real kiosk never has: collected now, not while typing.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();

    // The floors: a tap, and a key, to one text node changed and painted, in this page, now.
    await call(page, 'installLimitTarget');
    const tapFloor: number[] = [];
    for (let i = 1; i <= LIMIT_KEYS; i++)
      tapFloor.push(
        await measured(page, 'limit', 'pointerup', `tap ${i}`, () =>
          page.locator('#bench-limit-tap').click(),
        ),
      );
    await page.locator('#bench-limit').focus();
    const keyFloor: number[] = [];
    for (let i = 0; i < LIMIT_KEYS; i++) {
      const key = i % 2 === 0 ? 'a' : 'b';
      keyFloor.push(await measured(page, 'limit', 'keydown', key, () => page.keyboard.press(key)));
    }
    const tapFloorP95 = quantile(tapFloor, 0.95);
    const keyFloorP95 = quantile(keyFloor, 0.95);
    metrics.push({ name: 'limit.kiosk_key_to_paint.p95_ms', value: round(tapFloorP95, 1), unit: 'ms' });
    notes.push(
      describeSamples('tap to a text node painted (the floor)', tapFloor),
      describeSamples('key to a text node painted (the floor of a real keyboard)', keyFloor),
    );

    // The on-screen keyboard, as a customer types.
    const samples: number[] = [];
    const stopProfile = await startProfile(page, 'kiosk-page');
    for (const typed of SEARCHES) {
      for (const { key, value } of keysOf(typed))
        samples.push(await measured(page, 'search', 'pointerup', value, () => screenKey(page, key).click()));
      await clearSearch(page);
    }
    const profile = await stopProfile();
    const p95 = quantile(samples, 0.95);
    metrics.push({ name: `kiosk.search_as_you_type_${label}.p95_ms`, value: round(p95, 1), unit: 'ms' });
    notes.push(
      `${describeSamples('tap on the on-screen keyboard to the kiosk results painted', samples)}; ${(p95 / tapFloorP95).toFixed(1)}x the floor`,
      describeSamples(
        'of which kioskSearch alone (FlexSearch + filter + ranking, the same values on a twin index)',
        started.searchMs,
      ),
      `search profile: ${formatProfile(profile)}`,
    );

    // The same searches on a real keyboard, into the same field.
    const keyed: number[] = [];
    for (const typed of SEARCHES) {
      await page.getByTestId('kiosk-search').click();
      for (const { key, value } of keysOf(typed))
        keyed.push(
          await measured(page, 'search', 'keydown', value, () =>
            key === BACKSPACE ? page.keyboard.press('Backspace') : page.keyboard.type(key),
          ),
        );
      await clearSearch(page);
    }
    notes.push(
      `${describeSamples('key on a real keyboard to the kiosk results painted', keyed)}; ${(quantile(keyed, 0.95) / keyFloorP95).toFixed(1)}x its floor`,
    );
    await page.close();
  });
  return result;
}
