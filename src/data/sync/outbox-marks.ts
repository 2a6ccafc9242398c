import type { OutboxCollection } from '../collections/outbox';

/** Records the upload state of documents this till pushed (the status bar counts these). */
export async function markOutbox(
  outbox: OutboxCollection | undefined,
  collection: string,
  ids: readonly string[],
  state: 'synced' | 'failed',
  error: string | null,
): Promise<void> {
  if (!outbox || ids.length === 0) return;
  const now = Date.now();
  await outbox.bulkUpsert(
    ids.map((documentId) => ({
      id: `${collection}:${documentId}`,
      sourceCollection: collection,
      documentId,
      state,
      error,
      attempts: 1,
      updatedAt: now,
    })),
  );
}
