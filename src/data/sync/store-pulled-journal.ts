import type { WithDeleted } from 'rxdb';
import type { JournalEntry } from '../../core/journal/journal-entry';
import type { JournalCollection } from '../collections/journal';

/** The write context of pulled journal entries (RxDB passes it to the storage and its hooks). */
const JOURNAL_PULL_CONTEXT = 'till-journal-pull';

/**
 * Stores a page of this till's own journal pulled back from the server:
 * only the entries the till does not hold. The journal is immutable and the
 * till wrote it: what it holds is never replaced (a server copy that differs
 * is a conflict the upload already reported, kept on the server as the
 * incident). Right after an upload the page is the till's own entries, so
 * they are looked up by id in one read and nothing is written; only a till
 * that lost entries stores them again.
 */
export async function storePulledJournal(
  journal: JournalCollection,
  entries: readonly WithDeleted<JournalEntry>[],
): Promise<void> {
  const live = entries.filter((entry) => entry._deleted !== true);
  if (live.length === 0) return;
  const storage = journal.storageInstance;
  const held = await storage.findDocumentsById(
    live.map((entry) => entry.id),
    true,
  );
  const known = new Set(held.map((doc) => doc.id));
  const missing = live.filter((entry) => !known.has(entry.id));
  if (missing.length === 0) return;
  const written = await storage.bulkWrite(
    missing.map((entry) => ({
      // _meta and _rev are set by the collection's storage wrapper.
      document: { ...entry, _deleted: false, _attachments: {} } as never,
    })),
    JOURNAL_PULL_CONTEXT,
  );
  // A 409 is an entry stored meanwhile (the journal writer): the till's own copy stays.
  const failed = written.error.find((error) => error.status !== 409);
  if (failed)
    throw new Error(`storing pulled journal entry ${failed.documentId} failed with status ${failed.status}`);
}
