import { openPostgres } from '../../sync-server/src/db/pg-database';

/**
 * Waits until the server's projector has drained its queue; the ms it took.
 * `parked`: 'counted' waits for parked entries too (none should be there: a
 * parked one makes the wait time out), 'left' waits only for those still to
 * be projected.
 */
export async function waitForProjectionQueue(
  databaseUrl: string,
  { timeoutMs, parked }: { timeoutMs: number; parked: 'counted' | 'left' },
): Promise<number> {
  const started = performance.now();
  const db = openPostgres(databaseUrl);
  try {
    for (;;) {
      const left = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM journal_projection_queue${parked === 'left' ? ' WHERE failed_at IS NULL' : ''}`,
      );
      if ((left.rows[0]?.n ?? 0) === 0) return performance.now() - started;
      if (performance.now() - started > timeoutMs)
        throw new Error(`projection queue still holds ${left.rows[0]?.n} entries after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await db.close();
  }
}
