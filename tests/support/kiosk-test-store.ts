import { mkdirSync } from 'node:fs';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DemoDevices } from '../../hardware/simulators/demo-devices';
import type { ServiceProcess } from '../../scripts/lib/service-process';
import type { KioskOrder } from '../../src/core/orders/kiosk-order';
import { KioskOrderPage } from '../e2e/pages/kiosk-order-page';
import { KIOSK_SIZES, KioskPage } from '../e2e/pages/kiosk-page';
import { launchChromium } from './browser';
import { createScratchDatabase, type ScratchDatabase } from './postgres';
import { startDemoStore, startTestDevices, stopAll } from './processes';

// The kiosk e2e tests' store, set up once per file: the sync server on a
// scratch PostgreSQL (so a test reads the server's rows), the hardware agent
// serving the built kiosk, the demo devices as simulators in the test's
// process (ZVT card terminal, receipt printer, serial scanner), and Chromium
// with a portrait kiosk page. TILL_SCREENSHOTS=docs/screens saves each state.

export interface KioskTestStore {
  readonly devices: DemoDevices;
  readonly database: ScratchDatabase;
  readonly sync: ServiceProcess;
  readonly agent: ServiceProcess;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** Where screenshots go, when asked for. */
  readonly screens: string | undefined;
  /** Errors the kiosk pages threw. */
  readonly pageErrors: string[];
  /** One query on the server's PostgreSQL. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** A kiosk page, open on its attract screen; `installClock`: Playwright's clock (idle tests). */
  openKiosk(installClock?: boolean): Promise<{ page: Page; kiosk: KioskPage; order: KioskOrderPage }>;
  close(): Promise<void>;
}

export async function startKioskTestStore(name: string): Promise<KioskTestStore> {
  const screens = process.env.TILL_SCREENSHOTS;
  if (screens) mkdirSync(screens, { recursive: true });
  const started = await startTestDevices();
  const database = await createScratchDatabase(name);
  const { sync, agent } = await startDemoStore({ databaseUrl: database.url, devices: started.configPath });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: KIOSK_SIZES[0], hasTouch: true });
  const pageErrors: string[] = [];
  return {
    devices: started.devices,
    database,
    sync,
    agent,
    browser,
    context,
    screens,
    pageErrors,
    async query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as Row[];
      } finally {
        await client.end();
      }
    },
    async openKiosk(installClock = false) {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      if (installClock) await page.clock.install();
      const kiosk = new KioskPage(page, screens);
      await kiosk.open(agent.url);
      return { page, kiosk, order: new KioskOrderPage(page) };
    },
    async close() {
      await browser.close();
      await stopAll();
      await database.drop();
    },
  };
}

/** The orders in the kiosk's own journal (RxDB on Dexie, IndexedDB). */
export function kioskJournalOrders(page: Page): Promise<KioskOrder[]> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    const name = names.find((n) => /^rxdb-dexie-till-kiosk--\d+--journal$/.test(n));
    if (!name) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const docs = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = db.transaction('docs').objectStore('docs').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return docs.filter((d) => d.kind === 'kiosk-order.placed').map((d) => d.payload as KioskOrder);
  });
}

/** The order number the kiosk shows: the order id's last characters, upper case, without dashes. */
export const orderOfNumber = (orders: readonly KioskOrder[], number: string): KioskOrder | undefined =>
  orders.find((o) => o.id.replace(/-/g, '').toUpperCase().endsWith(number));
