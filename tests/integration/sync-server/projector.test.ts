import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPlainSale } from '../../../src/core/journal/test-builders';
import { startProjector } from '../../../sync-server/src/projections/projector';
import { createUploadPriority } from '../../../sync-server/src/projections/upload-priority';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import { DATABASE_KINDS, startTestServer, type TestServer } from '../../support/sync-server-harness';

// The projector (docs/projections.md, "The projector"): a push stores and
// queues its entries and answers without projecting them; the projector
// projects what is queued, once, and exports its lag. The two-process and
// kill -9 cases are in projector-processes.test.ts.

const count = async (t: TestServer, sql: string) =>
  Number((await t.db.query<{ n: number | string }>(sql)).rows[0]?.n ?? -1);

describe.each(DATABASE_KINDS)('the projector on $name', (kind) => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t?.close());

  it('projects what a push queued, after the push answered, and exports the lag', async () => {
    // Stopped, so the push's own answer can be looked at before any projection.
    await t.server.projector?.stop();
    const till = await t.enrol('PAR01', '03');
    const journal = new TestJournal(till);
    const entries = [0, 1, 2].map((n) => journal.append({ kind: 'sale.completed', payload: aPlainSale(n) }));
    const pushed = await till.request('POST', '/sync/v1/journal/push', asNewRows(entries));
    expect(pushed.statusCode, pushed.body).toBe(200);
    expect(await count(t, 'SELECT count(*) AS n FROM journal_projection_queue')).toBe(3);
    expect(await count(t, 'SELECT count(*) AS n FROM sales')).toBe(0);
    expect(await count(t, "SELECT count(*) AS n FROM sync_documents WHERE collection = 'inventory'")).toBe(0);

    const projector = startProjector(t.db, { metrics: t.server.metrics });
    try {
      await projector.settled();
    } finally {
      await projector.stop();
    }
    expect(await count(t, 'SELECT count(*) AS n FROM journal_projection_queue')).toBe(0);
    expect(await count(t, 'SELECT count(*) AS n FROM sales')).toBe(3);
    expect(await count(t, 'SELECT count(*) AS n FROM stock_movements')).toBe(9);
    // The same entries pushed again: a no-op, nothing queued, nothing moved.
    const again = await till.request('POST', '/sync/v1/journal/push', asNewRows(entries));
    expect(again.json()).toEqual([]);
    expect(await count(t, 'SELECT count(*) AS n FROM journal_projection_queue')).toBe(0);

    const metrics = await t.server.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('till_sync_projection_lag_seconds_count 3');
    expect(metrics.body).toContain('till_sync_projected_entries_total 3');
    expect(metrics.body).toMatch(/till_sync_projection_lag_quantile_seconds\{quantile="0.99"\} \d/);
    expect(metrics.body).toContain('till_sync_projection_queue_entries 0');
  });

  it('waits while a bulk upload is being stored, but never longer than its bound in a row', async () => {
    await t.server.projector?.stop();
    const till = await t.enrol('PAR01', '05');
    const journal = new TestJournal(till);
    const sale = journal.append({ kind: 'sale.completed', payload: aPlainSale(50) });
    const pushed = await till.request('POST', '/sync/v1/journal/push', asNewRows([sale]));
    expect(pushed.statusCode, pushed.body).toBe(200);
    const projectedSales = () => count(t, `SELECT count(*) AS n FROM sales WHERE entry_id = '${sale.id}'`);

    const priority = createUploadPriority({ maxDeferMs: 1_500, graceMs: 100 });
    // A till's 1,000-entry batch is being stored on this instance.
    const answered = priority.begin(1_000);
    const started = performance.now();
    const projector = startProjector(t.db, { metrics: t.server.metrics, priority });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await projectedSales()).toBe(0);
      // Still in flight past the bound: the projector goes anyway.
      while ((await projectedSales()) === 0) {
        expect(performance.now() - started, 'projected within 10 s').toBeLessThan(10_000);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(performance.now() - started).toBeGreaterThanOrEqual(1_400);
    } finally {
      answered();
      await projector.stop();
    }
  });

  it('spaces its batches by the interval it is given, so one batch takes the entries of several pushes', async () => {
    await t.server.projector?.stop();
    const till = await t.enrol('PAR01', '06');
    const journal = new TestJournal(till);
    const first = journal.append({ kind: 'sale.completed', payload: aPlainSale(60) });
    const second = journal.append({ kind: 'sale.completed', payload: aPlainSale(61) });
    const projected = (entryId: string) =>
      count(t, `SELECT count(*) AS n FROM sales WHERE entry_id = '${entryId}'`);
    const until = async (entryId: string) => {
      while ((await projected(entryId)) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const projector = startProjector(t.db, { metrics: t.server.metrics, minBatchIntervalMs: 600 });
    try {
      await projector.settled();
      const started = performance.now();
      expect((await till.request('POST', '/sync/v1/journal/push', asNewRows([first]))).statusCode).toBe(200);
      projector.wake();
      await until(first.id);
      expect((await till.request('POST', '/sync/v1/journal/push', asNewRows([second]))).statusCode).toBe(200);
      projector.wake();
      await until(second.id);
      // The second batch started at least 600 ms after the first, which started after `started`.
      expect(performance.now() - started).toBeGreaterThanOrEqual(600);
    } finally {
      await projector.stop();
    }
  });

  it('parks an entry whose projection keeps failing, and projects the others', async () => {
    // A journal row no push would store (a sale without lines): its projection throws.
    await t.db.query(
      `INSERT INTO sync_documents (collection, id, scope, doc, deleted, seq, updated_at)
       VALUES ('journal', 'broken-entry', 'broken-till', $1::jsonb, false, 1, now())`,
      [JSON.stringify({ id: 'broken-entry', kind: 'sale.completed', sequence: 1, payload: {} })],
    );
    await t.db.query(
      "INSERT INTO journal_projection_queue (entry_id, till_id) VALUES ('broken-entry', 'broken-till')",
    );
    const till = await t.enrol('PAR01', '04');
    const journal = new TestJournal(till);
    const sale = journal.append({ kind: 'sale.completed', payload: aPlainSale(40) });
    const errors: unknown[] = [];
    const projector = startProjector(t.db, { metrics: t.server.metrics, onError: (e) => errors.push(e) });
    try {
      const pushed = await till.request('POST', '/sync/v1/journal/push', asNewRows([sale]));
      expect(pushed.statusCode, pushed.body).toBe(200);
      projector.wake();
      await projector.settled();
    } finally {
      await projector.stop();
    }
    expect(errors.length).toBeGreaterThanOrEqual(5);
    const parked = await t.db.query<{ attempts: number; failed: boolean; last_error: string }>(
      "SELECT attempts, failed_at IS NOT NULL AS failed, last_error FROM journal_projection_queue WHERE entry_id = 'broken-entry'",
    );
    expect(parked.rows).toEqual([{ attempts: 5, failed: true, last_error: expect.any(String) }]);
    expect(await count(t, `SELECT count(*) AS n FROM sales WHERE entry_id = '${sale.id}'`)).toBe(1);
    expect(await count(t, 'SELECT count(*) AS n FROM journal_projection_queue WHERE failed_at IS NULL')).toBe(
      0,
    );

    // A person lists what is parked, fixes the fault (here: the stored entry), and puts it back in the queue.
    const listed = await t.admin('GET', '/admin/v1/projections/parked');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().parked).toEqual([
      expect.objectContaining({ entryId: 'broken-entry', tillId: 'broken-till', attempts: 5 }),
    ]);
    expect((await t.admin('POST', '/admin/v1/projections/parked/no-such-entry/requeue')).statusCode).toBe(
      404,
    );
    expect((await t.admin('POST', `/admin/v1/projections/parked/${sale.id}/requeue`)).statusCode).toBe(404);
    expect((await t.admin('POST', '/admin/v1/projections/parked/bad%20id/requeue')).statusCode).toBe(400);
    const fixed = {
      ...journal.append({ kind: 'sale.completed', payload: aPlainSale(41) }),
      id: 'broken-entry',
    };
    await t.db.query(
      "UPDATE sync_documents SET doc = $1::jsonb WHERE collection = 'journal' AND id = 'broken-entry'",
      [JSON.stringify(fixed)],
    );
    const requeued = await t.admin('POST', '/admin/v1/projections/parked/broken-entry/requeue');
    expect(requeued.statusCode, requeued.body).toBe(200);
    expect(requeued.json()).toEqual({ requeued: 'broken-entry' });
    const again = startProjector(t.db, { metrics: t.server.metrics });
    try {
      await again.settled();
    } finally {
      await again.stop();
    }
    expect(await count(t, "SELECT count(*) AS n FROM sales WHERE entry_id = 'broken-entry'")).toBe(1);
    expect(await count(t, 'SELECT count(*) AS n FROM journal_projection_queue')).toBe(0);
    expect((await t.admin('GET', '/admin/v1/projections/parked')).json().parked).toEqual([]);
    // Projected now: there is nothing left to requeue.
    expect((await t.admin('POST', '/admin/v1/projections/parked/broken-entry/requeue')).statusCode).toBe(404);
  }, 30_000);
});
