// The cashier's screen for the UI benchmarks, bundled for Chromium and driven
// by bench/suites/ui-cashier.ts: the real till services (startTillServices:
// enrolment, first catalog sync from the bench's sync server, the search
// index) and the real React screen (App -> CashierScreen), as `/cashier`
// runs them, minus the hardware host (no agent: scans come from the scan
// field, as a keyboard-wedge scanner's Enter does).
//
// Timing: bench/browser/paint-timer.ts, from the key's keydown to the frame
// that shows the expected change.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../src/apps/App';
import { setLanguage } from '../../src/i18n/i18n';
import { TillServicesContext } from '../../src/state/services-context';
import { startTillServices, type TillServices } from '../../src/state/till-services';
import '../../src/ui/styles.css';
import { createPaintTimer, seconds } from './paint-timer';

export interface CashierBenchApi {
  start(
    syncUrl: string,
    pairingCode: string,
  ): Promise<{ startSeconds: number; products: number; searchReadySeconds: number }>;
  /** Arms a measurement from the next keydown to its change painted; `result()` awaits it. */
  arm(kind: 'line' | 'search' | 'limit', expected: string): void;
  result(): Promise<number>;
  /** Elements outside React whose keydown changes one text node: the floor of key -> paint. */
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
const timer = createPaintTimer();

const cartLines = () => document.querySelectorAll('[data-testid=cart-line]').length;
const searchAnswered = (query: string) =>
  [...document.querySelectorAll('[data-testid=product-search-answer]')].some(
    (el) => el.getAttribute('data-query') === query,
  );

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
      products: services.db.catalog.size(),
      searchReadySeconds: seconds(started),
    };
  },

  arm(kind, expected) {
    const linesBefore = cartLines();
    timer.arm(
      'keydown',
      kind === 'line'
        ? () => cartLines() > linesBefore
        : kind === 'search'
          ? () => searchAnswered(expected)
          : timer.limitShows(expected),
      `${kind} "${expected}"`,
    );
  },
  result: () => timer.result(),
  installLimitTarget: () => timer.installLimitTarget(),

  takeTimings() {
    const taken = { lookups: [...timings.lookups], searches: [...timings.searches] };
    timings.lookups.length = 0;
    timings.searches.length = 0;
    return taken;
  },
};
