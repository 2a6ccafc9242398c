// The cashier's screen for the UI benchmarks, bundled for Chromium and driven
// by bench/suites/ui-cashier.ts: the real till services (startTillServices:
// enrolment, first catalog sync from the bench's sync server, the search
// index) and the real React screen (App -> CashierScreen), as `/cashier`
// runs them, minus the hardware host (no agent: scans come from the scan
// field, as a keyboard-wedge scanner's Enter does).
//
// Timing: a measurement is armed before the suite presses a key (through
// the DevTools protocol, so the events are trusted); it starts at that key's
// keydown `timeStamp` and ends once the expected DOM change is there and the
// frame showing it was produced (requestAnimationFrame, then a message
// posted from it, which runs after that frame's paint).
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../src/apps/App';
import { setLanguage } from '../../src/i18n/i18n';
import { TillServicesContext } from '../../src/state/services-context';
import { startTillServices, type TillServices } from '../../src/state/till-services';
import '../../src/ui/styles.css';

export interface CashierBenchApi {
  start(
    syncUrl: string,
    pairingCode: string,
  ): Promise<{ startSeconds: number; products: number; searchReadySeconds: number }>;
  /** Arms a measurement ended by `done` (a predicate on the document); `result()` awaits it. */
  arm(kind: 'line' | 'search' | 'limit', expected: string): void;
  result(): Promise<number>;
  /** A focusable element outside React whose keydown changes one text node: the floor of key -> paint. */
  installLimitTarget(): void;
  /** How long each barcode lookup and each search call took (ms), since the last call. */
  takeTimings(): { lookups: number[]; searches: number[] };
}

declare global {
  interface Window {
    cashierBench: CashierBenchApi;
  }
}

let services: TillServices | undefined;
// The screen's own calls into the data layer, timed (wrapped, not changed).
const timings = { lookups: [] as number[], searches: [] as number[] };
const timed =
  <A extends unknown[], R>(into: number[], call: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    const started = performance.now();
    try {
      return await call(...args);
    } finally {
      into.push(performance.now() - started);
    }
  };
const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;

/** After the frame that shows the current DOM has been produced. */
const afterNextPaint = () =>
  new Promise<number>((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(undefined);
    });
  });

const cartLines = () => document.querySelectorAll('[data-testid=cart-line]').length;
const searchAnswered = (query: string) =>
  [...document.querySelectorAll('[data-testid=product-search-answer]')].some(
    (el) => el.getAttribute('data-query') === query,
  );

let pending: Promise<number> | undefined;

window.cashierBench = {
  async start(syncUrl, pairingCode) {
    await setLanguage('fr');
    const started = performance.now();
    const tillServices = await startTillServices(
      { syncUrl, storeCode: 'PAR01', tillCode: '01', pairingCodes: { cashier: pairingCode } },
      'cashier',
    );
    services = {
      ...tillServices,
      findProductByBarcode: timed(timings.lookups, tillServices.findProductByBarcode),
      searchProducts: timed(timings.searches, tillServices.searchProducts),
    };
    const startSeconds = seconds(started);
    const root = document.createElement('div');
    root.id = 'root';
    document.body.append(root);
    createRoot(root).render(
      createElement(TillServicesContext, { value: services }, createElement(App, { screenSet: 'cashier' })),
    );
    await services.searchReady;
    return {
      startSeconds,
      products: await services.db.products.count().exec(),
      searchReadySeconds: seconds(started),
    };
  },

  arm(kind, expected) {
    const linesBefore = cartLines();
    const done =
      kind === 'line'
        ? () => cartLines() > linesBefore
        : kind === 'search'
          ? () => searchAnswered(expected)
          : () => document.getElementById('bench-limit-echo')?.textContent === expected;
    pending = new Promise<number>((resolve, reject) => {
      let startedAt: number | undefined;
      const onKey = (event: KeyboardEvent) => {
        startedAt ??= event.timeStamp;
      };
      // Capture on window: before the keyboard-wedge listener or React see the key.
      window.addEventListener('keydown', onKey, { capture: true, once: true });
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
    const taken = { lookups: [...timings.lookups], searches: [...timings.searches] };
    timings.lookups.length = 0;
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
