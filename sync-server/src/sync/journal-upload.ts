import { type JournalUploadAnswer, journalUploadBodySchema } from '../../../src/core/sync/wire';
import type { TillPrincipal } from '../auth/access-token';
import type { Database } from '../db/database';
import { badRequest, issueDetails } from '../http/errors';
import type { UploadPriority } from '../projections/upload-priority';
import type { Incident } from './journal-arrival';
import { handlePush, type PushHooks } from './push';

/**
 * The journal upload (docs/sync-protocol.md, 6.1): the entries of one till in
 * one request, checked and stored exactly as journal push rows (the same
 * transaction, the same answers: a replay is a no-op, a rewrite a conflict,
 * a break an incident), answered with counts and the conflicting ids rather
 * than RxDB's documents.
 */
export async function handleJournalUpload(
  db: Database,
  till: TillPrincipal,
  body: unknown,
  hooks: PushHooks,
  /** Told of a well-formed upload while it is stored (bulk uploads go before projections). */
  priority?: Pick<UploadPriority, 'begin'>,
): Promise<{ answer: JournalUploadAnswer; incidents: readonly Incident[] }> {
  const parsed = journalUploadBodySchema.safeParse(body);
  if (!parsed.success)
    throw badRequest(
      'journal upload body: { entries: [ … ] } with 1 to 1,000 journal entries',
      issueDetails(parsed.error.issues),
    );
  const { entries } = parsed.data;
  const rows = entries.map((entry) => ({ assumedMasterState: null, newDocumentState: entry }));
  const answered = priority?.begin(entries.length);
  const result = await handlePush(db, 'journal', till, rows, hooks).finally(() => answered?.());
  const conflicts = result.conflicts.map((doc) => String(doc.id));
  return {
    answer: {
      stored: result.written,
      unchanged: entries.length - result.written - conflicts.length,
      conflicts,
      incidents: result.incidents.length,
    },
    incidents: result.incidents,
  };
}
