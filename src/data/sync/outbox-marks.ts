import type { RxDocumentData } from 'rxdb';
import type { OutboxCollection, OutboxItem } from '../collections/outbox';

/** The write context of upload marks (RxDB passes it to the storage and its hooks). */
const MARK_CONTEXT = 'outbox-mark';

/**
 * Records the upload state of documents this till pushed (the status bar
 * counts these): each row is written as given, whatever it held before.
 *
 * The rows are written through the collection's storage instance (queries
 * and subscriptions see them at once): one read of the stored rows and one
 * write, where RxDB's bulkUpsert tries an insert of each, then queues an
 * update of each and builds a document object for each (a journal upload
 * marks 1,000 at a time). A row changed between the read and the write (the
 * journal writer records a new entry's row meanwhile) is written again over
 * what the write found.
 */
export async function markOutbox(
  outbox: OutboxCollection | undefined,
  collection: string,
  ids: readonly string[],
  state: 'synced' | 'failed',
  error: string | null,
): Promise<void> {
  if (!outbox || ids.length === 0) return;
  const now = Date.now();
  const rows = new Map<string, OutboxItem>(
    ids.map((documentId) => [
      `${collection}:${documentId}`,
      {
        id: `${collection}:${documentId}`,
        sourceCollection: collection,
        documentId,
        state,
        error,
        attempts: 1,
        updatedAt: now,
      },
    ]),
  );
  const storage = outbox.storageInstance;
  const stored = new Map(
    (await storage.findDocumentsById([...rows.keys()], true)).map((doc) => [doc.id, doc] as const),
  );
  let writes = [...rows.values()].map((row) => ({ row, previous: stored.get(row.id) }));
  for (let attempt = 0; writes.length > 0; attempt++) {
    const result = await storage.bulkWrite(
      writes.map(({ row, previous }) => ({
        // _meta and _rev are set by the collection's storage wrapper.
        document: { ...row, _deleted: false, _attachments: {} } as never,
        ...(previous ? { previous } : {}),
      })),
      MARK_CONTEXT,
    );
    const conflicts: { row: OutboxItem; previous: RxDocumentData<OutboxItem> }[] = [];
    for (const failed of result.error) {
      if (failed.status !== 409 || !failed.documentInDb)
        throw new Error(`outbox: marking ${failed.documentId} failed with status ${failed.status}`);
      if (attempt >= 2) throw new Error(`outbox: ${failed.documentId} kept changing while it was marked`);
      conflicts.push({ row: rows.get(failed.documentId) as OutboxItem, previous: failed.documentInDb });
    }
    writes = conflicts;
  }
}

/**
 * Removes the failed rows of `collection` among `ids`, but those of `stillFailing`: the server has
 * accepted them since. Failed rows are few, so this reads them by state (an index), not each id.
 */
export async function clearFailedRows(
  outbox: OutboxCollection | undefined,
  collection: string,
  ids: readonly string[],
  stillFailing: readonly string[] = [],
): Promise<void> {
  if (!outbox || ids.length === 0) return;
  const failed = await outbox.find({ selector: { state: 'failed', sourceCollection: collection } }).exec();
  if (failed.length === 0) return;
  const accepted = new Set(ids);
  for (const id of stillFailing) accepted.delete(id);
  const cleared = failed.filter((row) => accepted.has(row.documentId));
  if (cleared.length > 0) await outbox.bulkRemove(cleared);
}
