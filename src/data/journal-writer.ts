import { appendEntry, type JournalDraft } from '../core/journal/append-entry';
import type { ChainHead, JournalEntry } from '../core/journal/journal-entry';
import { err, ok, type Result } from '../core/result';
import type { TillDatabase } from './till-database';

export type JournalWriteError =
  | { readonly code: 'append-refused'; readonly detail: unknown }
  | { readonly code: 'not-enrolled' };

export interface JournalWriter {
  append(draft: JournalDraft): Promise<Result<JournalEntry, JournalWriteError>>;
}

export interface TillIdentityForJournal {
  readonly storeCode: string;
  readonly tillCode: string;
  readonly tillId: string;
}

/**
 * Appends one entry to this till's journal: sealed by the core against the
 * current head and stored. It is pending until the upload's cursor passes
 * it (src/data/outbox-state.ts); nothing else is written per entry. Calls
 * are serialised so two quick sales never race for the same sequence number.
 */
export function createJournalWriter(db: TillDatabase, identity: TillIdentityForJournal): JournalWriter {
  // Only the three envelope fields: the core refuses unknown keys, and the
  // enrolled identity also carries the till's credential, which must never
  // end up in a journal entry.
  const till = { storeCode: identity.storeCode, tillCode: identity.tillCode, tillId: identity.tillId };
  let queue: Promise<unknown> = Promise.resolve();

  const write = async (draft: JournalDraft): Promise<Result<JournalEntry, JournalWriteError>> => {
    const head = await findJournalHead(db);
    const appended = appendEntry(head, draft, till);
    if (!appended.ok) return err({ code: 'append-refused', detail: appended.error });
    const entry = appended.value.entry;
    await db.journal.insert(structuredClone(entry) as JournalEntry);
    await db.upsertLocal<ChainHead>(HEAD_DOC, { sequence: entry.sequence, hash: entry.hash });
    return ok(entry);
  };

  return {
    append(draft: JournalDraft): Promise<Result<JournalEntry, JournalWriteError>> {
      const next = queue.then(() => write(draft));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

const HEAD_DOC = 'journal-head';

/**
 * Sets where a newly enrolled device's journal starts: after the head the
 * server holds for its till code (docs/sync-protocol.md, "Replacing a
 * till"). Nothing to do for a new till code (sequence 0). Refused once the
 * device has journaled anything: its own chain is then the truth.
 */
export async function seedJournalHead(
  db: TillDatabase,
  start: { readonly sequence: number; readonly prevHash: string } | undefined,
): Promise<void> {
  if (!start || start.sequence === 0) return;
  const existing = await findJournalHead(db);
  if (existing) throw new Error('seedJournalHead: this device already has a journal');
  await db.upsertLocal<ChainHead>(HEAD_DOC, { sequence: start.sequence, hash: start.prevHash });
}

/**
 * The last entry of the chain. The head is kept in a local document so no
 * sale scans the journal (a descending sort is never index-served on Dexie);
 * an ascending indexed look past it confirms it, and walks forward if a
 * crash left it behind the stored entries.
 */
export async function findJournalHead(db: TillDatabase): Promise<ChainHead | null> {
  const stored = await db.getLocal<ChainHead>(HEAD_DOC);
  let head: ChainHead | null = stored ? stored.toJSON().data : null;
  for (;;) {
    const next = await db.journal
      .findOne({ selector: { sequence: { $gt: head?.sequence ?? 0 } }, sort: [{ sequence: 'asc' }] })
      .exec();
    if (!next) return head;
    head = { sequence: next.sequence, hash: next.hash };
  }
}
