import type { Page } from 'playwright-core';
import type { ServiceProcess } from '../../scripts/lib/service-process';
import type { Product } from '../../src/core/catalog/product';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { createScratchDatabase } from '../../tests/support/postgres';
import { generateLargeCatalog } from './catalog';
import { quantile } from './metrics';
import { seedProducts, startBenchServer } from './server';

// What the screen suites (ui-cashier.ts, kiosk-search.ts) share: a store on
// the bench's sync server with the demo catalog plus generated products up to
// the size measured, calls into a bench page's API, and how key-to-paint
// samples are measured and described.

/** Calls `window[global][method](...args)` in the page: the bench page's API, typed. */
export function pageApi<Api extends Record<keyof Api, (...args: never) => unknown>>(global: string) {
  return <K extends keyof Api & string>(page: Page, method: K, ...args: Parameters<Api[K]>) =>
    page.evaluate(
      ([name, fn, params]) =>
        (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[name]?.[fn]?.(
          ...params,
        ),
      [global, method, args as unknown[]] as const,
    ) as Promise<Awaited<ReturnType<Api[K]>>>;
}

export const describeSamples = (name: string, samples: readonly number[]) =>
  `${name} over ${samples.length} samples: p50 ${quantile(samples, 0.5).toFixed(1)} ms, p95 ${quantile(samples, 0.95).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`;

export interface StoreWithCatalog {
  readonly server: ServiceProcess;
  /** The generated products added to the demo store's. */
  readonly extra: readonly Product[];
}

/**
 * A scratch database and the bench's sync server with the demo store (its
 * products, staff, settings) plus generated products up to `products`; both
 * gone once `use` ends.
 */
export async function withStoreCatalog<T>(
  scratchPrefix: string,
  products: number,
  use: (store: StoreWithCatalog) => Promise<T>,
): Promise<T> {
  const scratch = await createScratchDatabase(scratchPrefix);
  try {
    const server = await startBenchServer(scratch.url, { seedDemo: true });
    try {
      const extra = generateLargeCatalog(Math.max(0, products - generateFrenchCatalog().length));
      await seedProducts(scratch.url, extra);
      return await use({ server, extra });
    } finally {
      await server.stop();
    }
  } finally {
    await scratch.drop();
  }
}
