import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPlainSale } from '../../../src/core/journal/test-builders';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../../src/core/sync/protocol';
import { readServerSentEvents } from '../../../src/data/sync/server-sent-events';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// Stock changes to tills as deltas (docs/sync-protocol.md, section 8): a
// stream opened with ?deltas=inventory gets the store's changed inventory
// documents in `delta` events, coalesced per store, instead of a resync
// that makes every till pull; applied in order they give exactly what a
// pull gives. A stream without the parameter (an older till) still gets
// resyncs.

interface Heard {
  readonly resyncs: string[][];
  readonly deltas: { from: number; to: number; documents: Record<string, unknown>[] }[];
}

describe.each(DATABASE_KINDS)('stock deltas in the live stream on $name', (kind) => {
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
    const { deltas } = withDeltas;
    expect(deltas[0]?.from).toBe(0);
    for (let i = 1; i < deltas.length; i++) expect(deltas[i]?.from).toBe(deltas[i - 1]?.to);
    // Coalesced: fewer deltas than sales is likely but not guaranteed; never more.
    expect(deltas.length).toBeLessThanOrEqual(6);
    const applied = new Map<unknown, Record<string, unknown>>();
    for (const delta of deltas) for (const doc of delta.documents) applied.set(doc.id, doc);
    expect(new Map(documents.map((doc) => [doc.id, doc]))).toEqual(applied);
    // The delta stream never said "pull inventory" after connecting; the older one did.
    expect(withDeltas.resyncs.slice(1).flat()).not.toContain('inventory');
    await eventually('the older stream to hear inventory', () =>
      withResyncs.resyncs.slice(1).some((names) => names.includes('inventory')),
    );
  });
});
