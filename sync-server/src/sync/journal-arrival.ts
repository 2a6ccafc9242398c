import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import { GENESIS_PREV_HASH } from '../../../src/core/journal/journal-values';
import { verifyContinuation } from '../../../src/core/journal/verify-chain';
import type { TillPrincipal } from '../auth/access-token';
import type { Queryable } from '../db/database';
import { nodeSha256Hex } from './node-sha256';

export interface Incident {
  readonly code: string;
  readonly fromSequence: number | null;
  readonly toSequence: number | null;
  readonly entryId: string | null;
  readonly detail: Record<string, unknown>;
}

/**
 * Checks newly arrived journal entries against the till's stored chain head.
 * Every entry is kept; every gap or break becomes an incident row for the
 * back office. The head moves to the highest sequence received, so the next
 * batch is checked against what the till actually sent.
 */
export async function checkJournalArrival(
  tx: Queryable,
  till: TillPrincipal,
  entries: readonly JournalEntry[],
): Promise<Incident[]> {
  if (entries.length === 0) return [];
  const sorted = [...entries].sort((a, b) => a.sequence - b.sequence);
  const last = sorted.at(-1) as JournalEntry;
  // One statement reads the stored head and moves it to the highest sequence
  // received, if that is higher. The push holds the till's journal scope lock
  // (taken by an earlier statement), so this snapshot already sees the head
  // of every earlier push of this till.
  const stored = await tx.query<{ sequence: number; hash: string }>(
    `WITH previous AS (SELECT sequence, hash FROM journal_heads WHERE till_id = $1),
     moved AS (
       INSERT INTO journal_heads (till_id, sequence, hash) VALUES ($1, $2, $3)
       ON CONFLICT (till_id) DO UPDATE SET sequence = EXCLUDED.sequence, hash = EXCLUDED.hash
         WHERE journal_heads.sequence < EXCLUDED.sequence
       RETURNING 1
     )
     SELECT sequence, hash FROM previous`,
    [till.tillId, last.sequence, last.hash],
  );
  const head = stored.rows[0] ?? { sequence: 0, hash: GENESIS_PREV_HASH };
  const identity = { storeCode: till.storeCode, tillCode: till.tillCode, tillId: till.tillId };
  const verification = verifyContinuation(head, sorted, identity, nodeSha256Hex);
  const incidents: Incident[] = verification.ok
    ? []
    : verification.breaks.map((brk) => ({
        code: brk.code,
        fromSequence: brk.code === 'sequence-gap' ? brk.missing.from : brk.sequence,
        toSequence: brk.code === 'sequence-gap' ? brk.missing.to : brk.sequence,
        entryId: brk.entryId,
        detail: { ...brk },
      }));
  await recordIncidents(tx, till, incidents);
  return incidents;
}

export async function recordIncidents(
  tx: Queryable,
  till: TillPrincipal,
  incidents: readonly Incident[],
): Promise<void> {
  for (const incident of incidents) {
    await tx.query(
      `INSERT INTO journal_incidents (till_id, store_code, code, from_sequence, to_sequence, entry_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        till.tillId,
        till.storeCode,
        incident.code,
        incident.fromSequence,
        incident.toSequence,
        incident.entryId,
        JSON.stringify(incident.detail),
      ],
    );
  }
}
