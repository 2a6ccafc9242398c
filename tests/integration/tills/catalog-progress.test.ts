import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issueDemoPairingCodes } from '../../../scripts/lib/demo-enrolment';
import type { ServiceProcess } from '../../../scripts/lib/service-process';
import type { Product } from '../../../src/core/catalog/product';
import { catalogReplication } from '../../../src/data/catalog/catalog-replication';
import { ensureTillIdentity, openTillSession, type TillSession } from '../../../src/data/sync/till-session';
import { createTillDatabase, type TillDatabase } from '../../../src/data/till-database';
import { openPostgres } from '../../../sync-server/src/db/pg-database';
import { generateFrenchCatalog } from '../../../sync-server/src/demo/french-catalog';
import { lockScope, writeDocuments } from '../../../sync-server/src/sync/document-store';
import { createScratchDatabase, type ScratchDatabase } from '../../support/postgres';
import { startSyncServer, stopAll, TEST_ADMIN_TOKEN } from '../../support/processes';
import { eventually } from '../../support/till-in-node';

// The first catalog sync of a till against the real server (PostgreSQL):
// the snapshot's pages with their progress, a first sync cut short and
// resumed by the next start, a change made on the server while the pages
// download, and a price change reaching the till's lookups once pulled.

describe('first catalog sync: snapshot pages, resume, changes', () => {
  let scratch: ScratchDatabase;
  let server: ServiceProcess;
  const opened: TillDatabase[] = [];
  const total = generateFrenchCatalog().length;

  /** A product written on the server as the back office would: a new seq, a NOTIFY. */
  async function changeOnServer(product: Product): Promise<void> {
    const db = openPostgres(scratch.url);
    try {
      await db.transaction(async (tx) => {
        await lockScope(tx, 'products', '*');
        await writeDocuments(tx, 'products', '*', [{ id: product.id, doc: product, deleted: false }]);
      });
    } finally {
      await db.close();
    }
  }

  async function enrolledTill(): Promise<{ db: TillDatabase; session: TillSession }> {
    const db = await createTillDatabase(`catalog-${Math.random()}`, getRxStorageMemory(), {
      storeSales: false,
    });
    opened.push(db);
    const { cashier } = await issueDemoPairingCodes(server.url, TEST_ADMIN_TOKEN, 'PAR01');
    const identity = await ensureTillIdentity(db, server.url, {
      pairingCode: cashier,
      deviceName: 'catalog',
    });
    return { db, session: openTillSession(server.url, identity) };
  }

  beforeAll(async () => {
    scratch = await createScratchDatabase('till_catalog');
    server = await startSyncServer({ databaseUrl: scratch.url });
  });
  // RxDB's open-source build allows 13 open collections: one till at a time.
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
  });
  afterAll(async () => {
    await stopAll();
    await scratch?.drop();
  });

  it('stores the snapshot page by page and tells what is left after each, down to 0', async () => {
    const { db, session } = await enrolledTill();
    const seen: number[] = [];
    const replication = catalogReplication(db.catalog, {
      session,
      resync$: new Subject<void>(),
      concurrency: 1,
      pageSize: 1000,
      onRemaining: (remaining) => seen.push(remaining),
    });
    await replication.awaitInitialReplication();
    await replication.cancel();
    expect(db.catalog.size()).toBe(total);
    // 2,556 products in pages of 1,000: nothing yet, then 1,556 and 556 left, then none (the pull after).
    expect(seen.slice(0, 4)).toEqual([total, total - 1000, total - 2000, 0]);
    expect(seen.at(-1)).toBe(0);
    const some = generateFrenchCatalog()[1234] as Product;
    expect(db.catalog.byBarcode(some.barcode)).toEqual(some);
  });

  it('a 401 on a page (the token expired meanwhile) renews the token and fetches the page again, without an error or a back-off', async () => {
    const { db, session: direct } = await enrolledTill();
    // A real HTTP hop in front of the server that refuses the first page request as an expired token would be.
    const seen: string[] = [];
    let refused = false;
    const proxy = createServer((req, res) => {
      const url = req.url ?? '';
      seen.push(`${req.method} ${url.split('?')[0]}`);
      if (req.method === 'GET' && url.startsWith('/sync/v1/catalog/pages') && !refused) {
        refused = true;
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'unauthenticated', message: 'access token expired' }));
        req.resume();
        return;
      }
      const upstream = httpRequest(
        `${server.url}${url}`,
        { method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const errors: (string | undefined)[] = [];
      const replication = catalogReplication(db.catalog, {
        session: openTillSession(proxyUrl, direct.identity),
        resync$: new Subject<void>(),
        concurrency: 1,
        pageSize: 1000,
      });
      const watching = replication.error$.subscribe((error) => errors.push(error));
      await replication.awaitInitialReplication();
      watching.unsubscribe();
      await replication.cancel();
      expect(refused).toBe(true);
      expect(db.catalog.size()).toBe(total);
      // One token at the start, one after the 401; the refused page asked again at once.
      expect(seen.filter((r) => r === 'POST /sync/v1/token')).toHaveLength(2);
      expect(seen.filter((r) => r === 'GET /sync/v1/catalog/pages')).toHaveLength(4);
      expect(errors).toEqual([]);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('a first sync cut short resumes at the next start with the pages it lacks; a change made meanwhile arrives with the first pull', async () => {
    const { db, session } = await enrolledTill();
    const requests: string[] = [];
    const counting: TillSession = {
      ...session,
      request: (method, path, body, signal) => {
        requests.push(path);
        return session.request(method, path, body, signal);
      },
    };
    // The first start stops (power cut, closed window) once one page is stored.
    let stored = 0;
    let interrupt!: () => void;
    const interrupted = new Promise<void>((resolve) => {
      interrupt = resolve;
    });
    const putPage = db.catalog.snapshot.putPage;
    db.catalog.snapshot.putPage = async (key, text) => {
      await putPage(key, text);
      if (++stored === 1) interrupt();
    };
    const first = catalogReplication(db.catalog, {
      session: counting,
      resync$: new Subject<void>(),
      concurrency: 1,
      pageSize: 1000,
    });
    await interrupted;
    await first.cancel();
    const meta = await db.catalog.snapshot.meta();
    expect(meta.complete).toBe(false);
    const pages = meta.manifest?.pages ?? [];
    // The first page at least (a second may have been on its way to storage when the start stopped).
    const kept = await db.catalog.snapshot.storedPages();
    expect(kept).toContain(0);
    expect(kept.length).toBeLessThan(pages.length);

    // Meanwhile the back office changes the price of a product of a page not yet fetched, and of one already stored.
    const catalog = generateFrenchCatalog();
    const late = catalog[2_100] as Product;
    const early = catalog[10] as Product;
    await changeOnServer({ ...late, priceMinor: late.priceMinor + 7 });
    await changeOnServer({ ...early, priceMinor: early.priceMinor + 3 });

    const pagesAsked: string[] = [];
    const pageFetches = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      const url = String(input);
      if (url.includes('/catalog/pages')) pagesAsked.push(new URL(url).searchParams.get('after') ?? '');
      return pageFetches(input, init);
    };
    try {
      const second = catalogReplication(db.catalog, {
        session: counting,
        resync$: new Subject<void>(),
        pageSize: 1000,
      });
      await second.awaitInitialReplication();
      await second.cancel();
    } finally {
      globalThis.fetch = pageFetches;
    }
    // The same manifest (asked once, by the first start), only the two pages not stored.
    expect(requests.filter((p) => p.includes('/catalog/snapshot'))).toHaveLength(1);
    expect(pagesAsked.sort()).toEqual(
      pages
        .filter((_, key) => !kept.includes(key))
        .map((p) => String(p.after))
        .sort(),
    );
    // The changes came through the pull from the snapshot's checkpoint.
    expect(requests.filter((p) => p.includes('/products/pull'))[0]).toContain(
      `checkpoint=${meta.manifest?.upTo}`,
    );
    expect(db.catalog.size()).toBe(total);
    expect(db.catalog.byBarcode(late.barcode)?.priceMinor).toBe(late.priceMinor + 7);
    expect(db.catalog.byBarcode(early.barcode)?.priceMinor).toBe(early.priceMinor + 3);
    expect((await db.catalog.search(late.name, 50)).find((p) => p.id === late.id)?.priceMinor).toBe(
      late.priceMinor + 7,
    );
  });

  it('a price change on the server reaches the lookups once the resync it causes is pulled, without a new snapshot', async () => {
    const { db, session } = await enrolledTill();
    const resync$ = new Subject<void>();
    const replication = catalogReplication(db.catalog, { session, resync$ });
    await replication.awaitInitialReplication();
    const product = db.catalog.byId((generateFrenchCatalog()[500] as Product).id) as Product;
    const pagesBefore = (await db.catalog.snapshot.storedPages()).length;

    await changeOnServer({ ...product, priceMinor: product.priceMinor + 100 });
    resync$.next();
    await eventually(async () =>
      db.catalog.byBarcode(product.barcode)?.priceMinor === product.priceMinor + 100 ? true : undefined,
    );
    expect((await db.catalog.findByBarcode(product.barcode))?.priceMinor).toBe(product.priceMinor + 100);
    expect((await db.catalog.snapshot.storedPages()).length).toBe(pagesBefore);
    expect(db.catalog.stats().overlay).toBe(1);
    await replication.cancel();
  });
});
