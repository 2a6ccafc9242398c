import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import type { TillPrincipal } from '../auth/access-token';
import type { Queryable } from '../db/database';

/**
 * The push's hook (PushHooks.onNewJournalEntries): queues the entries it
 * stored for the projector, in the push transaction, in sequence order. One
 * statement however many entries; an entry queued before is left alone.
 */
export async function queueForProjection(
  tx: Queryable,
  till: TillPrincipal,
  entries: readonly JournalEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const ids = [...entries].sort((a, b) => a.sequence - b.sequence).map((entry) => entry.id);
  await tx.query(
    `INSERT INTO journal_projection_queue (entry_id, till_id)
     SELECT id, $2 FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n) ORDER BY n
     ON CONFLICT (entry_id) DO NOTHING`,
    [ids, till.tillId],
  );
}
