import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import { backfillProjections } from '../../../sync-server/src/projections/backfill-projections';
import { asNewRows, resealed, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// Each arriving journal entry is checked against its neighbours in the
// till's chain, stored or arriving with it (docs/sync-protocol.md section 6):
// a late entry that fills a gap is labelled for what it is, and an entry
// that is itself suspect is kept for audit but never projected until a
// person accepts it.

interface IncidentRow {
  id: number;
  code: string;
  entryId: string | null;
  fromSequence: number | null;
  toSequence: number | null;
  held: boolean;
}

describe.each(DATABASE_KINDS)('journal chain checks on $name', (kind) => {
  let t: TestServer;
  let till: EnrolledTill;
  let journal: TestJournal;

  beforeAll(async () => {
    t = await startTestServer(kind);
    till = await t.enrol('PAR01', '01');
    journal = new TestJournal(till);
  });
  afterAll(() => t?.close());

  const push = async (entries: readonly JournalEntry[]) => {
    const response = await till.request('POST', '/sync/v1/journal/push', asNewRows(entries));
    expect(response.statusCode).toBe(200);
    return response.json() as unknown[];
  };
  const incidentsOf = async (entryId: string) =>
    ((await t.admin('GET', '/admin/v1/incidents')).json().incidents as IncidentRow[]).filter(
      (incident) => incident.entryId === entryId,
    );
  const cashRows = async (entryId: string) =>
    (
      await t.db.query<{ amount_minor: number }>(
        'SELECT amount_minor FROM cash_movements WHERE entry_id = $1',
        [entryId],
      )
    ).rows.map((row) => Number(row.amount_minor));
  const isStored = async (entryId: string) =>
    (await t.db.query("SELECT 1 FROM sync_documents WHERE collection = 'journal' AND id = $1", [entryId]))
      .rows.length === 1;

  it('a late entry that fills a gap and links both ways: stored, projected, labelled late-entry', async () => {
    const [first, late, third] = [journal.floatIn(100), journal.floatIn(200), journal.floatIn(300)];
    if (!first || !late || !third) throw new Error('entries');
    expect(await push([first, third])).toEqual([]);
    expect((await incidentsOf(third.id)).map((i) => i.code)).toEqual(['sequence-gap']);

    expect(await push([late])).toEqual([]);
    const found = await incidentsOf(late.id);
    expect(found.map((i) => [i.code, i.held])).toEqual([['late-entry', false]]);
    expect(await cashRows(late.id)).toEqual([200]);
  });

  it('a late entry that does not link to its predecessor: kept, held, never projected', async () => {
    const before = journal.floatIn(400);
    const genuine = journal.floatIn(500);
    const after = journal.floatIn(600);
    expect(await push([before, after])).toEqual([]);
    const forged = resealed(genuine, (m) => {
      m.prevHash = 'f'.repeat(64);
    });
    expect(await push([forged])).toEqual([]);
    const codes = (await incidentsOf(forged.id)).map((i) => i.code).sort();
    expect(codes).toEqual(['prev-hash-mismatch', 'successor-link-mismatch']);
    expect((await incidentsOf(forged.id)).every((i) => i.held)).toBe(true);
    expect(await isStored(forged.id)).toBe(true);
    expect(await cashRows(forged.id)).toEqual([]);
  });

  it('a late entry its stored successor does not link to (a forged cash movement): held', async () => {
    const before = journal.floatIn(700);
    const genuine = journal.floatIn(800);
    const after = journal.floatIn(900);
    expect(await push([before, after])).toEqual([]);
    const forged = resealed(genuine, (m) => {
      (m.payload as { amount: { minor: number } }).amount.minor = 900_000;
    });
    expect(await push([forged])).toEqual([]);
    expect((await incidentsOf(forged.id)).map((i) => [i.code, i.held])).toEqual([
      ['successor-link-mismatch', true],
    ]);
    expect(await cashRows(forged.id)).toEqual([]);
  });

  it('a hash mismatch is kept but never projected until a person accepts it, then projected once', async () => {
    const genuine = journal.floatIn(1_000);
    const tampered = {
      ...genuine,
      payload: { ...genuine.payload, amount: { minor: 99_999, currency: 'EUR' } },
    };
    expect(await push([tampered as JournalEntry])).toEqual([]);
    const [incident, ...others] = await incidentsOf(genuine.id);
    expect(others).toEqual([]);
    expect(incident).toMatchObject({ code: 'hash-mismatch', held: true });
    expect(await cashRows(genuine.id)).toEqual([]);

    // An identical re-send is still a no-op; a backfill leaves it alone too.
    expect(await push([tampered as JournalEntry])).toEqual([]);
    await backfillProjections(t.db);
    expect(await cashRows(genuine.id)).toEqual([]);

    const accepted = await t.admin('POST', `/admin/v1/incidents/${incident?.id}/accept`, {
      acceptedBy: 'Camille (gérante)',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ entryId: genuine.id, projected: true });
    expect(await cashRows(genuine.id)).toEqual([99_999]);

    const again = await t.admin('POST', `/admin/v1/incidents/${incident?.id}/accept`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ entryId: genuine.id, projected: false });
    expect(await push([tampered as JournalEntry])).toEqual([]);
    await backfillProjections(t.db);
    expect(await cashRows(genuine.id)).toEqual([99_999]);
    expect((await incidentsOf(genuine.id))[0]).toMatchObject({ held: false });
  });

  it('accept: an unknown, malformed or entry-less incident is a 4xx', async () => {
    expect((await t.admin('POST', '/admin/v1/incidents/999999/accept')).statusCode).toBe(404);
    expect((await t.admin('POST', '/admin/v1/incidents/abc/accept')).statusCode).toBe(400);
    const gaps = ((await t.admin('GET', '/admin/v1/incidents')).json().incidents as IncidentRow[]).filter(
      (i) => i.code === 'late-entry',
    );
    // A late entry that links is projected already: nothing to accept.
    expect((await t.admin('POST', `/admin/v1/incidents/${gaps[0]?.id}/accept`)).statusCode).toBe(409);
  });
});
