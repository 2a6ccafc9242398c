import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../sync-server/src/db/migrate';
import { generateFrenchCatalog } from '../../../sync-server/src/demo/french-catalog';
import { seedDemoCatalog } from '../../../sync-server/src/demo/seed-catalog';
import { DEMO_STORE, seedDemoStore } from '../../../sync-server/src/demo/seed-store';
import { MIGRATIONS } from '../../../sync-server/src/migrations';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import { DATABASE_KINDS, startTestServer, type TestServer } from '../../support/sync-server-harness';

describe.each(DATABASE_KINDS)('health, migrations and demo seed on $name', (kind) => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t?.close());

  it('applies every migration once', async () => {
    expect(await migrate(t.db)).toEqual([]);
    const applied = await t.db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(applied.rows.map((row) => row.id)).toEqual([
      '001-catalog',
      '002-replication',
      '003-projections',
      '004-web-shop',
      '005-kiosk-orders-and-stock-locations',
      '006-till-ranges-and-held-entries',
      '007-store-sales-feed',
      '008-shifts',
      '009-kiosk-payments-vouchers-device-keys',
      '010-sale-line-price-overrides',
      '011-stock-reservations',
      '012-order-messages',
      '013-order-status-export',
      '014-pickup-slip-mails',
      '015-projection-queue',
      '016-document-lz4',
    ]);
  });

  it('compresses stored documents with lz4 where PostgreSQL has it, and with pglz on PGlite', async () => {
    // A document over the 2 KB TOAST threshold, as a sale's journal entry (3 to 4 KB) is.
    await t.db.query(
      `INSERT INTO sync_documents (collection, id, scope, doc, deleted, seq)
       VALUES ('journal', 'compression-probe', 'no-till', jsonb_build_object('pad', repeat('vente ', 800)), false, 1)`,
    );
    try {
      const stored = await t.db.query<{ method: string }>(
        "SELECT pg_column_compression(doc) AS method FROM sync_documents WHERE id = 'compression-probe'",
      );
      expect(stored.rows[0]?.method).toBe(kind.name === 'postgres' ? 'lz4' : 'pglz');
    } finally {
      await t.db.query("DELETE FROM sync_documents WHERE id = 'compression-probe'");
    }
  });

  it('answers its health check with the database kind', async () => {
    const response = await t.server.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: kind.name });
  });

  it('exposes Prometheus metrics, counting pushes by outcome', async () => {
    const till = await t.enrol('PAR01', '07');
    const entry = new TestJournal(till).floatIn();
    await till.request('POST', '/sync/v1/journal/push', asNewRows([entry]));
    await till.request('POST', '/sync/v1/journal/push', asNewRows([entry]));
    const response = await t.server.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('till_sync_pushed_rows_total{collection="journal",outcome="written"} 1');
    expect(response.body).toMatch(
      /till_sync_http_request_duration_seconds_count\{method="POST",route="\/sync\/v1\/:collection\/push",status="200"\} 2/,
    );
    expect(response.body).toContain('till_sync_open_streams 0');
  });

  it('seeds the demo store once; a till of the store pulls catalog, stock, staff and settings', async () => {
    const catalog = generateFrenchCatalog();
    expect(await seedDemoCatalog(t.db, catalog)).toBe(catalog.length);
    expect(await seedDemoCatalog(t.db, catalog)).toBe(0);
    await seedDemoStore(t.db, t.server.keys, catalog);
    await seedDemoStore(t.db, t.server.keys, catalog);
    const till = await t.enrol(DEMO_STORE.code, '01');

    const pullAll = async (collection: string) => {
      const ids: string[] = [];
      let checkpoint = 0;
      for (;;) {
        const body = (
          await till.request('GET', `/sync/v1/${collection}/pull?checkpoint=${checkpoint}&limit=1000`)
        ).json() as {
          documents: { id: string }[];
          checkpoint: { seq: number };
        };
        ids.push(...body.documents.map((doc) => doc.id));
        checkpoint = body.checkpoint.seq;
        if (body.documents.length < 1000) return ids;
      }
    };
    expect(await pullAll('products')).toHaveLength(catalog.length);
    // Progress for a first sync: a full page says how many are left; a last page says 0.
    const firstPage = (await till.request('GET', '/sync/v1/products/pull?limit=1000')).json();
    expect(firstPage.remaining).toBe(catalog.length - 1000);
    const lastPage = (
      await till.request('GET', `/sync/v1/products/pull?checkpoint=${catalog.length - 10}&limit=1000`)
    ).json();
    expect(lastPage.documents).toHaveLength(10);
    expect(lastPage.remaining).toBe(0);
    expect(await pullAll('inventory')).toHaveLength(catalog.length);
    expect(await pullAll('staff')).toHaveLength(3);
    const settings = (await till.request('GET', '/sync/v1/settings/pull')).json().documents;
    expect(settings).toHaveLength(1);
    expect(settings[0].orderSigningKey.x).toBe(t.server.keys.publicJwk.x);

    const otherStore = await t.enrol('LYO02', '01');
    expect((await otherStore.request('GET', '/sync/v1/inventory/pull')).json().documents).toEqual([]);
  });
});

// Migration 006 on a database that already has tills: a till revoked before
// it closes its numbering range at its head (docs/sync-protocol.md 3.1), so
// what it uploads past that is held, not projected; an active till's range
// stays open and starts at 0.
describe.each(DATABASE_KINDS)('migration 006 over existing tills on $name', (kind) => {
  it('closes the range of tills revoked before it at their head', async () => {
    const { db, dispose } = await kind.open();
    try {
      const before006 = MIGRATIONS.filter((m) => m.id < '006');
      await migrate(db, before006);
      await db.query("INSERT INTO stores (code, name) VALUES ('PAR01', 'Paris')");
      await db.query(
        `INSERT INTO tills (id, store_code, till_code, device_name, credential_hash, revoked_at) VALUES
           ('old', 'PAR01', '01', 'old', 'x', now()), ('empty', 'PAR01', '02', 'empty', 'x', now()),
           ('active', 'PAR01', '03', 'active', 'x', NULL)`,
      );
      await db.query("INSERT INTO journal_heads (till_id, sequence, hash) VALUES ('old', 41, $1)", [
        'a'.repeat(64),
      ]);
      expect(
        await migrate(
          db,
          MIGRATIONS.filter((m) => m.id < '007'),
        ),
      ).toEqual(['006-till-ranges-and-held-entries']);
      const tills = await db.query<{ id: string; start: number; limit: number | null }>(
        'SELECT id, journal_start_sequence::int AS start, sequence_limit::int AS limit FROM tills ORDER BY id',
      );
      expect(tills.rows).toEqual([
        { id: 'active', start: 0, limit: null },
        { id: 'empty', start: 0, limit: 0 },
        { id: 'old', start: 0, limit: 41 },
      ]);
    } finally {
      await dispose();
    }
  });
});
