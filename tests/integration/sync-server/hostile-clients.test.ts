import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPlainSale } from '../../../src/core/journal/test-builders';
import { EXAMPLE_KIOSK_INPUT } from '../../../src/core/orders/example-orders';
import { placeKioskOrder } from '../../../src/core/orders/place-kiosk-order';
import { asNewRows, resealed, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// What an independent client, written from docs/sync-protocol.md alone,
// found the server mishandling (issue 11, section 4): each must be a 4xx or
// a correct result, never a 500 that a retrying till would hit for good.

const PROTOCOL = { 'x-till-protocol': '1' };

describe.each(DATABASE_KINDS)('hostile clients on $name', (kind) => {
  let t: TestServer;
  let till: EnrolledTill;
  let journal: TestJournal;

  beforeAll(async () => {
    t = await startTestServer(kind);
    till = await t.enrol('PAR01', '03');
    journal = new TestJournal(till);
  });
  afterAll(() => t?.close());

  const pushText = (payload: string, token = till.accessToken, collection = 'journal') =>
    t.server.app.inject({
      method: 'POST',
      url: `/sync/v1/${collection}/push`,
      headers: { ...PROTOCOL, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload,
    });
  const storedCount = async () =>
    (
      await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM sync_documents WHERE collection = 'journal'",
      )
    ).rows[0]?.n;
  const incidentCount = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM journal_incidents')).rows[0]?.n;
  const enrolWith = async (pairingCode: string, deviceName: string) =>
    t.server.app.inject({
      method: 'POST',
      url: '/sync/v1/enrol',
      headers: PROTOCOL,
      payload: { pairingCode, deviceName },
    });
  const pairingCode = async (storeCode: string, tillCode: string) =>
    (await t.admin('POST', '/admin/v1/pairing-codes', { storeCode, tillCode })).json().pairingCode as string;

  it('two enrolments of the same store and till code at once: both succeed, one active till remains', async () => {
    const codes = await Promise.all([pairingCode('PAR01', '07'), pairingCode('PAR01', '07')]);
    const answers = await Promise.all(codes.map((code) => enrolWith(code, 'Caisse 7')));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    const active = await t.db.query<{ id: string }>(
      "SELECT id FROM tills WHERE store_code = 'PAR01' AND till_code = '07' AND revoked_at IS NULL",
    );
    expect(active.rows).toHaveLength(1);
    expect(answers.map((a) => a.json().tillId)).toContain(active.rows[0]?.id);
  });

  it('U+0000 in a scanned code: 400 on every retry, nothing stored, no incident', async () => {
    const sale = journal.append({ kind: 'sale.completed', payload: aPlainSale() });
    journal.entries.pop(); // the hostile entry below takes its place in the chain
    const hostile = resealed(sale, (m) => {
      const payload = m.payload as { lines: { scannedCode: string | null }[] };
      const line = payload.lines[0];
      if (line) line.scannedCode = '3017620422003\u0000';
    });
    const before = { stored: await storedCount(), incidents: await incidentCount() };
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await pushText(JSON.stringify(asNewRows([hostile])));
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toBe('bad-request');
    }
    expect({ stored: await storedCount(), incidents: await incidentCount() }).toEqual(before);
  });

  it('U+0000 anywhere in a body (even where no schema looks) is a 400, not a database error', async () => {
    const entry = journal.floatIn();
    journal.entries.pop();
    const rows = [
      { assumedMasterState: { note: 'a\u0000b' }, newDocumentState: { ...entry, _deleted: false } },
    ];
    const response = await pushText(JSON.stringify(rows));
    expect(response.statusCode).toBe(400);
  });

  it('an assumedMasterState nested 10,000 deep: 400, not a stack overflow', async () => {
    const kiosk = await t.enrol('PAR01', 'K1');
    const order = placeKioskOrder(
      { ...EXAMPLE_KIOSK_INPUT, id: '0195509a-6c00-7001-8000-00000000b001', kioskId: kiosk.tillId },
      { placedAt: '2026-11-23T09:00:00.000Z', payment: { type: 'kiosk-card', cardReference: 'TPE-1' } },
    );
    if (!order.ok) throw new Error(JSON.stringify(order.error));
    const kioskJournal = new TestJournal(kiosk);
    const placed = await kiosk.request(
      'POST',
      '/sync/v1/journal/push',
      asNewRows([kioskJournal.append({ kind: 'kiosk-order.placed', payload: order.value })]),
    );
    expect(placed.statusCode).toBe(200);
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const changed = JSON.stringify({ ...order.value, status: 'sent-to-fulfilment', _deleted: false });
    const response = await pushText(
      `[{"assumedMasterState":${deep},"newDocumentState":${changed}}]`,
      till.accessToken,
      'orders',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/nested/);
  });

  it('an entry containing -0 is refused (400) on every send: never stored, never an incident', async () => {
    const entry = journal.append({ kind: 'sale.completed', payload: aPlainSale(1) });
    journal.entries.pop();
    const text = JSON.stringify(asNewRows([entry])).replace('"minor":0,', '"minor":-0,');
    expect(text).toContain('-0');
    const before = { stored: await storedCount(), incidents: await incidentCount() };
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await pushText(text);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/negative-zero/);
    }
    expect({ stored: await storedCount(), incidents: await incidentCount() }).toEqual(before);
  });

  it('an entry whose hash member has no canonical JSON is refused (400) naming $.hash: never stored, never an incident', async () => {
    // The server checks an entry's canonical JSON through the text its hash covers, then the hash member itself.
    const entry = journal.append({ kind: 'sale.completed', payload: aPlainSale(2) });
    journal.entries.pop();
    const text = JSON.stringify(asNewRows([entry])).replace(`"hash":"${entry.hash}"`, '"hash":"\\ud800"');
    expect(text).toContain('\\ud800');
    const before = { stored: await storedCount(), incidents: await incidentCount() };
    const response = await pushText(text);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/lone-surrogate at \$\.hash\)/);
    expect({ stored: await storedCount(), incidents: await incidentCount() }).toEqual(before);
  });

  it('a deviceName with U+0000 or a lone surrogate: 400, and the pairing code still works', async () => {
    const code = await pairingCode('PAR01', '08');
    for (const deviceName of ['Caisse\u00008', 'Caisse \uD800', 'Caisse\n8']) {
      const refused = await enrolWith(code, deviceName);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toBe('bad-request');
    }
    expect((await enrolWith(code, 'Caisse 8 — Entrée')).statusCode).toBe(201);
  });

  it('admin revoke with an over-long id or an id holding %00: 400, nothing revoked', async () => {
    for (const id of ['x'.repeat(65), 'abc%00def', `${till.tillId}%00`]) {
      const response = await t.admin('POST', `/admin/v1/tills/${id}/revoke`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toBe('bad-request');
    }
    expect((await till.request('GET', '/sync/v1/products/pull')).statusCode).toBe(200);
    const unknown = await t.admin('POST', '/admin/v1/tills/0195509a-6c00-4001-8000-000000000000/revoke');
    expect(unknown.statusCode).toBe(404);
  });
});
