import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import type { TillPrincipal } from '../auth/access-token';
import type { Database, Queryable } from '../db/database';
import { HttpProblem } from '../http/errors';
import { lockScope } from './document-store';

export type ProjectEntries = (
  tx: Queryable,
  till: TillPrincipal,
  entries: readonly JournalEntry[],
) => Promise<void>;

export interface AcceptedEntry {
  readonly entryId: string;
  readonly acceptedAt: string;
  /** False when it had been accepted before: an entry is projected once. */
  readonly projected: boolean;
}

/**
 * Accepts the entry an incident holds and projects it, in one transaction.
 * Accepting again changes nothing and says so. The till's journal scope lock
 * is taken first, as a push does, so an accept and a push of that till run
 * one after the other.
 */
export async function acceptHeldEntry(
  db: Database,
  incidentId: number,
  acceptedBy: string | null,
  project: ProjectEntries | undefined,
): Promise<AcceptedEntry> {
  return db.transaction(async (tx) => {
    const incident = await tx.query<{ till_id: string; entry_id: string | null }>(
      'SELECT till_id, entry_id FROM journal_incidents WHERE id = $1',
      [incidentId],
    );
    const found = incident.rows[0];
    if (!found) throw new HttpProblem(404, 'not-found', `no incident ${incidentId}`);
    if (!found.entry_id) throw new HttpProblem(409, 'conflict', `incident ${incidentId} holds no entry`);
    await lockScope(tx, 'journal', found.till_id);
    const held = await tx.query<{ accepted_at: Date | string | null }>(
      'SELECT accepted_at FROM journal_held_entries WHERE entry_id = $1 FOR UPDATE',
      [found.entry_id],
    );
    const row = held.rows[0];
    if (!row) throw new HttpProblem(409, 'conflict', `the entry of incident ${incidentId} is not held`);
    if (row.accepted_at !== null) {
      return {
        entryId: found.entry_id,
        acceptedAt: new Date(row.accepted_at).toISOString(),
        projected: false,
      };
    }
    const stored = await tx.query<{ doc: JournalEntry }>(
      "SELECT doc FROM sync_documents WHERE collection = 'journal' AND id = $1",
      [found.entry_id],
    );
    const entry = stored.rows[0]?.doc;
    if (!entry) throw new Error(`held entry ${found.entry_id} is not stored`);
    const accepted = await tx.query<{ accepted_at: Date | string }>(
      'UPDATE journal_held_entries SET accepted_at = now(), accepted_by = $2 WHERE entry_id = $1 RETURNING accepted_at',
      [found.entry_id, acceptedBy],
    );
    const till = { tillId: entry.tillId, storeCode: entry.storeCode, tillCode: entry.tillCode };
    await project?.(tx, till, [entry]);
    return {
      entryId: found.entry_id,
      acceptedAt: new Date(accepted.rows[0]?.accepted_at ?? Date.now()).toISOString(),
      projected: true,
    };
  });
}
