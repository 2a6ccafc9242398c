import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

const storedJournal = async (t: TestServer) =>
  (
    await t.db.query<{ id: string }>(
      "SELECT id FROM sync_documents WHERE collection = 'journal' ORDER BY seq",
    )
  ).rows.map((row) => row.id);

describe.each(DATABASE_KINDS)('push and pull on $name', (kind) => {
  let t: TestServer;
  let till: EnrolledTill;
  let journal: TestJournal;

  beforeAll(async () => {
    t = await startTestServer(kind);
    till = await t.enrol('PAR01', '01');
    journal = new TestJournal(till);
  });
  afterAll(() => t?.close());

  it('stores new journal entries and pulls them back by checkpoint', async () => {
    const entries = [journal.floatIn(), journal.floatIn(2_000), journal.floatIn(3_000)];
    const push = await till.request('POST', '/sync/v1/journal/push', asNewRows(entries));
    expect(push.statusCode).toBe(200);
    expect(push.json()).toEqual([]);

    const first = await till.request('GET', '/sync/v1/journal/pull?limit=2');
    expect(first.json().documents.map((d: { id: string }) => d.id)).toEqual(
      entries.slice(0, 2).map((e) => e.id),
    );
    const rest = await till.request(
      'GET',
      `/sync/v1/journal/pull?checkpoint=${first.json().checkpoint.seq}&limit=2`,
    );
    expect(rest.json().documents.map((d: { id: string }) => d.id)).toEqual([entries[2]?.id]);
    expect(rest.json().documents[0]._deleted).toBe(false);
  });

  it('an identical re-send (response lost after commit) is a no-op success, never a duplicate', async () => {
    const before = await storedJournal(t);
    const again = await till.request('POST', '/sync/v1/journal/push', asNewRows(journal.entries));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual([]);
    expect(await storedJournal(t)).toEqual(before);
  });

  it('a different entry under an existing id is a conflict, never an overwrite, and an incident', async () => {
    const original = journal.entries[0];
    if (!original) throw new Error('no entry');
    const forged = { ...original, recordedAt: '2020-01-01T00:00:00.000Z' };
    const response = await till.request('POST', '/sync/v1/journal/push', asNewRows([forged]));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([{ ...original, _deleted: false }]);
    const stored = await t.db.query<{ doc: { recordedAt: string } }>(
      'SELECT doc FROM sync_documents WHERE id = $1',
      [original.id],
    );
    expect(stored.rows[0]?.doc.recordedAt).toBe(original.recordedAt);
    const incidents = (await t.admin('GET', '/admin/v1/incidents')).json().incidents as {
      code: string;
      entryId: string;
    }[];
    expect(incidents).toContainEqual(
      expect.objectContaining({ code: 'entry-rewritten', entryId: original.id }),
    );
  });

  it('records a gap in a till chain as an incident and keeps the entries', async () => {
    journal.floatIn(); // never pushed: the till lost it
    const after = journal.floatIn(4_000);
    const response = await till.request('POST', '/sync/v1/journal/push', asNewRows([after]));
    expect(response.statusCode).toBe(200);
    expect(await storedJournal(t)).toContain(after.id);
    const incidents = (await t.admin('GET', '/admin/v1/incidents')).json().incidents as {
      code: string;
      fromSequence: number;
      toSequence: number;
    }[];
    expect(incidents).toContainEqual(
      expect.objectContaining({
        code: 'sequence-gap',
        fromSequence: after.sequence - 1,
        toSequence: after.sequence - 1,
      }),
    );
  });

  it('records a journal entry with a broken hash as an incident, and stores it', async () => {
    const next = journal.floatIn(5_000);
    const tampered = { ...next, hash: next.hash.replace(/^./, next.hash[0] === 'a' ? 'b' : 'a') };
    const response = await till.request('POST', '/sync/v1/journal/push', asNewRows([tampered]));
    expect(response.statusCode).toBe(200);
    const incidents = (await t.admin('GET', '/admin/v1/incidents')).json().incidents as {
      code: string;
      entryId: string;
    }[];
    expect(incidents).toContainEqual(expect.objectContaining({ code: 'hash-mismatch', entryId: next.id }));
  });
});

describe.each(DATABASE_KINDS)('hostile input on $name', (kind) => {
  let t: TestServer;
  let till: EnrolledTill;
  let otherStoreTill: EnrolledTill;
  let journal: TestJournal;

  beforeAll(async () => {
    t = await startTestServer(kind);
    till = await t.enrol('PAR01', '01');
    otherStoreTill = await t.enrol('LYO02', '01');
    journal = new TestJournal(till);
  });
  afterAll(() => t?.close());

  const raw = (payload: string, contentType = 'application/json') =>
    t.server.app.inject({
      method: 'POST',
      url: '/sync/v1/journal/push',
      headers: {
        'x-till-protocol': '1',
        authorization: `Bearer ${till.accessToken}`,
        'content-type': contentType,
      },
      payload,
    });

  it('malformed JSON: 400, nothing stored', async () => {
    const response = await raw('[{"newDocumentState": {');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('bad-request');
    expect(await storedJournal(t)).toEqual([]);
  });

  it('wrong types: 400 naming the row and field, and no row of the request is stored', async () => {
    const good = journal.floatIn();
    const bad = { ...journal.floatIn(), sequence: 'two' };
    const response = await till.request('POST', '/sync/v1/journal/push', [
      ...asNewRows([good]),
      { assumedMasterState: null, newDocumentState: { ...bad, _deleted: false } },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('row 1');
    expect(JSON.stringify(response.json().details)).toContain('1.');
    expect(await storedJournal(t)).toEqual([]);
  });

  it('a body that is not a push array: 400', async () => {
    expect((await till.request('POST', '/sync/v1/journal/push', { rows: [] })).statusCode).toBe(400);
    expect((await raw('"hello"')).statusCode).toBe(400);
  });

  it('oversized bodies: 413', async () => {
    const response = await raw(`[${'"x",'.repeat(1_200_000)}"x"]`);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toBe('payload-too-large');
  });

  it("another store's ids and data: 403, nothing stored", async () => {
    const foreign = new TestJournal(otherStoreTill).floatIn();
    const pushedAsWrongTill = await till.request('POST', '/sync/v1/journal/push', asNewRows([foreign]));
    expect(pushedAsWrongTill.statusCode).toBe(403);
    expect(await storedJournal(t)).toEqual([]);

    // The other store's till stores its entry; this till then reuses the id with its own data.
    expect(
      (await otherStoreTill.request('POST', '/sync/v1/journal/push', asNewRows([foreign]))).statusCode,
    ).toBe(200);
    const hijack = { ...journal.floatIn(), id: foreign.id };
    const response = await till.request('POST', '/sync/v1/journal/push', asNewRows([hijack]));
    expect(response.statusCode).toBe(403);
    const own = (await till.request('GET', '/sync/v1/journal/pull')).json().documents;
    expect(own).toEqual([]);
  });

  it('server-owned collections cannot be pushed; unknown collections are 404', async () => {
    const product = {
      id: 'p1',
      barcode: '3017620422003',
      name: 'x',
      searchName: 'x',
      category: 'x',
      priceMinor: 1,
      currency: 'EUR',
      vatRateBps: 550,
      unit: 'piece',
      active: true,
    };
    const response = await till.request('POST', '/sync/v1/products/push', [
      { assumedMasterState: null, newDocumentState: { ...product, _deleted: false } },
    ]);
    expect(response.statusCode).toBe(403);
    expect((await till.request('GET', '/sync/v1/secrets/pull')).statusCode).toBe(404);
  });

  it('a till cannot delete journal entries', async () => {
    const entry = journal.floatIn();
    const response = await till.request('POST', '/sync/v1/journal/push', [
      { assumedMasterState: null, newDocumentState: { ...entry, _deleted: true } },
    ]);
    expect(response.statusCode).toBe(403);
  });

  it('bad pull parameters: 400', async () => {
    expect((await till.request('GET', '/sync/v1/products/pull?checkpoint=-1')).statusCode).toBe(400);
    expect((await till.request('GET', '/sync/v1/products/pull?limit=100000')).statusCode).toBe(400);
  });
});
