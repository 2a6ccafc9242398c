import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import type { Database } from '../db/database';
import { projectJournalEntries } from './project-journal';
import { PROJECTED_KINDS } from './projected-kinds';
import { takeProjectionLock } from './projection-lock';

export interface BackfillResult {
  /** Journal entries looked at. */
  readonly scanned: number;
  /** Entries that had no projection rows and were projected now. */
  readonly projected: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Projects the journal entries that have no projection rows: those stored
 * before the projection tables existed (migration 003), or by a server
 * running without the projection hook. Held entries (journal_held_entries,
 * not yet accepted) are left alone: only a person's accept projects them. It walks the journal once, by till
 * and arrival order (so a return finds its sale), one transaction per page.
 * Projecting is idempotent (docs/projections.md), so running it again, or on
 * two instances at once, projects and moves stock for nothing twice.
 */
export async function backfillProjections(db: Database, pageSize = 500): Promise<BackfillResult> {
  const kinds = Object.entries(PROJECTED_KINDS);
  for (const [, table] of kinds) {
    if (!table || !IDENTIFIER.test(table)) throw new Error(`backfill: unsafe table name ${table}`);
  }
  const unprojected = kinds
    .map(
      ([kind, table]) =>
        `(p.doc->>'kind' = '${kind}' AND NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.entry_id = p.id))`,
    )
    .join(' OR ');
  let after = { scope: '', seq: 0 };
  let scanned = 0;
  let projected = 0;
  for (;;) {
    const page = await db.transaction(async (tx) => {
      // Its turn with the projectors; an entry still queued is theirs (a parked one waits for a person).
      await takeProjectionLock(tx);
      const rows = await tx.query<{ scope: string; seq: number; doc: JournalEntry | null }>(
        `WITH page AS (
           SELECT id, scope, seq, doc FROM sync_documents
           WHERE collection = 'journal' AND (scope, seq) > ($1, $2)
           ORDER BY scope, seq LIMIT $3
         )
         SELECT p.scope, p.seq,
                CASE WHEN (${unprojected}) AND NOT EXISTS (
                  SELECT 1 FROM journal_held_entries h WHERE h.entry_id = p.id AND h.accepted_at IS NULL
                ) AND NOT EXISTS (
                  SELECT 1 FROM journal_projection_queue q WHERE q.entry_id = p.id
                ) THEN p.doc END AS doc
         FROM page p ORDER BY p.scope, p.seq`,
        [after.scope, after.seq, pageSize],
      );
      const entries = rows.rows.flatMap((row) => (row.doc ? [row.doc] : []));
      const first = entries[0];
      if (first) {
        // The projections take every store and till from each entry's own envelope.
        const envelope = { tillId: first.tillId, storeCode: first.storeCode, tillCode: first.tillCode };
        await projectJournalEntries(tx, envelope, entries);
      }
      return { rows: rows.rows, projected: entries.length };
    });
    scanned += page.rows.length;
    projected += page.projected;
    const last = page.rows.at(-1);
    if (!last || page.rows.length < pageSize) return { scanned, projected };
    after = { scope: last.scope, seq: last.seq };
  }
}
