import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import type { Queryable } from '../db/database';
import { recordIncidents } from '../sync/journal-arrival';

/**
 * Records an incident found while projecting `entry`, once per entry and
 * code: a rebuild or the backfill meeting the entry again adds nothing.
 */
export async function entryIncident(
  tx: Queryable,
  entry: Pick<JournalEntry, 'id' | 'sequence' | 'tillId' | 'storeCode' | 'tillCode'>,
  code: string,
  detail: Record<string, unknown>,
): Promise<void> {
  const already = await tx.query('SELECT 1 FROM journal_incidents WHERE entry_id = $1 AND code = $2', [
    entry.id,
    code,
  ]);
  if (already.rows.length > 0) return;
  const till = { tillId: entry.tillId, storeCode: entry.storeCode, tillCode: entry.tillCode, revoked: false };
  await recordIncidents(tx, till, [
    { code, fromSequence: entry.sequence, toSequence: entry.sequence, entryId: entry.id, detail },
  ]);
}
