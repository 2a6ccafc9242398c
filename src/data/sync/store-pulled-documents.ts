import type { RxCollection, RxStorageWriteError, WithDeleted } from 'rxdb';
import { deepEqual } from 'rxdb/plugins/utils';

/** The write context of pulled pages (RxDB passes it to the storage and its hooks). */
const PULL_WRITE_CONTEXT = 'till-pull';

/**
 * Stores a page of server-owned documents as the server sent them, through
 * the collection's own storage instance (so queries and subscriptions see
 * the change at once, as they do for RxDB's replication).
 *
 * A page is first written as inserts: during a first sync nothing is stored
 * yet, and the storage then reads each id once and writes it once. Ids
 * already stored come back as 409 conflicts with what is stored; those that
 * differ are written again as updates of that stored state, and those
 * identical to it are left alone (a page pulled twice changes nothing).
 * Tombstones (`_deleted: true`) go the same way, so a product withdrawn on
 * the server disappears from the till.
 */
export async function storePulledDocuments<T extends { id: string }>(
  collection: RxCollection<T>,
  documents: readonly WithDeleted<T>[],
): Promise<void> {
  if (documents.length === 0) return;
  const storage = collection.storageInstance;
  const inserts = documents.map((doc) => ({
    // _meta and _rev are set by the collection's storage wrapper.
    document: { ...doc, _deleted: doc._deleted === true, _attachments: {} } as never,
  }));
  const first = await storage.bulkWrite(inserts, PULL_WRITE_CONTEXT);
  const updates = first.error.flatMap((error) => {
    const stored = storedStateOf(error);
    const incoming = error.writeRow.document as Record<string, unknown>;
    return sameContent(stored, incoming) ? [] : [{ previous: stored, document: incoming as never }];
  });
  if (updates.length === 0) return;
  const second = await storage.bulkWrite(updates as never, PULL_WRITE_CONTEXT);
  const failed = second.error[0];
  // Only this till's replication writes server-owned collections; a second
  // conflict means a writer it does not know of. The page is pulled again.
  if (failed)
    throw new Error(`${collection.name}: document ${failed.documentId} changed while it was being stored`);
}

function storedStateOf<T>(error: RxStorageWriteError<T>): never {
  if (error.status !== 409 || !error.documentInDb)
    throw new Error(`storing pulled document ${error.documentId} failed with status ${error.status}`);
  return error.documentInDb as never;
}

/** Same fields and same deleted flag; RxDB's own bookkeeping (_meta, _rev, _attachments) aside. */
function sameContent(stored: Record<string, unknown>, incoming: Record<string, unknown>): boolean {
  const { _meta: _a, _rev: _b, _attachments: _c, ...storedFields } = stored;
  const { _meta: _d, _rev: _e, _attachments: _f, ...incomingFields } = incoming;
  return deepEqual(storedFields, incomingFields);
}
