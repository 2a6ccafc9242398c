import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../../src/core/sync/protocol';
import { productLineRanges } from '../../../src/data/catalog/page-lines';
import { autoPageCounts } from '../../../sync-server/src/sync/catalog-page-plan';
import { lockScope, writeDocuments } from '../../../sync-server/src/sync/document-store';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// The catalog's snapshot pages (docs/sync-protocol.md, 5.2): a manifest, pages
// by seq range, gzip and ETags, and deltas through the products pull.

const product = (n: number, priceMinor = 100 + n) => ({
  id: `p${String(n).padStart(4, '0')}`,
  barcode: String(3_000_000_000_000 + n),
  name: `Article ${n}`,
  searchName: `article ${n}`,
  category: 'epicerie',
  priceMinor,
  currency: 'EUR',
  vatRateBps: 550,
  unit: 'piece',
  active: true,
});

async function write(t: TestServer, docs: { id: string }[], deleted = false) {
  await t.db.transaction(async (tx) => {
    await lockScope(tx, 'products', '*');
    await writeDocuments(
      tx,
      'products',
      '*',
      docs.map((doc) => ({ id: doc.id, doc, deleted })),
    );
  });
}

describe.each(DATABASE_KINDS)('catalog snapshot on $name', (kind) => {
  let t: TestServer;
  let till: EnrolledTill;
  const headers = (extra: Record<string, string> = {}) => ({
    [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
    authorization: `Bearer ${till.accessToken}`,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestServer(kind);
    till = await t.enrol('PAR01', '01');
    await write(
      t,
      Array.from({ length: 250 }, (_, i) => product(i)),
    );
    // A withdrawn product: never in a snapshot.
    await write(t, [product(0)], true);
  });
  afterAll(() => t?.close());

  it('names pages of at most pageSize live products that cover the snapshot exactly once', async () => {
    const manifest = (await till.request('GET', '/sync/v1/catalog/snapshot?pageSize=100')).json();
    expect(manifest.total).toBe(249);
    expect(manifest.pages.map((p: { count: number }) => p.count)).toEqual([100, 100, 49]);
    expect(manifest.pages[0].after).toBe(0);
    expect(manifest.pages.at(-1).upTo).toBe(manifest.upTo);
    const ids: string[] = [];
    for (const page of manifest.pages) {
      const answer = await till.request(
        'GET',
        `/sync/v1/catalog/pages?after=${page.after}&upTo=${page.upTo}`,
      );
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['x-catalog-page-count']).toBe(String(page.count));
      ids.push(...answer.json().products.map((p: { id: string }) => p.id));
    }
    expect(ids).toHaveLength(249);
    expect(new Set(ids).size).toBe(249);
    expect(ids).not.toContain('p0000');
  });

  it('sends a page gzip-compressed with an ETag, and 304 without a body when the till already holds it', async () => {
    const manifest = (await till.request('GET', '/sync/v1/catalog/snapshot?pageSize=100')).json();
    const { after, upTo } = manifest.pages[1];
    const url = `/sync/v1/catalog/pages?after=${after}&upTo=${upTo}`;
    const zipped = await t.server.app.inject({
      method: 'GET',
      url,
      headers: headers({ 'accept-encoding': 'gzip' }),
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const text = gunzipSync(zipped.rawPayload).toString('utf8');
    const body = JSON.parse(text);
    expect(body.products).toHaveLength(100);
    // One product a line: the till keeps each line as the product's record (src/data/catalog/page-lines.ts).
    const bytes = new Uint8Array(gunzipSync(zipped.rawPayload));
    const ranges = productLineRanges(bytes, 100);
    const lines = Array.from({ length: 100 }, (_, i) =>
      JSON.parse(new TextDecoder().decode(bytes.subarray(ranges?.[i * 2], ranges?.[i * 2 + 1]))),
    );
    expect(ranges).toBeDefined();
    expect(lines).toEqual(body.products);
    expect(zipped.rawPayload.length).toBeLessThan(JSON.stringify(body).length / 3);
    const etag = String(zipped.headers.etag);
    const again = await t.server.app.inject({
      method: 'GET',
      url,
      headers: headers({ 'if-none-match': etag }),
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);

    // A product of that page changes: it leaves the page (new seq), so the page's ETag changes.
    const moved = body.products[0];
    await write(t, [{ ...moved, priceMinor: moved.priceMinor + 1 }]);
    const changed = await t.server.app.inject({
      method: 'GET',
      url,
      headers: headers({ 'if-none-match': etag }),
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().products).toHaveLength(99);
    expect(changed.headers.etag).not.toBe(etag);
    // ...and arrives through the products pull after the snapshot's checkpoint, with the new price.
    const delta = (
      await till.request('GET', `/sync/v1/products/pull?checkpoint=${manifest.upTo}&limit=100`)
    ).json();
    expect(delta.documents.map((d: { id: string; priceMinor: number }) => [d.id, d.priceMinor])).toEqual([
      [moved.id, moved.priceMinor + 1],
    ]);
  });

  it('refuses a range wider than a page, a reversed range and a bad page size, with words', async () => {
    const wide = await till.request('GET', '/sync/v1/catalog/pages?after=0&upTo=999999');
    // 250 products fit in the 5,000 limit: a wide range is answered while it stays that small.
    expect(wide.statusCode).toBe(200);
    const reversed = await till.request('GET', '/sync/v1/catalog/pages?after=10&upTo=5');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error).toBe('bad-request');
    const tiny = await till.request('GET', '/sync/v1/catalog/snapshot?pageSize=3');
    expect(tiny.statusCode).toBe(400);
    expect(tiny.json().message).toMatch(/pageSize/);
  });

  it('chooses the pages itself when asked for pageSize=auto or no pageSize: even pages of the grain for a small catalog, each holding what it says', async () => {
    await write(
      t,
      Array.from({ length: 2_000 }, (_, i) => product(1_000 + i)),
    );
    const manifest = (await till.request('GET', '/sync/v1/catalog/snapshot?pageSize=auto')).json();
    expect(manifest.total).toBe(2_249);
    expect(manifest.pages.map((p: { count: number }) => p.count)).toEqual(autoPageCounts(2_249));
    expect(manifest.pages.map((p: { count: number }) => p.count)).toEqual([500, 500, 500, 500, 249]);
    expect(manifest.pageSize).toBe(500);
    const absent = (await till.request('GET', '/sync/v1/catalog/snapshot')).json();
    expect(absent.pages).toEqual(manifest.pages);
    const ids = new Set<string>();
    for (const page of manifest.pages) {
      const answer = await till.request(
        'GET',
        `/sync/v1/catalog/pages?after=${page.after}&upTo=${page.upTo}`,
      );
      expect(answer.headers['x-catalog-page-count']).toBe(String(page.count));
      for (const p of answer.json().products) ids.add(p.id);
    }
    expect(ids.size).toBe(2_249);
  });

  it('answers 401 without a token', async () => {
    const anonymous = await t.server.app.inject({
      method: 'GET',
      url: '/sync/v1/catalog/snapshot',
      headers: { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
