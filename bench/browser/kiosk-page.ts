// The kiosk's search as you type for the UI benchmark, bundled for Chromium
// and driven by bench/suites/kiosk-search.ts: the real till services
// (startTillServices for the `kiosk` screen set: enrolment, first catalog
// sync from the bench's sync server), then the kiosk search index
// (src/data/kiosk-search.ts) built from the kiosk's own products, and a
// search field with its results (name and price of each product, as the
// kiosk shows them) rendered by React on every keystroke.
//
// The kiosk's screens are built separately (src/apps/kiosk); until this page
// renders them, the results list below stands in for them: one React state
// update per key, the search run during render, 20 results painted.
//
// Timing as in cashier-page.ts: armed before the key is pressed (trusted,
// through the DevTools protocol); from that key's keydown `timeStamp` to the
// frame that shows the answer for the whole field.
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { type KioskSearch, startKioskSearch } from '../../src/data/kiosk-search';
import { setLanguage } from '../../src/i18n/i18n';
import { startTillServices, type TillServices } from '../../src/state/till-services';

export interface KioskBenchApi {
  start(
    syncUrl: string,
    pairingCode: string,
  ): Promise<{
    startSeconds: number;
    products: number;
    indexed: number;
    buildSeconds: number;
    indexingSeconds: number;
  }>;
  arm(kind: 'search' | 'limit', expected: string): void;
  result(): Promise<number>;
  installLimitTarget(): void;
  /** How long each kioskSearch call took (ms), since the last call. */
  takeTimings(): { searches: number[] };
}

declare global {
  interface Window {
    kioskBench: KioskBenchApi;
  }
}

let services: TillServices | undefined;
let search: KioskSearch | undefined;
const timings = { searches: [] as number[] };
const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

function SearchView({ kiosk }: { kiosk: KioskSearch }) {
  const [typed, setTyped] = useState('');
  const started = performance.now();
  const found = kiosk.kioskSearch(typed, { limit: 20 });
  timings.searches.push(performance.now() - started);
  return createElement(
    'main',
    null,
    createElement('input', {
      'data-testid': 'kiosk-search-input',
      'aria-label': 'Rechercher',
      value: typed,
      onChange: (event: { target: { value: string } }) => setTyped(event.target.value),
    }),
    createElement(
      'ul',
      { 'data-testid': 'kiosk-search-answer', 'data-query': typed },
      found.map((product) =>
        createElement(
          'li',
          { key: product.id },
          createElement('span', null, product.name),
          ' ',
          createElement('strong', null, euros.format(product.priceMinor / 100)),
        ),
      ),
    ),
  );
}

const afterNextPaint = () =>
  new Promise<number>((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(undefined);
    });
  });

const searchAnswered = (query: string) =>
  document.querySelector('[data-testid=kiosk-search-answer]')?.getAttribute('data-query') === query;

let pending: Promise<number> | undefined;

window.kioskBench = {
  async start(syncUrl, pairingCode) {
    await setLanguage('fr');
    const started = performance.now();
    services = await startTillServices(
      { syncUrl, storeCode: 'PAR01', tillCode: 'K1', pairingCodes: { kiosk: pairingCode } },
      'kiosk',
    );
    const startSeconds = seconds(started);
    // The till services build the cashier's name index in the background: let it finish,
    // so the kiosk index's build time is its own.
    await services.searchReady;
    const buildStarted = performance.now();
    search = startKioskSearch(services.db.products);
    await search.ready;
    const buildSeconds = seconds(buildStarted);
    const root = document.createElement('div');
    root.id = 'root';
    document.body.append(root);
    createRoot(root).render(createElement(SearchView, { kiosk: search }));
    return {
      startSeconds,
      products: await services.db.products.count().exec(),
      indexed: search.stats().indexed,
      buildSeconds,
      indexingSeconds: search.stats().indexingMs / 1000,
    };
  },

  arm(kind, expected) {
    const done =
      kind === 'search'
        ? () => searchAnswered(expected)
        : () => document.getElementById('bench-limit-echo')?.textContent === expected;
    pending = new Promise<number>((resolve, reject) => {
      let startedAt: number | undefined;
      window.addEventListener(
        'keydown',
        (event) => {
          startedAt ??= event.timeStamp;
        },
        { capture: true, once: true },
      );
      const timeout = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`no ${kind} "${expected}" on screen after 10 s`));
      }, 10_000);
      const check = () => {
        if (startedAt === undefined || !done()) return;
        observer.disconnect();
        clearTimeout(timeout);
        const from = startedAt;
        void afterNextPaint().then((paintedAt) => resolve(paintedAt - from));
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
  },

  result() {
    if (!pending) return Promise.reject(new Error('arm() first'));
    return pending;
  },

  takeTimings() {
    const taken = { searches: [...timings.searches] };
    timings.searches.length = 0;
    return taken;
  },

  installLimitTarget() {
    if (document.getElementById('bench-limit')) return;
    const target = document.createElement('div');
    target.id = 'bench-limit';
    target.tabIndex = 0;
    target.textContent = 'limit';
    const echo = document.createElement('span');
    echo.id = 'bench-limit-echo';
    target.addEventListener('keydown', (event) => {
      echo.textContent = event.key;
    });
    document.body.append(target, echo);
  },
};
