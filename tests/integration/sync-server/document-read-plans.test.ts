import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../../sync-server/src/db/database';
import { migrate } from '../../../sync-server/src/db/migrate';
import { openPostgres } from '../../../sync-server/src/db/pg-database';
import { adjustStockLevels } from '../../../sync-server/src/projections/stock-levels';
import { firstProjectionsOf, liveInFeed } from '../../../sync-server/src/projections/store-sales-feed';
import { heldOnLevels } from '../../../sync-server/src/stock/stock-reservations';
import { lockScope, readDocuments } from '../../../sync-server/src/sync/document-store';
import { readJournalPushContext } from '../../../sync-server/src/sync/journal-arrival';
import { createScratchDatabase, type ScratchDatabase } from '../../support/postgres';

// Reads of documents by id stay one primary-key probe per id as the journal
// grows (issue 15, the 500-till bench's p99 growing run after run). The
// server names its statements (pg-database.ts), so PostgreSQL may run them on
// a generic plan made once per connection; planned while the table was small
// and without column statistics (autovacuum off here, as on the bench
// machine), `collection = $1 AND id = ANY($2)` read every journal entry
// through the pull index and filtered the ids. Here the generic plan is
// forced while the journal holds 50 entries, the journal then grows to
// 20,050, and the plan the statement runs on is explained.

async function insertJournal(tx: Queryable, from: number, count: number): Promise<void> {
  await tx.query(
    `INSERT INTO sync_documents (collection, id, scope, doc, deleted, seq)
     SELECT 'journal', 'entry-' || g, 'till-' || (g % 10),
            jsonb_build_object('id', 'entry-' || g, 'sequence', g, 'pad', repeat('x', 500)), false, g
       FROM generate_series($1::int, $2::int) g`,
    [from, from + count - 1],
  );
}

/** The plan of the named statement `sql` on this connection, run with `params` (EXPLAIN ANALYZE EXECUTE). */
async function planOf(tx: Queryable, sql: string, params: string): Promise<string> {
  const named = await tx.query<{ name: string }>(
    'SELECT name FROM pg_prepared_statements WHERE statement = $1',
    [sql],
  );
  const name = named.rows[0]?.name;
  if (!name) throw new Error(`not prepared on this connection: ${sql}`);
  const plan = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE) EXECUTE ${name}(${params})`);
  return plan.rows.map((row) => row['QUERY PLAN']).join('\n');
}

/** The SQL text of the one statement `read` prepares on this connection. */
async function statementOf(tx: Queryable, read: () => Promise<unknown>): Promise<string> {
  const before = new Set(
    (await tx.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).rows.map(
      (row) => row.statement,
    ),
  );
  await read();
  const after = (await tx.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).rows;
  const added = after.map((row) => row.statement).filter((statement) => !before.has(statement));
  expect(added).toHaveLength(1);
  return added[0] as string;
}

describe('reads of documents by id on a growing journal (postgres)', () => {
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    scratch = await createScratchDatabase('till_read_plans');
    const db = openPostgres(scratch.url);
    await migrate(db);
    await db.close();
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it('readDocuments of one id (a push) probes the primary key, on a plan made while the journal was small', async () => {
    // A pool of its own: a connection on which nothing is prepared yet.
    const db = openPostgres(scratch.url);
    try {
      await db.transaction(async (tx) => {
        await tx.exec('SET LOCAL plan_cache_mode = force_generic_plan');
        await insertJournal(tx, 1, 50);
        const sql = await statementOf(tx, () => readDocuments(tx, 'journal', ['entry-7']));
        await insertJournal(tx, 51, 20_000);

        const plan = await planOf(tx, sql, "'journal', ARRAY['entry-20040']");
        expect(plan).toContain('sync_documents_pkey');
        expect(plan).not.toContain('sync_documents_pull');
        expect(plan).not.toContain('Rows Removed by Filter');
        expect([...(await readDocuments(tx, 'journal', ['entry-20040'])).keys()]).toEqual(['entry-20040']);
        throw new RollbackOnPurpose();
      });
    } catch (error) {
      if (!(error instanceof RollbackOnPurpose)) throw error;
    } finally {
      await db.close();
    }
  });
});

describe("the projector's read of projected sales on a growing sales table (postgres)", () => {
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    scratch = await createScratchDatabase('till_sales_plans');
    const db = openPostgres(scratch.url);
    await migrate(db);
    await db.close();
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it('firstProjectionsOf probes the sale id index, on a plan made while no sale was projected', async () => {
    const db = openPostgres(scratch.url);
    try {
      await db.transaction(async (tx) => {
        await tx.exec('SET LOCAL plan_cache_mode = force_generic_plan');
        // As on a new server: the plan is made while `sales` is empty.
        const sql = await statementOf(tx, () => firstProjectionsOf(tx, ['sale-7']));
        await tx.query(
          `INSERT INTO sales SELECT 'entry-' || g, 'sale-' || g, 'PAR01', 'till-1', '01', g, 'PAR01-01-' || g, 'staff',
                  now(), now(), now(), 'EUR', 0, 0, 0, 0, 0, 0, 0, 0, 0
             FROM generate_series(1, 20000) g`,
        );

        const plan = await planOf(tx, sql, "ARRAY['sale-19990', 'sale-7']");
        expect(plan).toContain('sales_sale_id');
        expect(plan).not.toContain('Seq Scan on sales');
        expect(plan).not.toContain('Rows Removed by Filter');
        expect(await firstProjectionsOf(tx, ['sale-19990', 'sale-7', 'no-such-sale'])).toEqual([
          { sale_id: 'sale-19990', entry_id: 'entry-19990', store_code: 'PAR01' },
          { sale_id: 'sale-7', entry_id: 'entry-7', store_code: 'PAR01' },
        ]);
        throw new RollbackOnPurpose();
      });
    } catch (error) {
      if (!(error instanceof RollbackOnPurpose)) throw error;
    } finally {
      await db.close();
    }
  });
});

describe("the projector's and the push's reads by key on growing tables (postgres)", () => {
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    scratch = await createScratchDatabase('till_more_plans');
    const db = openPostgres(scratch.url);
    await migrate(db);
    await db.close();
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  /** Runs `work` on a connection of its own, in a transaction rolled back at the end, on forced generic plans. */
  async function onGenericPlans(work: (tx: Queryable) => Promise<void>): Promise<void> {
    const db = openPostgres(scratch.url);
    try {
      await db.transaction(async (tx) => {
        await tx.exec('SET LOCAL plan_cache_mode = force_generic_plan');
        await work(tx);
        throw new RollbackOnPurpose();
      });
    } catch (error) {
      if (!(error instanceof RollbackOnPurpose)) throw error;
    } finally {
      await db.close();
    }
  }

  it('adjustStockLevels reads each level by its key, on a plan made while the store had 30 levels', async () => {
    // Seqs past the one the first adjustment took.
    const levels = (from: number, to: number, seqFrom = from) =>
      `INSERT INTO sync_documents (collection, id, scope, doc, deleted, seq)
       SELECT 'inventory', 'B001:B001:p' || g, 'B001',
              jsonb_build_object('id', 'B001:B001:p' || g, 'productId', 'p' || g, 'quantity', 5, 'pad', repeat('x', 100)),
              false, g - ${from} + ${seqFrom}
         FROM generate_series(${from}, ${to}) g`;
    await onGenericPlans(async (tx) => {
      await tx.exec(levels(1, 30));
      await tx.exec("INSERT INTO sync_sequences (collection, scope, last) VALUES ('inventory', 'B001', 30)");
      // The scope lock's statement is prepared first: the one statement left is the levels' read and write.
      await lockScope(tx, 'inventory', 'B001');
      const sql = await statementOf(tx, () =>
        adjustStockLevels(tx, 'B001', new Map([['p5', -1]]), '2026-12-07T10:00:00.000Z'),
      );
      await tx.exec(levels(31, 20_030, 100));
      await tx.exec(
        "UPDATE sync_sequences SET last = 20100 WHERE collection = 'inventory' AND scope = 'B001'",
      );

      const plan = await planOf(
        tx,
        sql,
        `'B001', '2026-12-07T10:01:00.000Z', '[{"product_id":"p20000","delta":-2}]', 1, 1000000000, 'till_sync', 'x'`,
      );
      expect(plan).toContain('Index Scan using sync_documents_pkey');
      expect(plan).not.toContain('sync_documents_pull');
      expect(plan).not.toContain('Hash');
      const level = await tx.query<{ quantity: number }>(
        "SELECT (doc->>'quantity')::int AS quantity FROM sync_documents WHERE collection = 'inventory' AND id = 'B001:B001:p20000'",
      );
      expect(level.rows[0]?.quantity).toBe(3);
    });
  });

  it("the sales feed's read of live sales probes the feed's key once per sale, on a plan made while it was empty", async () => {
    await onGenericPlans(async (tx) => {
      const sql = await statementOf(tx, () => liveInFeed(tx, ['sale-1']));
      await tx.exec(
        `INSERT INTO store_sale_feed (sale_id, store_code, entry_id, sold_at, expires_at, live)
         SELECT 'sale-' || g, 'B001', 'entry-' || g, now(), now() + interval '30 days', g % 7 <> 0
           FROM generate_series(1, 20000) g`,
      );

      const plan = await planOf(tx, sql, "ARRAY['sale-19990', 'sale-14']");
      expect(plan).toContain('Index Cond: (sale_id = wanted.sale_id)');
      expect(plan).not.toContain('Seq Scan');
      // sale-14 has left the feed (live = false).
      expect([...(await liveInFeed(tx, ['sale-19990', 'sale-14', 'no-such-sale']))]).toEqual(['sale-19990']);
    });
  });

  // The neighbours' read named the sequence index but probed it by the till alone (the sequences
  // were a filter on every stored entry of the till): now one probe per sequence, as the ids.
  it("the journal push's one read probes the primary key and the journal's sequence index, on a plan made at 50 entries", async () => {
    const entries = (from: number, to: number) =>
      `INSERT INTO sync_documents (collection, id, scope, doc, deleted, seq)
       SELECT 'journal', 'entry-' || g, 'till-1',
              jsonb_build_object('id', 'entry-' || g, 'sequence', g, 'pad', repeat('x', 500)), false, g
         FROM generate_series(${from}, ${to}) g`;
    await onGenericPlans(async (tx) => {
      await tx.exec("INSERT INTO stores (code, name) VALUES ('B001', 'Bench')");
      await tx.exec(
        "INSERT INTO tills (id, store_code, till_code, device_name, credential_hash) VALUES ('till-1', 'B001', '01', 'test', 'x')",
      );
      await tx.exec(entries(1, 50));
      const arriving = (sequence: number) => [{ id: `entry-new-${sequence}`, sequence }];
      const sql = await statementOf(tx, () => readJournalPushContext(tx, 'till-1', arriving(51)));
      await tx.exec(entries(51, 20_050));

      const plan = await planOf(
        tx,
        sql,
        "'till-1', ARRAY['entry-new-20000', 'entry-19000'], ARRAY[19999, 20000, 20001]::bigint[]",
      );
      expect(plan).toMatch(
        /Index Scan using sync_documents_journal_sequence[^\n]*\n\s*Index Cond: \(\(scope = \$1\) AND \(\(\(doc ->> 'sequence'::text\)\)::bigint = /,
      );
      expect(plan).not.toMatch(/Rows Removed by Filter: [1-9]\d{3}/);
      expect(plan).toContain('sync_documents_pkey');
      expect(plan).not.toContain('sync_documents_pull');
      expect(plan).not.toContain('Seq Scan on sync_documents');
      const context = await readJournalPushContext(tx, 'till-1', [
        ...arriving(20_000),
        { id: 'entry-19000', sequence: 19_000 },
      ]);
      // The stored entries around 20,000 (pushed ids left out of the neighbours), the pushed id that is stored, the range.
      expect(context.neighbours.map((row) => Number(row.doc.sequence)).sort((a, b) => a - b)).toEqual([
        18_999, 19_001, 19_999, 20_000, 20_001,
      ]);
      expect([...context.documents.keys()]).toEqual(['entry-19000']);
      expect(context.range).toMatchObject({ tillId: 'till-1', limit: null });
    });
  });

  it("a reservation's read of the holds on its levels probes the holds' index once per level, on a plan made while there was none", async () => {
    await onGenericPlans(async (tx) => {
      const key = (product: string) => ({
        id: `B001:B001:${product}`,
        locationCode: 'B001',
        productId: product,
      });
      const sql = await statementOf(tx, () => heldOnLevels(tx, [key('p1')], 'order-new'));
      // 20,000 holds of placed journal orders, half of them released; two on p19990 (one is the asking order's own).
      await tx.exec(
        `INSERT INTO stock_reservations (order_id, location_code, product_id, quantity, store_code, till_id, via, reserved_at, released_at)
         SELECT 'order-' || g, 'B001', 'p' || g, 2, 'B001', 'till-1', 'journal', now(), CASE WHEN g % 2 = 1 THEN now() END
           FROM generate_series(1, 20000) g
         UNION ALL SELECT 'order-new', 'B001', 'p19990', 5, 'B001', 'till-1', 'journal', now(), NULL`,
      );

      const plan = await planOf(tx, sql, "ARRAY['B001', 'B001'], ARRAY['p19990', 'p7'], 'order-new'");
      expect(plan).toMatch(
        /Index Cond: \(\(location_code = w\.location_code\) AND \(product_id = w\.product_id\)\)/,
      );
      expect(plan).not.toContain('Seq Scan on stock_reservations');
      expect(plan).not.toMatch(/Rows Removed by Filter: \d{3}/);
      // p19990: the other order's 2 (the asking order's own 5 left out); p7's hold was released.
      expect(await heldOnLevels(tx, [key('p19990'), key('p7')], 'order-new')).toEqual([
        { location_code: 'B001', product_id: 'p19990', held: '2' },
      ]);
    });
  });
});

class RollbackOnPurpose extends Error {}
