import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../../tests/support/browser';

// Browser pages for the benchmarks: bundled from bench/browser/*.ts with
// esbuild (the real src/data modules inside), served by a plain static
// server on 127.0.0.1 (no CSP, so nothing blocks fetches to the servers under
// test), opened in Debian's Chromium through playwright-core.

export const BUILD_DIR = 'node_modules/.cache/bench';
const PAGES_DIR = join(BUILD_DIR, 'pages');

export type PageName = 'till-page' | 'pouch-page' | 'cashier-page' | 'kiosk-page' | 'catalog-page';

export async function buildPages(): Promise<void> {
  mkdirSync(PAGES_DIR, { recursive: true });
  await build({
    entryPoints: {
      'till-page': 'bench/browser/till-page.ts',
      'pouch-page': 'bench/browser/pouch-page.ts',
      'cashier-page': 'bench/browser/cashier-page.ts',
      'kiosk-page': 'bench/browser/kiosk-page.ts',
      'catalog-page': 'bench/browser/catalog-page.ts',
      // The catalog's Web Worker: the pages ask for it as `new URL('./catalog-worker.ts', import.meta.url)`.
      'catalog-worker': 'src/data/catalog/catalog-worker.ts',
    },
    // The cashier page renders the till's React screens (and imports their stylesheet).
    jsx: 'automatic',
    outdir: PAGES_DIR,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Readable bundle: bench/lib/profile.ts maps samples to modules by esbuild's "// path" comments.
    minify: false,
    sourcemap: false,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'warning',
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `/<page>.html` (an empty page loading `/<page>.js`) and the bundles. */
export function serveStatic(): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const html = /^\/([a-z-]+)\.html$/.exec(path);
    if (html) {
      response.writeHead(200, { 'content-type': TYPES['.html'] as string });
      const styles = existsSync(join(PAGES_DIR, `${html[1]}.css`))
        ? `<link rel="stylesheet" href="/${html[1]}.css">`
        : '';
      response.end(
        `<!doctype html><html lang="fr"><meta charset="utf-8"><title>${html[1]}</title>${styles}<script type="module" src="/${html[1]}.js"></script></html>`,
      );
      return;
    }
    try {
      // A worker asked for by its source name (catalog-worker.ts) is its bundle.
      const file = path.replace(/^\/+/, '').replace(/\.\./g, '').replace(/\.ts$/, '.js');
      const body = readFileSync(join(PAGES_DIR, file));
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

export interface BenchBrowser {
  readonly context: BrowserContext;
  open(page: PageName, readyGlobal: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A persistent profile in a fresh temporary folder: IndexedDB lives on disk
 * as on a till (an incognito context would keep it in memory and flatter
 * every storage figure).
 */
export async function launchBenchBrowser(staticUrl: string): Promise<BenchBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'till-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // A page in the background must not be throttled while it is measured.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
    ],
  });
  return {
    context,
    async open(name, readyGlobal) {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
      await page.goto(`${staticUrl}/${name}.html`);
      await page.waitForFunction((global) => global in window, readyGlobal);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
