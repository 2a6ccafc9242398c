import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import { aPlainSale } from '../../../src/core/journal/test-builders';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../../src/core/sync/protocol';
import { resealed, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// The journal upload (docs/sync-protocol.md, 6.1): a till's entries in one
// compressed request, with the journal push's answers: new entries stored
// and projected, a replay a no-op, a rewrite a conflict with an incident, a
// break an incident; the body bounded once decompressed.

describe.each(DATABASE_KINDS)('the journal upload on $name', (kind) => {
  let t: TestServer;
  let till: EnrolledTill;
  let journal: TestJournal;

  beforeAll(async () => {
    t = await startTestServer(kind);
    till = await t.enrol('PAR01', '03');
    journal = new TestJournal(till);
  });
  afterAll(() => t?.close());

  const upload = async (body: Buffer | string, encoding?: string) => {
    const response = await t.server.app.inject({
      method: 'POST',
      url: '/sync/v1/journal/upload',
      headers: {
        [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
        authorization: `Bearer ${till.accessToken}`,
        'content-type': 'application/json',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      },
      payload: body,
    });
    await t.server.projector?.settled();
    return response;
  };
  const json = (entries: readonly JournalEntry[]) => JSON.stringify({ entries });
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.db.query<{ n: string | number }>(sql, params)).rows[0]?.n);
  const stored = () => count("SELECT count(*) AS n FROM sync_documents WHERE collection = 'journal'");

  it('stores and projects a gzip batch once; the same batch again is a no-op', async () => {
    const entries = [0, 1, 2].map((n) => journal.append({ kind: 'sale.completed', payload: aPlainSale(n) }));
    const first = await upload(gzipSync(json(entries)), 'gzip');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ stored: 3, unchanged: 0, conflicts: [], incidents: 0 });
    expect(await count('SELECT count(*) AS n FROM sales')).toBe(3);

    const again = await upload(gzipSync(json(entries)), 'gzip');
    expect(again.json()).toEqual({ stored: 0, unchanged: 3, conflicts: [], incidents: 0 });
    expect(await count('SELECT count(*) AS n FROM sales')).toBe(3);
    expect(await count('SELECT count(*) AS n FROM stock_movements')).toBe(9);
  });

  it('takes deflate and uncompressed bodies too', async () => {
    const a = journal.floatIn(100);
    expect((await upload(deflateSync(json([a])), 'deflate')).json()).toMatchObject({ stored: 1 });
    const b = journal.floatIn(200);
    expect((await upload(json([b]))).json()).toMatchObject({ stored: 1 });
    expect(await count('SELECT count(*) AS n FROM cash_movements WHERE till_id = $1', [till.tillId])).toBe(2);
  });

  it('a rewrite is a conflict: the stored entry kept, an entry-rewritten incident recorded', async () => {
    const original = journal.entries[0] as JournalEntry;
    const rewritten = resealed(original, (material) => {
      material.recordedAt = '2030-01-01T00:00:00.000Z';
    });
    const answer = await upload(gzipSync(json([rewritten])), 'gzip');
    expect(answer.json()).toEqual({ stored: 0, unchanged: 0, conflicts: [original.id], incidents: 1 });
    const incidents = await t.db.query<{ code: string }>(
      'SELECT code FROM journal_incidents WHERE entry_id = $1',
      [original.id],
    );
    expect(incidents.rows.map((row) => row.code)).toEqual(['entry-rewritten']);
  });

  it('a chain break is stored and recorded: a gap, then a broken link held', async () => {
    journal.floatIn(1); // never uploaded: a gap
    const after = journal.floatIn(2);
    const gap = await upload(gzipSync(json([after])), 'gzip');
    expect(gap.json()).toEqual({ stored: 1, unchanged: 0, conflicts: [], incidents: 1 });
    const forged = resealed(journal.floatIn(3), (material) => {
      material.prevHash = 'f'.repeat(64);
    });
    const broken = await upload(gzipSync(json([forged])), 'gzip');
    expect(broken.json()).toEqual({ stored: 1, unchanged: 0, conflicts: [], incidents: 1 });
    expect(
      await count('SELECT count(*) AS n FROM journal_held_entries WHERE entry_id = $1', [forged.id]),
    ).toBe(1);
    expect(await count('SELECT count(*) AS n FROM cash_movements WHERE entry_id = $1', [forged.id])).toBe(0);
  });

  it('refuses a bad body whole, storing nothing', async () => {
    const before = await stored();
    const fresh = journal.floatIn(5);
    const cases: [Buffer | string, string | undefined, number][] = [
      [gzipSync(json([fresh])), 'br', 400],
      [Buffer.from('not gzip at all'), 'gzip', 400],
      [gzipSync(JSON.stringify({ entries: [] })), 'gzip', 400],
      [gzipSync(JSON.stringify({ entries: [fresh], extra: 1 })), 'gzip', 400],
      [gzipSync(json(Array.from({ length: 1001 }, () => fresh))), 'gzip', 400],
      [gzipSync(json([{ ...fresh, storeCode: 'LYO01' }])), 'gzip', 403],
      // 20 MiB of spaces, about 20 KiB compressed: over the decompressed bound.
      [gzipSync(`{"entries":[${' '.repeat(20 * 1024 * 1024)}]}`), 'gzip', 413],
    ];
    for (const [body, encoding, status] of cases) {
      const response = await upload(body, encoding);
      expect(response.statusCode, `${encoding} ${response.body}`).toBe(status);
    }
    expect(await stored()).toBe(before);
  });

  it('a revoked till may still upload its entries', async () => {
    const revoked = await t.admin('POST', `/admin/v1/tills/${till.tillId}/revoke`);
    expect(revoked.statusCode).toBe(200);
    const late = journal.floatIn(7);
    const response = await upload(gzipSync(json([late])), 'gzip');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ conflicts: [] });
  });
});
