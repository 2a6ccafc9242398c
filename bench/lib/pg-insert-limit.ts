import pg from 'pg';
import { waitForProjectionQueue } from './projection-queue';

/**
 * `limit.pg_insert_<n>.seconds`: the floor of a journal upload on this
 * machine. The journal rows a till just pushed (read back from the server's
 * database) are written again by one multi-row INSERT ... VALUES into a
 * table shaped like the server's (`sync_documents`, its keys and indexes),
 * in one transaction, from this process over TCP like the server: the
 * statement's time, the data's transfer and PostgreSQL's work, without the
 * HTTP request, the validation or the chain check. It is a floor, so it is
 * taken on a quiet database: once the server's projector has drained its
 * queue (right after a bulk upload it projects those entries, and the
 * insert measured then took 1.8 to 6.7 s from run to run), and as the best
 * of three inserts.
 */
export async function measurePgInsertLimit(
  databaseUrl: string,
  tillId: string,
): Promise<{ seconds: number; tries: number[]; rows: number; megabytes: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = (
      await client.query<{ id: string; doc: string }>(
        `SELECT id, doc::text AS doc FROM sync_documents WHERE collection = 'journal' AND scope = $1 ORDER BY seq`,
        [tillId],
      )
    ).rows;
    await waitForProjectionQueue(databaseUrl, { timeoutMs: 180_000, parked: 'left' });
    const values: string[] = [];
    const params: string[] = [];
    rows.forEach((row, i) => {
      values.push(`('journal', $${2 * i + 1}, 'bench', $${2 * i + 2}::jsonb, false, ${i + 1}, now())`);
      params.push(row.id, row.doc);
    });
    const sql = `INSERT INTO bench_insert_limit (collection, id, scope, doc, deleted, seq, updated_at) VALUES ${values.join(', ')}`;
    const tries: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      await client.query('DROP TABLE IF EXISTS bench_insert_limit');
      await client.query('CREATE TABLE bench_insert_limit (LIKE sync_documents INCLUDING ALL)');
      const started = performance.now();
      await client.query('BEGIN');
      await client.query(sql, params);
      await client.query('COMMIT');
      tries.push((performance.now() - started) / 1000);
    }
    await client.query('DROP TABLE bench_insert_limit');
    const seconds = Math.min(...tries);
    const bytes = rows.reduce((sum, row) => sum + row.doc.length, 0);
    return { seconds, tries, rows: rows.length, megabytes: bytes / 1024 / 1024 };
  } finally {
    await client.end();
  }
}
