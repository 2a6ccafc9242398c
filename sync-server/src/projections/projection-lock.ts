import type { Queryable } from '../db/database';

/**
 * The transaction-level advisory lock every projection takes (the projector's
 * batches, the backfill's pages, a person accepting a held entry), so that
 * projections of every instance on one PostgreSQL run one after the other,
 * in queue order. PostgreSQL releases it at commit, at rollback, and when the
 * connection dies with its process (kill -9): nothing to clean up.
 */
export const PROJECTION_LOCK_KEY = 7_340_121;

/** Waits for the projection lock (accepts and the backfill: rare, short waits). */
export async function takeProjectionLock(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [PROJECTION_LOCK_KEY]);
}

/** Takes the projection lock if nobody holds it: false means another projector is at work. */
export async function tryProjectionLock(tx: Queryable): Promise<boolean> {
  const result = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
    PROJECTION_LOCK_KEY,
  ]);
  return result.rows[0]?.locked === true;
}
