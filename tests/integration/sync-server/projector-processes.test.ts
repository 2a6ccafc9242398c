import { afterAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../../scripts/lib/service-process';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import { aPlainSale } from '../../../src/core/journal/test-builders';
import { PROJECTION_LOCK_KEY } from '../../../sync-server/src/projections/projection-lock';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import { createScratchDatabase, queryRows, type ScratchDatabase } from '../../support/postgres';
import { startSyncServer, stopAll, TEST_ADMIN_TOKEN } from '../../support/processes';

// The projector in real sync-server processes on one PostgreSQL
// (docs/projections.md, "The projector"): one instance only takes pushes
// (TILL_PROJECTOR=off) and queues 4,000 sales of four tills; two others
// project them at once, and one of those is killed with SIGKILL while it
// holds the projection lock (in the middle of a batch), then started again.
// Every sale must end projected exactly once: its rows, its stock movements
// and the store's stock levels, none doubled, none lost.

const PROTOCOL = { 'x-till-protocol': '1' };
const TILLS = 4;
const SALES_PER_TILL = 1_000;

interface ProcessTill {
  readonly tillId: string;
  readonly storeCode: string;
  readonly tillCode: string;
  readonly accessToken: string;
}

async function enrol(url: string, storeCode: string, tillCode: string): Promise<ProcessTill> {
  const post = async (path: string, headers: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { ...PROTOCOL, ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, string>>;
  };
  const { pairingCode } = await post(
    '/admin/v1/pairing-codes',
    { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    { storeCode, tillCode },
  );
  const { tillId = '', credential } = await post('/sync/v1/enrol', {}, { pairingCode, deviceName: tillCode });
  const { accessToken = '' } = await post('/sync/v1/token', {
    authorization: `Bearer ${tillId}.${credential}`,
  });
  return { tillId, storeCode, tillCode, accessToken };
}

async function pushAll(url: string, till: ProcessTill, entries: readonly JournalEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    const response = await fetch(`${url}/sync/v1/journal/push`, {
      method: 'POST',
      headers: {
        ...PROTOCOL,
        authorization: `Bearer ${till.accessToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(asNewRows(entries.slice(i, i + 500))),
    });
    expect(response.status, await response.text()).toBe(200);
  }
}

const withName = (url: string, name: string) => {
  const named = new URL(url);
  named.searchParams.set('application_name', name);
  return named.toString();
};

async function projectedBy(server: ServiceProcess): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^till_sync_projected_entries_total (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the projector in two sync-server processes on PostgreSQL', () => {
  let scratch: ScratchDatabase | undefined;
  afterAll(async () => {
    await stopAll();
    await scratch?.drop();
  });

  it('projects every queued sale once, with one projector killed mid-batch and restarted', async () => {
    scratch = await createScratchDatabase('till_projector');
    const db = scratch.url;
    const pushing = await startSyncServer({ databaseUrl: db, seedDemoCatalog: false, projector: 'off' });
    const tills = await Promise.all(
      Array.from({ length: TILLS }, (_, i) => enrol(pushing.url, 'PAR01', String(i + 1).padStart(2, '0'))),
    );
    const entries = tills.map((till, t) => {
      const journal = new TestJournal(till);
      for (let n = 0; n < SALES_PER_TILL; n++)
        journal.append({ kind: 'sale.completed', payload: aPlainSale(t * SALES_PER_TILL + n) });
      return journal.entries;
    });
    await Promise.all(tills.map((till, t) => pushAll(pushing.url, till, entries[t] ?? [])));
    const total = TILLS * SALES_PER_TILL;
    const queued = async () =>
      Number(
        (await queryRows<{ n: string }>(db, 'SELECT count(*) AS n FROM journal_projection_queue'))[0]?.n,
      );
    expect(await queued()).toBe(total);

    let [a, b] = await Promise.all(
      ['projector-a', 'projector-b'].map((name) =>
        startSyncServer({ databaseUrl: withName(db, name), seedDemoCatalog: false }),
      ),
    );
    if (!a || !b) throw new Error('projectors did not start');
    // B in the middle of a batch: its connection holds the projection lock
    // while committed entries are still queued (its batch among them).
    const left = await until(
      'projector B to hold the projection lock with entries queued',
      async () => {
        const [seen] = await queryRows<{ b_holds: boolean; queued: string }>(
          db,
          `SELECT EXISTS (
                    SELECT 1 FROM pg_locks l JOIN pg_stat_activity s ON s.pid = l.pid
                     WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted
                       AND s.application_name = 'projector-b') AS b_holds,
                  (SELECT count(*) FROM journal_projection_queue) AS queued`,
          [PROJECTION_LOCK_KEY],
        );
        return seen?.b_holds && Number(seen.queued) > 0 ? Number(seen.queued) : undefined;
      },
      60_000,
    );
    b.child.kill('SIGKILL');
    await new Promise((resolve) => b?.child.once('exit', resolve));

    b = await startSyncServer({ databaseUrl: withName(db, 'projector-b'), seedDemoCatalog: false });
    await until('the queue to drain', async () => ((await queued()) === 0 ? true : undefined), 120_000);
    // What was queued when B died was projected by A and the restarted B.
    expect((await projectedBy(a)) + (await projectedBy(b))).toBeGreaterThanOrEqual(left);

    const [sales] = await queryRows<{ n: string; distinct_entries: string }>(
      db,
      'SELECT count(*) AS n, count(DISTINCT entry_id) AS distinct_entries FROM sales',
    );
    expect(sales).toEqual({ n: String(total), distinct_entries: String(total) });
    // What the entries say left the shelf, product by product.
    const sold = new Map<string, number>();
    for (const entry of entries.flat()) {
      if (entry.kind !== 'sale.completed') continue;
      for (const line of entry.payload.lines) {
        if (line.voided || line.measure.kind !== 'pieces') continue;
        sold.set(line.productId, (sold.get(line.productId) ?? 0) + line.measure.quantity);
      }
    }
    const moved = await queryRows<{ product_id: string; total: number; n: string }>(
      db,
      'SELECT product_id, sum(delta)::int AS total, count(*) AS n FROM stock_movements GROUP BY product_id',
    );
    expect(moved.reduce((sum, row) => sum + Number(row.n), 0)).toBe(
      entries.flat().reduce((sum, e) => sum + (e.kind === 'sale.completed' ? e.payload.lines.length : 0), 0),
    );
    const expected = Object.fromEntries([...sold].map(([product, units]) => [product, -units]));
    expect(Object.fromEntries(moved.map((row) => [row.product_id, row.total]))).toEqual(expected);
    const levels = await queryRows<{ product_id: string; quantity: number }>(
      db,
      `SELECT doc->>'productId' AS product_id, (doc->>'quantity')::int AS quantity
         FROM sync_documents WHERE collection = 'inventory' AND scope = 'PAR01'`,
    );
    expect(Object.fromEntries(levels.map((row) => [row.product_id, row.quantity]))).toEqual(expected);
  }, 300_000);
});
