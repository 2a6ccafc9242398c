import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../../sync-server/src/db/database';
import { migrate } from '../../../sync-server/src/db/migrate';
import { openPostgres } from '../../../sync-server/src/db/pg-database';
import { firstProjectionsOf } from '../../../sync-server/src/projections/store-sales-feed';
import { readDocuments } from '../../../sync-server/src/sync/document-store';
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

class RollbackOnPurpose extends Error {}
