import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../sync-server/src/db/database';
import { openPostgres } from '../../../sync-server/src/db/pg-database';
import { createScratchDatabase, POSTGRES_ADMIN_URL, type ScratchDatabase } from '../../support/postgres';

// PostgreSQL may close a pooled connection at any time (restart, failover,
// an administrator). The server must shrug: the next query opens a fresh
// connection. Before the pool had an error listener, this crashed the
// process with an uncaught 57P01 error (Vitest reports those as errors).
describe('PostgreSQL connection loss', () => {
  let scratch: ScratchDatabase;
  let db: Database;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    db = openPostgres(scratch.url);
  });
  afterAll(async () => {
    await db?.close();
    await scratch?.drop();
  });

  it('survives its idle connections being terminated by the server', async () => {
    const before = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const pid = before.rows[0]?.pid;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    try {
      const killed = await admin.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [pid]);
      expect(killed.rows[0]?.ok).toBe(true);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(after.rows[0]?.pid).not.toBe(pid);
  });
});
