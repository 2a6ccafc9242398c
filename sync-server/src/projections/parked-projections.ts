import type { Database } from '../db/database';

/** A journal entry whose projection failed alone 5 times: parked so the others go on (docs/projections.md). */
export interface ParkedProjection {
  readonly entryId: string;
  readonly tillId: string;
  readonly queuedAt: string;
  readonly failedAt: string;
  readonly attempts: number;
  readonly lastError: string | null;
}

/** Every parked entry, oldest first. */
export async function listParkedProjections(db: Database): Promise<ParkedProjection[]> {
  const result = await db.query<ParkedProjection>(
    `SELECT entry_id AS "entryId", till_id AS "tillId", queued_at AS "queuedAt", failed_at AS "failedAt",
            attempts, last_error AS "lastError"
       FROM journal_projection_queue WHERE failed_at IS NOT NULL ORDER BY position`,
  );
  return result.rows;
}

/**
 * Puts a parked entry back in the queue at its own position (once the fault
 * that parked it is fixed), with its attempts reset: the projector takes it
 * in its next batch, before the entries queued after it. False when no such
 * entry is parked (unknown, never parked, or already projected).
 */
export async function requeueParkedProjection(db: Database, entryId: string): Promise<boolean> {
  const result = await db.query<{ entry_id: string }>(
    `UPDATE journal_projection_queue SET failed_at = NULL, attempts = 0, last_error = NULL
      WHERE entry_id = $1 AND failed_at IS NOT NULL
      RETURNING entry_id`,
    [entryId],
  );
  return result.rows.length > 0;
}
