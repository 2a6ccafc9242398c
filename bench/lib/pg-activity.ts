import type { Database } from '../../sync-server/src/db/database';
import { openPostgres } from '../../sync-server/src/db/pg-database';

// What a server's PostgreSQL database does during a bench load, read from
// its own statistics views (so other work on the same PostgreSQL does not
// count): the sessions' states and statements, sampled, and the tables'
// scan counters, compared before and after.

/** The first words of a statement, whitespace folded: enough to tell statements apart. */
const statementOf = (query: string) => query.replace(/\s+/g, ' ').trim().slice(0, 90);

/**
 * Samples the database's sessions every `everyMs`: how many are idle, idle
 * in a transaction, waiting on a lock or running, and which statements the
 * busy ones run (for a session idle in a transaction: the last it ran).
 */
export function samplePostgresSessions(db: Database, database: string, everyMs = 250) {
  const states = new Map<string, number>();
  const statements = new Map<string, number>();
  let samples = 0;
  const timer = setInterval(() => {
    void db
      .query<{ what: string; statement: string; wait_event: string | null }>(
        `SELECT CASE WHEN state = 'idle' THEN 'idle' WHEN wait_event_type = 'Lock' THEN 'waiting on a lock'
                WHEN state = 'idle in transaction' THEN 'idle in transaction' ELSE 'running' END AS what,
                query AS statement, wait_event
         FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        [database],
      )
      .then((result) => {
        samples++;
        for (const { what, statement, wait_event } of result.rows) {
          states.set(what, (states.get(what) ?? 0) + 1);
          if (what === 'idle') continue;
          const waiting = what === 'running' && wait_event ? ` (waiting on ${wait_event})` : '';
          const key = `${what}${waiting}: ${statementOf(statement)}`;
          statements.set(key, (statements.get(key) ?? 0) + 1);
        }
      })
      .catch(() => undefined);
  }, everyMs);
  const average = (total: number) => (total / Math.max(1, samples)).toFixed(1);
  return {
    stop(): { states: string; statements: string } {
      clearInterval(timer);
      return {
        states: [...states].map(([what, total]) => `${what} ${average(total)}`).join(', '),
        statements: [...statements]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 6)
          .map(([what, total]) => `${average(total)} ${what}`)
          .join('; '),
      };
    },
  };
}

interface TableCounters {
  readonly seqScan: number;
  readonly seqRows: number;
  readonly indexScan: number;
  readonly rows: number;
}

/** The database's tables' scan counters (pg_stat_user_tables). */
export async function tableScans(db: Database): Promise<Map<string, TableCounters>> {
  const result = await db.query<{
    relname: string;
    seq_scan: string;
    seq_tup_read: string;
    idx_scan: string;
    n_live_tup: string;
  }>(
    'SELECT relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0) AS idx_scan, n_live_tup FROM pg_stat_user_tables',
  );
  return new Map(
    result.rows.map((row) => [
      row.relname,
      {
        seqScan: Number(row.seq_scan),
        seqRows: Number(row.seq_tup_read),
        indexScan: Number(row.idx_scan),
        rows: Number(row.n_live_tup),
      },
    ]),
  );
}

/** The tables that sequential scans read most rows of between two readings, busiest first. */
export function scanGrowth(before: Map<string, TableCounters>, after: Map<string, TableCounters>): string {
  return (
    [...after]
      .map(([table, now]) => {
        const then = before.get(table);
        return {
          table,
          seqScans: now.seqScan - (then?.seqScan ?? 0),
          seqRows: now.seqRows - (then?.seqRows ?? 0),
          indexScans: now.indexScan - (then?.indexScan ?? 0),
          rows: now.rows,
        };
      })
      .filter((t) => t.seqRows > 0)
      .sort((a, b) => b.seqRows - a.seqRows)
      .slice(0, 6)
      .map(
        (t) =>
          `${t.table} ${t.seqScans} seq scans reading ${t.seqRows} rows (${t.indexScans} index scans, ${t.rows} rows)`,
      )
      .join('; ') || 'none'
  );
}

/**
 * BENCH_PG_AUTO_EXPLAIN_MS=<ms>: every session of the database loads
 * auto_explain and writes the plan (with its timings and buffers) of each
 * statement slower than that into PostgreSQL's log. Set before the server
 * connects; a superuser connection is needed (the bench's is).
 */
export async function logSlowStatements(databaseUrl: string): Promise<void> {
  const ms = process.env.BENCH_PG_AUTO_EXPLAIN_MS;
  if (ms === undefined) return;
  const db = openPostgres(databaseUrl);
  try {
    const name = new URL(databaseUrl).pathname.slice(1);
    for (const setting of [
      "session_preload_libraries = 'auto_explain'",
      `auto_explain.log_min_duration = ${Number(ms)}`,
      'auto_explain.log_analyze = on',
      'auto_explain.log_buffers = on',
      'auto_explain.log_nested_statements = on',
    ])
      await db.query(`ALTER DATABASE ${name} SET ${setting}`);
  } finally {
    await db.close();
  }
  console.log(`[bench] tills: statements slower than ${ms} ms are explained in PostgreSQL's log`);
}
