import { randomUUID } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JournalEntry, receiptNumberOf } from '../../../src/core/journal/journal-entry';
import { aPlainSale } from '../../../src/core/journal/test-builders';
import { createJournalWriter } from '../../../src/data/journal-writer';
import { ensureTillIdentity } from '../../../src/data/sync/till-session';
import { createTillDatabase, type TillDatabase } from '../../../src/data/till-database';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// Till PAR01-03 breaks and is replaced by a new device (docs/sync-protocol.md,
// "Replacing a till"). The new device, enrolled through the till's own
// enrolment client, continues the till code's receipt numbering from the
// head the server holds; the old one, revoked, can still upload what it
// holds and nothing else. No receipt number is ever used twice in the
// back office, and no entry is lost.

const PROTOCOL = { 'x-till-protocol': '1' };

describe.each(DATABASE_KINDS)('a replaced till on $name', (kind) => {
  let t: TestServer;
  let url: string;
  let old: EnrolledTill;
  let oldJournal: TestJournal;
  let newDb: TillDatabase | undefined;

  beforeAll(async () => {
    t = await startTestServer(kind);
    url = await t.server.app.listen({ port: 0, host: '127.0.0.1' });
    old = await t.enrol('PAR01', '03');
    oldJournal = new TestJournal(old);
  });
  afterAll(async () => {
    await newDb?.close();
    await t?.close();
  });

  // Returns once what the push queued is projected (the back office reads the projections).
  const pushAs = async (token: string, entries: readonly JournalEntry[]) => {
    const response = await t.server.app.inject({
      method: 'POST',
      url: '/sync/v1/journal/push',
      headers: { ...PROTOCOL, authorization: `Bearer ${token}` },
      payload: asNewRows(entries),
    });
    await t.server.projector?.settled();
    return response;
  };
  const tokenOf = async (tillId: string, credential: string) => {
    const response = await t.server.app.inject({
      method: 'POST',
      url: '/sync/v1/token',
      headers: { ...PROTOCOL, authorization: `Bearer ${tillId}.${credential}` },
    });
    expect(response.statusCode).toBe(200);
    return response.json().accessToken as string;
  };
  const incidentsOf = async (tillId: string) =>
    (
      (await t.admin('GET', '/admin/v1/incidents')).json().incidents as {
        tillId: string;
        code: string;
        entryId: string;
        held: boolean;
      }[]
    ).filter((incident) => incident.tillId === tillId);
  const salesReceipts = async () =>
    (
      await t.db.query<{ receipt_number: string }>('SELECT receipt_number FROM sales ORDER BY receipt_number')
    ).rows.map((row) => row.receipt_number);
  const pairingCode = async () =>
    (await t.admin('POST', '/admin/v1/pairing-codes', { storeCode: 'PAR01', tillCode: '03' })).json()
      .pairingCode as string;

  it('continues the receipt numbering on the new device, and the old one uploads what it holds', async () => {
    // The old device: 1 and 3 reached the server, 2 was still in its outbox,
    // 4 was sold offline after the server last heard from it.
    const e1 = oldJournal.append({ kind: 'sale.completed', payload: aPlainSale(0) });
    const e2 = oldJournal.floatIn(5_000);
    const e3 = oldJournal.append({ kind: 'sale.completed', payload: aPlainSale(1) });
    const e4 = oldJournal.append({ kind: 'sale.completed', payload: aPlainSale(2) });
    expect((await pushAs(old.accessToken, [e1, e3])).json()).toEqual([]);

    // The new device enrols with the till's own client and starts after 3.
    newDb = await createTillDatabase(`replaced-${randomUUID()}`, getRxStorageMemory());
    const identity = await ensureTillIdentity(newDb, url, {
      pairingCode: await pairingCode(),
      deviceName: 'Caisse 3 (remplacée)',
    });
    expect(identity.journalStart).toEqual({ sequence: 3, prevHash: e3.hash });
    const writer = createJournalWriter(newDb, identity);
    const sold = await writer.append({
      kind: 'sale.completed',
      payload: aPlainSale(3),
      id: '0199c82c-c000-7fff-8000-00000000f004',
      recordedAt: new Date().toISOString(),
    });
    if (!sold.ok) throw new Error(JSON.stringify(sold.error));
    expect(sold.value).toMatchObject({ sequence: 4, prevHash: e3.hash });
    expect(receiptNumberOf(sold.value)).toBe('PAR01-03-000004');
    const newToken = await tokenOf(identity.tillId, identity.credential);
    expect((await pushAs(newToken, [sold.value])).json()).toEqual([]);
    expect(await incidentsOf(identity.tillId)).toEqual([]);

    // The old device is revoked: no pull any more, but its credential still
    // buys a token that uploads its journal.
    const oldPull = await t.server.app.inject({
      method: 'GET',
      url: '/sync/v1/products/pull',
      headers: { ...PROTOCOL, authorization: `Bearer ${await tokenOf(old.tillId, old.credential)}` },
    });
    expect(oldPull.statusCode).toBe(401);
    const uploaded = await pushAs(await tokenOf(old.tillId, old.credential), [e2, e4]);
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.json()).toEqual([]);

    // Nothing lost: every entry of both devices is stored.
    const stored = await t.db.query<{ id: string }>(
      "SELECT id FROM sync_documents WHERE collection = 'journal'",
    );
    expect(stored.rows.map((row) => row.id).sort()).toEqual(
      [e1.id, e2.id, e3.id, e4.id, sold.value.id].sort(),
    );
    // 2 was in the old device's range and fills its gap; 4 is past it: the
    // new device's number, so the old 4 is held for a person, not projected.
    const oldIncidents = await incidentsOf(old.tillId);
    expect(oldIncidents.filter((i) => i.entryId === e2.id).map((i) => i.code)).toEqual(['late-entry']);
    expect(oldIncidents.filter((i) => i.entryId === e4.id).map((i) => [i.code, i.held])).toEqual([
      ['receipt-number-reused', true],
    ]);
    expect(await salesReceipts()).toEqual(['PAR01-03-000001', 'PAR01-03-000003', 'PAR01-03-000004']);
    const cash = await t.db.query('SELECT 1 FROM cash_movements WHERE entry_id = $1', [e2.id]);
    expect(cash.rows).toHaveLength(1);

    // The back office sees both devices' ranges.
    const journals = (await t.admin('GET', '/admin/v1/journals')).json().journals as {
      tillId: string;
      startSequence: number;
      sequenceLimit: number | null;
      headSequence: number | null;
      heldEntries: number;
    }[];
    expect(journals.find((j) => j.tillId === old.tillId)).toMatchObject({
      startSequence: 0,
      sequenceLimit: 3,
      headSequence: 3,
      heldEntries: 1,
    });
    expect(journals.find((j) => j.tillId === identity.tillId)).toMatchObject({
      startSequence: 3,
      sequenceLimit: null,
      headSequence: 4,
      heldEntries: 0,
    });
  });

  it('a third device continues after the second', async () => {
    const code = await pairingCode();
    const response = await t.server.app.inject({
      method: 'POST',
      url: '/sync/v1/enrol',
      headers: PROTOCOL,
      payload: { pairingCode: code, deviceName: 'Caisse 3 (troisième)' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().journalStart.sequence).toBe(4);
  });
});
