import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import type { Database } from '../db/database';
import { projectJournalEntries } from './project-journal';
import { tryProjectionLock } from './projection-lock';

export type BatchOutcome =
  /** Another instance holds the projection lock: it is projecting the queue. */
  | { readonly kind: 'busy' }
  | {
      readonly kind: 'projected';
      /** Queue rows taken (and deleted with their projection). */
      readonly taken: number;
      /** Seconds from each entry's queuing to just before this commit (the database's clock). */
      readonly lagSeconds: readonly number[];
    };

/**
 * One projector step, in one transaction: take the projection lock (or give
 * up at once when another instance holds it), read the oldest `limit` queued
 * entries in queue order, project them, delete their queue rows. Killed at
 * any point before the commit, the transaction rolls back and the batch stays
 * queued; projecting an entry twice changes nothing anyway (every row is keyed
 * by its entry, stock moves only for movement rows inserted now).
 */
export async function projectQueuedBatch(db: Database, limit: number): Promise<BatchOutcome> {
  return db.transaction(async (tx) => {
    if (!(await tryProjectionLock(tx))) return { kind: 'busy' } as const;
    const queued = await tx.query<{ position: number; doc: JournalEntry | null }>(
      `SELECT q.position, d.doc
         FROM journal_projection_queue q
         LEFT JOIN sync_documents d ON d.collection = 'journal' AND d.id = q.entry_id
        WHERE q.failed_at IS NULL
        ORDER BY q.position LIMIT $1`,
      [limit],
    );
    if (queued.rows.length === 0) return { kind: 'projected', taken: 0, lagSeconds: [] } as const;
    const entries = queued.rows.flatMap((row) => (row.doc ? [row.doc] : []));
    const first = entries[0];
    if (first) {
      // Each projection takes its store and till from the entry's own envelope.
      const envelope = { tillId: first.tillId, storeCode: first.storeCode, tillCode: first.tillCode };
      await projectJournalEntries(tx, envelope, entries);
    }
    const done = await tx.query<{ lag: number | string }>(
      `DELETE FROM journal_projection_queue WHERE position = ANY($1::bigint[])
       RETURNING extract(epoch FROM clock_timestamp() - queued_at) AS lag`,
      [queued.rows.map((row) => row.position)],
    );
    return {
      kind: 'projected',
      taken: queued.rows.length,
      lagSeconds: done.rows.map((row) => Number(row.lag)),
    } as const;
  });
}

/**
 * After a batch failed, its first entry is projected alone: when that fails
 * too, `attempts` counts it, and past `maxAttempts` it is parked (failed_at,
 * last_error) so one bad entry cannot stop every other till's projection.
 * Returns true when the entry was parked.
 */
export async function recordFailedEntry(db: Database, error: unknown, maxAttempts: number): Promise<boolean> {
  const message = error instanceof Error ? error.message : String(error);
  const result = await db.query<{ parked: boolean }>(
    `UPDATE journal_projection_queue
        SET attempts = attempts + 1, last_error = $1,
            failed_at = CASE WHEN attempts + 1 >= $2 THEN clock_timestamp() END
      WHERE position = (SELECT min(position) FROM journal_projection_queue WHERE failed_at IS NULL)
      RETURNING failed_at IS NOT NULL AS parked`,
    [message.slice(0, 2000), maxAttempts],
  );
  return result.rows[0]?.parked === true;
}

/** Entries waiting for projection (parked ones excluded). */
export async function countQueued(db: Database): Promise<number> {
  const result = await db.query<{ n: number | string }>(
    'SELECT count(*) AS n FROM journal_projection_queue WHERE failed_at IS NULL',
  );
  return Number(result.rows[0]?.n ?? 0);
}
