// The kiosk's screen for the UI benchmark, bundled for Chromium and driven by
// bench/suites/kiosk-search.ts: the real till services (startTillServices for
// the `kiosk` screen set: enrolment, first catalog sync from the bench's sync
// server) and the real React screen (App -> KioskScreen), as `/kiosk` runs
// it, minus the hardware host. The kiosk screen builds its own search index
// (createKioskPorts -> startKioskSearch) and its find screen searches it on
// every key of its on-screen keyboard.
//
// Before the screen starts, the page builds the same index once on its own
// (startKioskSearch over the same storage, then closed): its build time, and
// kioskSearch alone on the prefixes the suite will type, are the figures
// the screen's own index cannot report from inside the screen.
//
// Timing: bench/browser/paint-timer.ts, from the tap (or key) to the frame
// that shows the results list answering the whole field.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../src/apps/App';
import { startKioskSearch } from '../../src/data/kiosk-search';
import { setLanguage } from '../../src/i18n/i18n';
import { TillServicesContext } from '../../src/state/services-context';
import { startTillServices } from '../../src/state/till-services';
import '../../src/ui/styles.css';
import { createPaintTimer, type StartEvent, seconds } from './paint-timer';

/** The kiosk screen asks for this many results per search (src/state/kiosk-store.ts). */
const KIOSK_RESULTS = 24;

export interface KioskBenchApi {
  start(
    syncUrl: string,
    pairingCode: string,
    /** Every field value the suite will type: kioskSearch is timed alone on each. */
    queries: string[],
  ): Promise<{
    startSeconds: number;
    products: number;
    indexed: number;
    buildSeconds: number;
    indexingSeconds: number;
    searchMs: number[];
  }>;
  /** `search`: the results list answers `expected` and is painted; `limit`: the floor's echo shows it. */
  arm(kind: 'search' | 'limit', start: StartEvent, expected: string): void;
  result(): Promise<number>;
  /** The floors: a key, and a tap on a plain button (`#bench-limit-tap`), to one text node painted. */
  installLimitTarget(): void;
}

declare global {
  interface Window {
    kioskBench: KioskBenchApi;
  }
}

const timer = createPaintTimer();

/** The find screen's results list answers `query` (its search is done) on screen. */
const searchAnswered = (query: string) => () => {
  const area = document.querySelector('[data-testid=kiosk-results-area]');
  return area?.getAttribute('data-query') === query && area.getAttribute('data-searching') === 'false';
};

window.kioskBench = {
  async start(syncUrl, pairingCode, queries) {
    await setLanguage('fr');
    const started = performance.now();
    const services = await startTillServices(
      { syncUrl, storeCode: 'PAR01', tillCode: 'K1', pairingCodes: { kiosk: pairingCode } },
      'kiosk',
    );
    const startSeconds = seconds(started);
    // The till services build the cashier's name index in the background: let it finish,
    // so the kiosk index's build time is its own.
    await services.searchReady;
    const buildStarted = performance.now();
    const search = startKioskSearch(services.db.catalog);
    await search.ready;
    const buildSeconds = seconds(buildStarted);
    const searchMs = queries.map((typed) => {
      const at = performance.now();
      search.kioskSearch(typed, { limit: KIOSK_RESULTS });
      return performance.now() - at;
    });
    const { indexed, indexingMs } = search.stats();
    search.close();

    const root = document.createElement('div');
    root.id = 'root';
    document.body.append(root);
    createRoot(root).render(
      createElement(TillServicesContext, { value: services }, createElement(App, { screenSet: 'kiosk' })),
    );
    return {
      startSeconds,
      products: services.db.catalog.size(),
      indexed,
      buildSeconds,
      indexingSeconds: indexingMs / 1000,
      searchMs,
    };
  },

  arm(kind, start, expected) {
    timer.arm(
      start,
      kind === 'search' ? searchAnswered(expected) : timer.limitShows(expected),
      `${kind} "${expected}"`,
    );
  },
  result: () => timer.result(),
  installLimitTarget: () => timer.installLimitTarget(true),
};
