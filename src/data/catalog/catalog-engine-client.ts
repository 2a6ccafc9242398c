import { type Remote, releaseProxy, transfer, wrap } from 'comlink';
import { type CatalogEngineApi, createCatalogEngine } from './catalog-engine';
import type { PageBody } from './page-store';

// The catalog engine in a Web Worker where the page has workers (the till's
// renderer), in-process where it has none (Node tests) or the worker cannot
// start (its script refused or missing): the catalog then still works, only
// its loading runs on the screen's thread.

const WORKER_START_MS = 10_000;

export async function startCatalogEngine(
  spawn: (() => Worker) | undefined = typeof Worker === 'undefined' ? undefined : spawnCatalogWorker,
): Promise<CatalogEngineApi> {
  if (!spawn) return createCatalogEngine();
  let worker: Worker;
  try {
    worker = spawn();
  } catch {
    return createCatalogEngine();
  }
  const remote: Remote<CatalogEngineApi> = wrap<CatalogEngineApi>(worker);
  const failed = new Promise<false>((resolve) => {
    worker.addEventListener('error', () => resolve(false), { once: true });
    setTimeout(() => resolve(false), WORKER_START_MS);
  });
  if ((await Promise.race([remote.ping(), failed])) !== true) {
    remote[releaseProxy]();
    worker.terminate();
    return createCatalogEngine();
  }
  const close = remote.close;
  return {
    ping: () => remote.ping(),
    open: (name: string, kind: 'indexeddb' | 'memory') => remote.open(name, kind),
    meta: () => remote.meta(),
    begin: (m: Parameters<CatalogEngineApi['begin']>[0]) => remote.begin(m),
    storedPages: () => remote.storedPages(),
    // A page's bytes go to the worker, not a copy of them (the caller keeps nothing of it).
    putPage: (key: number, page: PageBody) =>
      remote.putPage(key, typeof page === 'string' ? page : transfer(page, [page.buffer as ArrayBuffer])),
    complete: () => remote.complete(),
    load: () => remote.load(),
    indexNames: () => remote.indexNames(),
    appendChanges: (seq: number, text: string) => remote.appendChanges(seq, text),
    compact: () => remote.compact(),
    async close() {
      await close();
      remote[releaseProxy]();
      worker.terminate();
    },
  };
}

/** Vite and the bench's page server both serve the worker from this URL. */
export function spawnCatalogWorker(): Worker {
  return new Worker(new URL('./catalog-worker.ts', import.meta.url), { type: 'module', name: 'catalog' });
}
