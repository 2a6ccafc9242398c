import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../scripts/lib/service-process';
import { aPlainSale } from '../../src/core/journal/test-builders';
import { readServerSentEvents } from '../../src/data/sync/server-sent-events';
import { asNewRows, TestJournal } from '../support/journal-builder';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres';
import { startSyncServer, stopAll, TEST_ADMIN_TOKEN } from '../support/processes';

const PROTOCOL = { 'x-till-protocol': '1' };

async function enrolTill(server: ServiceProcess, storeCode: string, tillCode: string) {
  const code = await fetch(`${server.url}/admin/v1/pairing-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ storeCode, tillCode }),
  });
  const { pairingCode } = (await code.json()) as { pairingCode: string };
  const enrolled = await fetch(`${server.url}/sync/v1/enrol`, {
    method: 'POST',
    headers: { ...PROTOCOL, 'content-type': 'application/json' },
    body: JSON.stringify({ pairingCode, deviceName: 'test' }),
  });
  const identity = (await enrolled.json()) as {
    tillId: string;
    credential: string;
    storeCode: string;
    tillCode: string;
  };
  return identity;
}

async function accessToken(server: ServiceProcess, tillId: string, credential: string): Promise<string> {
  const response = await fetch(`${server.url}/sync/v1/token`, {
    method: 'POST',
    headers: { ...PROTOCOL, authorization: `Bearer ${tillId}.${credential}` },
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Reads server-sent events until `predicate` accepts one event's data, or the timeout. */
async function waitForEvent(
  url: string,
  token: string,
  predicate: (data: string) => boolean,
  timeoutMs = 15_000,
) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const seen: string[] = [];
  let matched = false;
  try {
    const response = await fetch(url, {
      headers: { ...PROTOCOL, authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    if (!response.body) throw new Error('no stream body');
    await readServerSentEvents(response.body, (data) => {
      seen.push(data);
      if (!matched && predicate(data)) {
        matched = true;
        controller.abort();
      }
    });
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
  }
  if (matched) return seen;
  throw new Error(`no matching event in ${timeoutMs} ms; saw ${JSON.stringify(seen)}`);
}

// Two server processes on one PostgreSQL serve the same clients: no session
// state in the processes, keys in the database, changes through NOTIFY.
describe('two sync server instances on one PostgreSQL', () => {
  let database: ScratchDatabase;
  let first: ServiceProcess;
  let second: ServiceProcess;

  beforeAll(async () => {
    database = await createScratchDatabase();
    [first, second] = await Promise.all([
      startSyncServer({ databaseUrl: database.url }),
      startSyncServer({ databaseUrl: database.url }),
    ]);
  });
  afterAll(async () => {
    await stopAll();
    await database?.drop();
  });

  it('both report PostgreSQL in their health check', async () => {
    for (const server of [first, second]) {
      expect(await (await fetch(`${server.url}/health`)).json()).toEqual({
        status: 'ok',
        database: 'postgres',
      });
    }
  });

  it('seed the demo catalog once, and a till enrolled on one is served by the other', async () => {
    const till = await enrolTill(first, 'PAR01', '01');
    const token = await accessToken(second, till.tillId, till.credential);
    const pull = async (server: ServiceProcess) => {
      const response = await fetch(`${server.url}/sync/v1/products/pull?limit=5000`, {
        headers: { ...PROTOCOL, authorization: `Bearer ${token}` },
      });
      return ((await response.json()) as { documents: { id: string }[] }).documents.map((d) => d.id);
    };
    const [fromFirst, fromSecond] = await Promise.all([pull(first), pull(second)]);
    expect(fromFirst.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(fromFirst).size).toBe(fromFirst.length);
    expect(fromSecond).toEqual(fromFirst);
  });

  it("a change written through one instance reaches the other instance's live stream", async () => {
    // Till 02 sells through the first instance; the sale lowers the store's
    // stock, which till 03, listening on the second instance, must hear about.
    const seller = await enrolTill(first, 'PAR01', '02');
    const listener = await enrolTill(first, 'PAR01', '03');
    const sellerToken = await accessToken(first, seller.tillId, seller.credential);
    const listenerToken = await accessToken(second, listener.tillId, listener.credential);
    const sawInventoryResync = waitForEvent(
      `${second.url}/sync/v1/stream`,
      listenerToken,
      (data) => data === '{"collections":["inventory"]}',
    );
    // The seller's own stream hears the stock too, but not its own journal:
    // announcing that would only make it pull back what it has just pushed.
    const sellerSaw = waitForEvent(
      `${first.url}/sync/v1/stream`,
      sellerToken,
      (data) => data.includes('"inventory"') && !data.includes('"products"'),
    );
    // Let the streams connect (its first event is the resync-everything on connect).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const entry = new TestJournal(seller).append({ kind: 'sale.completed', payload: aPlainSale() });
    const push = await fetch(`${first.url}/sync/v1/journal/push`, {
      method: 'POST',
      headers: { ...PROTOCOL, authorization: `Bearer ${sellerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(asNewRows([entry])),
    });
    expect(push.status).toBe(200);
    const events = await sawInventoryResync;
    expect(events[0]).toContain('"products"');
    expect(events.at(-1)).toBe('{"collections":["inventory"]}');
    const sellerEvents = await sellerSaw;
    expect(sellerEvents[0]).toContain('"journal"');
    expect(sellerEvents.slice(1)).toEqual(['{"collections":["inventory"]}']);
  });
});
