import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScanConfig } from '../../../src/core/barcodes/scan-config';
import { aProduct } from '../../../src/core/cart/test-builders';
import { type JournalEntry, receiptNumberOf } from '../../../src/core/journal/journal-entry';
import { aPlainSale, aReturnOf } from '../../../src/core/journal/test-builders';
import { digitalReceiptToken } from '../../../src/core/receipts/digital-receipt';
import type { StoreSettings } from '../../../src/core/settings/store-settings';
import { lockScope, writeDocuments } from '../../../sync-server/src/sync/document-store';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// The digital receipt (docs/receipts.md): the till's QR code opens
// /receipts/v1/<entry id>.<hash prefix> on the sync server. Until the sale's
// journal entry has arrived the page says "not yet available" (404 with
// Retry-After); then it shows the receipt the core builds, in French or
// English. A wrong key looks exactly like "not yet"; settings without a real
// SIRET are refused (503), never shown with a made-up number.

const settingsOf = (store: string, legalIds: string[]): StoreSettings => ({
  id: `store:${store}`,
  storeCode: store,
  storeName: 'Marché Saint-Antoine',
  addressLines: ['12 rue du Faubourg Saint-Antoine', '75011 Paris'],
  legalIds,
  currency: 'EUR',
  receiptFooter: ['Merci de votre visite !'],
  scanConfig: defaultScanConfig,
  promotions: [],
  orderSigningKey: { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) },
});

async function seed(
  t: TestServer,
  collection: 'settings' | 'products',
  scope: string,
  docs: readonly Readonly<{ id: string } & Record<string, unknown>>[],
) {
  await t.db.transaction(async (tx) => {
    await lockScope(tx, collection, scope);
    await writeDocuments(
      tx,
      collection,
      scope,
      docs.map((doc) => ({ id: doc.id, doc: { ...doc }, deleted: false })),
    );
  });
}

describe.each(DATABASE_KINDS)('digital receipt ($name)', (kind) => {
  let t: TestServer;
  let till: EnrolledTill;
  let journal: TestJournal;
  let sale: JournalEntry;
  let url: string;

  beforeAll(async () => {
    t = await startTestServer(kind);
    till = await t.enrol('PAR01', '03');
    await seed(t, 'settings', 'PAR01', [
      settingsOf('PAR01', ['SIRET 552 100 554 00021', 'TVA FR40552100554']),
    ]);
    // Article 2 of the plain sale is a durable good: its line carries the legal-guarantee mention.
    await seed(t, 'products', '*', [{ ...aProduct({ id: 'p2', name: 'Article 2' }), legalGuarantee: true }]);
    journal = new TestJournal(till);
    sale = journal.append({ kind: 'sale.completed', payload: aPlainSale() });
    url = `/receipts/v1/${digitalReceiptToken(sale)}`;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('says "not yet available, try again" until the sale has arrived', async () => {
    const response = await t.server.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(404);
    expect(response.headers['retry-after']).toBe('10');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<html lang="fr">');
    expect(response.body).toContain('Ticket pas encore disponible');
    expect(response.body).toContain('Réessayez dans un instant');
    const english = await t.server.app.inject({ method: 'GET', url: `${url}?lang=en` });
    expect(english.statusCode).toBe(404);
    expect(english.body).toContain('Receipt not available yet');
  });

  it('shows the receipt once the till has pushed the sale, French by default, English on request', async () => {
    const pushed = await till.request('POST', '/sync/v1/journal/push', asNewRows([sale]));
    expect(pushed.statusCode).toBe(200);
    const response = await t.server.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('Ticket n° PAR01-03-000001');
    expect(response.body).toContain('SIRET 552 100 554 00021');
    expect(response.body).toContain(`Empreinte : ${sale.hash.slice(0, 4)} ${sale.hash.slice(4, 8)}`);
    expect(response.body).toContain('Logiciel : Store Till 0.1.0');
    expect(response.body).toMatch(
      /Article 2 +2,00 € B\n {2}1 x 2,00 €\n {2}Garantie légale de conformité : 2 ans/,
    );
    expect(response.body.match(/Garantie légale/g)).toHaveLength(1);
    const byHeader = await t.server.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(byHeader.body).toContain('Receipt no. PAR01-03-000001');
    expect(byHeader.body).toContain('<html lang="en">');
    const byQuery = await t.server.app.inject({ method: 'GET', url: `${url}?lang=en` });
    expect(byQuery.body).toContain('Legal guarantee of conformity: 2 years');
  });

  it('answers a wrong key or a malformed code exactly like "not yet": nothing to probe', async () => {
    const wrongKey = `/receipts/v1/${sale.id}.${'0'.repeat(32)}`;
    for (const path of [wrongKey, '/receipts/v1/not-a-token', `/receipts/v1/${sale.id}`]) {
      const response = await t.server.app.inject({ method: 'GET', url: path });
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('Ticket pas encore disponible');
      expect(response.body).not.toContain('PAR01-03-000001');
    }
  });

  it('takes the journal entry of a duplicate (receipt.reprinted, with its count) like any other entry', async () => {
    const reprint = journal.append({
      kind: 'receipt.reprinted',
      payload: {
        receiptNumber: 'PAR01-03-000001',
        entryId: sale.id,
        entryHash: sale.hash,
        reprintCount: 1,
        staffId: 'cashier-7',
      },
    });
    const pushed = await till.request('POST', '/sync/v1/journal/push', asNewRows([reprint]));
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json()).toEqual([]);
    const stored = await t.db.query<{ doc: { payload: { reprintCount: number } } }>(
      "SELECT doc FROM sync_documents WHERE collection = 'journal' AND id = $1",
      [reprint.id],
    );
    expect(stored.rows[0]?.doc.payload.reprintCount).toBe(1);
    const incidents = await t.db.query('SELECT * FROM journal_incidents');
    expect(incidents.rows).toEqual([]);
  });

  it("shows a return's receipt once pushed, with the number of the sale it returns against", async () => {
    const returned = journal.append({ kind: 'return.completed', payload: aReturnOf(aPlainSale(), 20) });
    const returnUrl = `/receipts/v1/${digitalReceiptToken(returned)}`;
    const before = await t.server.app.inject({ method: 'GET', url: returnUrl });
    expect(before.statusCode).toBe(404);
    const pushed = await till.request('POST', '/sync/v1/journal/push', asNewRows([returned]));
    expect(pushed.statusCode).toBe(200);
    const response = await t.server.app.inject({ method: 'GET', url: returnUrl });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('REMBOURSEMENT');
    expect(response.body).toContain(`Ticket n° ${receiptNumberOf(returned)}`);
    expect(response.body).toMatch(/Vente d&#39;origine\s*:?\s*PAR01-03-000001/);
    expect(response.body).toContain('TOTAL REMBOURSÉ');
    const english = await t.server.app.inject({ method: 'GET', url: `${returnUrl}?lang=en` });
    expect(english.body).toMatch(/Original sale\s*:?\s*PAR01-03-000001/);
  });

  it('refuses to show a receipt while the store settings have no valid SIRET: no made-up number', async () => {
    await seed(t, 'settings', 'PAR01', [settingsOf('PAR01', ['TVA FR40552100554'])]);
    const response = await t.server.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('Ticket indisponible');
    expect(response.body).not.toContain('000 000 000');
    expect(response.body).not.toContain('PAR01-03-000001');
  });
});
