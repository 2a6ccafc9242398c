import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPlainSale } from '../../../src/core/journal/test-builders';
import { aSaleAt } from '../../../src/core/returns/store-sale-test-builders';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../../src/core/sync/protocol';
import { readServerSentEvents } from '../../../src/data/sync/server-sent-events';
import { type DocumentDelta, startDeltaFeed } from '../../../sync-server/src/sync/delta-feed';
import { lockScope, writeDocuments } from '../../../sync-server/src/sync/document-store';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// Stock and store sales changes to tills as deltas (docs/sync-protocol.md,
// section 8): a stream opened with ?deltas=inventory,sales gets the store's
// changed inventory and sales documents in `delta` events, coalesced per
// store, instead of a resync that makes every till pull; applied in order
// they give exactly what a pull gives. A stream without the parameter, or
// with ?deltas=inventory only (older tills), still gets resyncs for the rest.

interface Delta {
  readonly collection: string;
  readonly from: number;
  readonly to: number;
  readonly documents: Record<string, unknown>[];
}

interface Heard {
  readonly resyncs: string[][];
  readonly deltas: Delta[];
}

const deltasOf = (heard: Heard, collection: string) =>
  heard.deltas.filter((d) => d.collection === collection);

/** The documents of deltas applied in order, by id; and each delta follows the one before. */
function applied(deltas: readonly Delta[]): Map<unknown, Record<string, unknown>> {
  for (let i = 1; i < deltas.length; i++) expect(deltas[i]?.from).toBe(deltas[i - 1]?.to);
  const documents = new Map<unknown, Record<string, unknown>>();
  for (const delta of deltas) for (const doc of delta.documents) documents.set(doc.id, doc);
  return documents;
}

describe.each(DATABASE_KINDS)('deltas in the live stream on $name', (kind) => {
  let t: TestServer;
  let url: string;
  const streams = new AbortController();

  beforeAll(async () => {
    t = await startTestServer(kind);
    url = await t.server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    streams.abort();
    await t?.close();
  });

  const listen = async (till: EnrolledTill, query: string): Promise<Heard> => {
    const heard: Heard = { resyncs: [], deltas: [] };
    const response = await fetch(`${url}/sync/v1/stream${query}`, {
      headers: {
        [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
        authorization: `Bearer ${till.accessToken}`,
      },
      signal: streams.signal,
    });
    expect(response.status).toBe(200);
    if (!response.body) throw new Error('no stream body');
    void readServerSentEvents(response.body, (data) => {
      const event = JSON.parse(data) as { collections?: string[]; delta?: Heard['deltas'][number] };
      if (event.delta) heard.deltas.push(event.delta);
      else heard.resyncs.push(event.collections ?? []);
    }).catch(() => undefined);
    return heard;
  };
  const eventually = async (what: string, probe: () => boolean) => {
    const deadline = Date.now() + 10_000;
    while (!probe()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('sends the store its stock changes as deltas that add up to a pull', async () => {
    const seller = await t.enrol('PAR01', '03');
    const watcher = await t.enrol('PAR01', '05');
    const older = await t.enrol('PAR01', '06');
    const withDeltas = await listen(watcher, '?deltas=inventory');
    const withResyncs = await listen(older, '');
    await eventually(
      'the connect resyncs',
      () => withDeltas.resyncs.length > 0 && withResyncs.resyncs.length > 0,
    );

    const journal = new TestJournal(seller);
    for (let n = 0; n < 6; n++) {
      const entry = journal.append({ kind: 'sale.completed', payload: aPlainSale(n) });
      const pushed = await seller.request('POST', '/sync/v1/journal/push', asNewRows([entry]));
      expect(pushed.statusCode).toBe(200);
    }
    const pulled = await watcher.request('GET', '/sync/v1/inventory/pull?checkpoint=0&limit=5000');
    const { documents, checkpoint } = pulled.json() as {
      documents: Record<string, unknown>[];
      checkpoint: { seq: number };
    };
    expect(documents.length).toBeGreaterThan(0);
    await eventually(
      'the deltas to reach the last level',
      () => withDeltas.deltas.at(-1)?.to === checkpoint.seq,
    );

    // In order, each follows the one before, from before the first sale.
    const deltas = deltasOf(withDeltas, 'inventory');
    expect(deltas[0]?.from).toBe(0);
    // Coalesced: fewer deltas than sales is likely but not guaranteed; never more.
    expect(deltas.length).toBeLessThanOrEqual(6);
    expect(new Map(documents.map((doc) => [doc.id, doc]))).toEqual(applied(deltas));
    // The delta stream never said "pull inventory" after connecting; the older one did.
    expect(withDeltas.resyncs.slice(1).flat()).not.toContain('inventory');
    await eventually('the older stream to hear inventory', () =>
      withResyncs.resyncs.slice(1).some((names) => names.includes('inventory')),
    );
  });
  it('sends every stream of the store the same sales deltas, once each; ?deltas=inventory still hears resyncs', async () => {
    const seller = await t.enrol('LYO01', '01');
    const first = await t.enrol('LYO01', '02');
    const second = await t.enrol('LYO01', '03');
    const older = await t.enrol('LYO01', '04');
    const elsewhere = await t.enrol('MRS01', '01');
    const a = await listen(first, '?deltas=inventory,sales');
    const b = await listen(second, '?deltas=sales,inventory');
    const stockOnly = await listen(older, '?deltas=inventory');
    const otherStore = await listen(elsewhere, '?deltas=inventory,sales');
    await eventually('the connect resyncs', () =>
      [a, b, stockOnly, otherStore].every((heard) => heard.resyncs.length > 0),
    );

    const journal = new TestJournal(seller);
    for (let n = 0; n < 6; n++) {
      const entry = journal.append({
        kind: 'sale.completed',
        payload: aSaleAt(seller, new Date().toISOString()),
      });
      const pushed = await seller.request('POST', '/sync/v1/journal/push', asNewRows([entry]));
      expect(pushed.statusCode).toBe(200);
    }
    const pulled = await first.request('GET', '/sync/v1/sales/pull?checkpoint=0&limit=5000');
    const { documents, checkpoint } = pulled.json() as {
      documents: Record<string, unknown>[];
      checkpoint: { seq: number };
    };
    expect(documents).toHaveLength(6);
    await eventually(
      'the sales deltas to reach the last sale',
      () =>
        deltasOf(a, 'sales').at(-1)?.to === checkpoint.seq &&
        deltasOf(b, 'sales').at(-1)?.to === checkpoint.seq,
    );

    // One read per window serves both streams: the same deltas, each once, from before the first sale.
    const sales = deltasOf(a, 'sales');
    expect(deltasOf(b, 'sales')).toEqual(sales);
    expect(sales[0]?.from).toBe(0);
    expect(sales.length).toBeLessThanOrEqual(6);
    expect(new Map(documents.map((doc) => [doc.id, doc]))).toEqual(applied(sales));
    expect(a.resyncs.slice(1).flat()).not.toContain('sales');
    // The till asking stock deltas only hears "pull sales"; the other store hears nothing of these.
    await eventually('the stock-only stream to hear sales', () =>
      stockOnly.resyncs.slice(1).some((names) => names.includes('sales')),
    );
    expect(deltasOf(stockOnly, 'sales')).toEqual([]);
    expect(deltasOf(stockOnly, 'inventory').length).toBeGreaterThan(0);
    expect(deltasOf(otherStore, 'sales')).toEqual([]);
  });

  it("hands a store's stock and sales deltas of one commit over together, stock first, so a stream sends them in one write", async () => {
    const feed = startDeltaFeed(t.db, t.server.hub, { windowMs: 20 });
    // Deltas handed over in the same tick form one batch.
    const batches: string[][] = [];
    let batch: string[] | undefined;
    const heard = (delta: DocumentDelta | 'resync') => {
      if (!batch) {
        const current: string[] = [];
        batch = current;
        process.nextTick(() => {
          batches.push(current);
          batch = undefined;
        });
      }
      batch.push(delta === 'resync' ? 'resync' : delta.collection);
    };
    const unsubscribe = [
      feed.subscribe('sales', 'LIL01', heard),
      feed.subscribe('inventory', 'LIL01', heard),
    ];
    await new Promise((resolve) => setTimeout(resolve, 200));
    try {
      await t.db.transaction(async (tx) => {
        await lockScope(tx, 'inventory', 'LIL01');
        await lockScope(tx, 'sales', 'LIL01');
        await writeDocuments(tx, 'sales', 'LIL01', [
          { id: 'sale-lil-1', doc: { id: 'sale-lil-1', storeCode: 'LIL01' }, deleted: false },
        ]);
        await writeDocuments(tx, 'inventory', 'LIL01', [
          { id: 'LIL01:LIL01:p1', doc: { id: 'LIL01:LIL01:p1', quantity: 4 }, deleted: false },
        ]);
      });
      await eventually('both deltas', () => batches.flat().length >= 2);
      expect(batches).toEqual([['inventory', 'sales']]);
    } finally {
      for (const stop of unsubscribe) stop();
      feed.stop();
    }
  });

  it('goes on sending to the other streams, and in the next windows, when one listener throws', async () => {
    const feed = startDeltaFeed(t.db, t.server.hub, { windowMs: 20 });
    const heard: number[] = [];
    const unsubscribe = [
      feed.subscribe('sales', 'REN01', () => {
        throw new Error('a broken stream');
      }),
      feed.subscribe('sales', 'REN01', (delta) => {
        if (delta !== 'resync') heard.push(delta.to);
      }),
    ];
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sell = (n: number) =>
      t.db.transaction(async (tx) => {
        await lockScope(tx, 'sales', 'REN01');
        await writeDocuments(tx, 'sales', 'REN01', [
          { id: `sale-ren-${n}`, doc: { id: `sale-ren-${n}`, storeCode: 'REN01' }, deleted: false },
        ]);
      });
    try {
      await sell(1);
      await eventually('the first delta', () => heard.length === 1);
      await sell(2);
      await eventually('the second delta', () => heard.length === 2);
      expect(heard).toEqual([1, 2]);
    } finally {
      for (const stop of unsubscribe) stop();
      feed.stop();
    }
  });

  it('sends resync instead of a delta too large, then deltas again from where the scope is', async () => {
    // A feed of its own over the server's hub, with a window and a size limit small enough to test.
    const feed = startDeltaFeed(t.db, t.server.hub, { windowMs: 20, maxDocuments: 3 });
    const heard: (DocumentDelta | 'resync')[] = [];
    const unsubscribe = feed.subscribe('sales', 'NTE01', (delta) => heard.push(delta));
    // The feed reads the scope's counter as it opens (well under this).
    await new Promise((resolve) => setTimeout(resolve, 200));
    let written = 0;
    const write = (count: number) =>
      t.db.transaction(async (tx) => {
        await lockScope(tx, 'sales', 'NTE01');
        await writeDocuments(
          tx,
          'sales',
          'NTE01',
          Array.from({ length: count }, () => {
            written++;
            return {
              id: `sale-${written}`,
              doc: { id: `sale-${written}`, storeCode: 'NTE01' },
              deleted: false,
            };
          }),
        );
      });
    try {
      await write(4);
      await eventually('the resync', () => heard.length > 0);
      expect(heard).toEqual(['resync']);
      await write(1);
      await eventually('the next delta', () => heard.length > 1);
      expect(heard[1]).toEqual({
        collection: 'sales',
        from: 4,
        to: 5,
        documents: [{ id: 'sale-5', storeCode: 'NTE01', _deleted: false }],
      });
    } finally {
      unsubscribe();
      feed.stop();
    }
  });
});
