import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import type { TillPrincipal } from '../auth/access-token';
import type { Queryable } from '../db/database';
import { projectJournalEntries } from './project-journal';
import { takeProjectionLock } from './projection-lock';

/**
 * A held entry a person accepts is projected in the accept's transaction
 * (the answer says `projected: true` and means it), after the projection
 * lock: it takes its turn with the projectors of every instance.
 */
export async function projectAcceptedEntries(
  tx: Queryable,
  till: TillPrincipal,
  entries: readonly JournalEntry[],
): Promise<void> {
  await takeProjectionLock(tx);
  await projectJournalEntries(tx, till, entries);
}
