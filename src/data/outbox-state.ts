import { combineLatest, distinctUntilChanged, map, type Observable, switchMap } from 'rxjs';
import type { JournalEntry } from '../core/journal/journal-entry';
import type { OutboxItem } from './collections/outbox';
import { journalCursor$ } from './sync/journal-cursor';
import type { TillDatabase } from './till-database';

/** One record of this till the server has not accepted yet, or has refused for good. */
export interface OutboxRecord {
  readonly id: string;
  readonly collection: string;
  readonly documentId: string;
  readonly state: 'pending' | 'failed';
  readonly error: string | null;
  /** Milliseconds since epoch: when it was recorded or last changed. */
  readonly updatedAt: number;
}

export interface OutboxState {
  readonly pending: number;
  readonly failed: number;
  /** The oldest first, at most the limit asked for. */
  readonly items: readonly OutboxRecord[];
}

/**
 * What this till still has to hand to the server, as the status bar and the
 * outbox view show it. Two sources:
 * - **the journal:** every entry after the upload's cursor is pending
 *   (src/data/sync/journal-cursor.ts); an entry the server refused is a
 *   `failed` row of the outbox collection, and the cursor has moved past it;
 * - **the outbox collection:** a row per order change this till pushes
 *   (pending, synced or failed), and the journal's failed rows.
 *
 * Every count is served by an index (the journal's sequence, the outbox's
 * state), so a sale or an answered batch costs a range count, not a scan.
 */
export function watchOutbox(db: TillDatabase, tillId: string, limit = 50): Observable<OutboxState> {
  const journal$ = journalCursor$(db, tillId).pipe(
    distinctUntilChanged(),
    switchMap((after) => {
      const selector = { sequence: { $gt: after } };
      return combineLatest([
        db.journal.count({ selector }).$,
        db.journal.find({ selector, sort: [{ sequence: 'asc' }], limit }).$,
      ]);
    }),
  );
  const rows$ = combineLatest([
    db.outbox.count({ selector: { state: 'pending' } }).$,
    db.outbox.count({ selector: { state: 'failed' } }).$,
    db.outbox.find({
      selector: { state: { $in: ['pending', 'failed'] } },
      sort: [{ updatedAt: 'asc' }],
      limit,
    }).$,
  ]);
  return combineLatest([journal$, rows$]).pipe(
    map(([[journalPending, entries], [rowsPending, failed, rows]]) => ({
      pending: journalPending + rowsPending,
      failed,
      items: [...entries.map(journalRecord), ...rows.map(rowRecord)]
        .sort((a, b) => a.updatedAt - b.updatedAt)
        .slice(0, limit),
    })),
  );
}

const journalRecord = (entry: JournalEntry): OutboxRecord => ({
  id: `journal:${entry.id}`,
  collection: 'journal',
  documentId: entry.id,
  state: 'pending',
  error: null,
  updatedAt: Date.parse(entry.recordedAt),
});

const rowRecord = (row: OutboxItem): OutboxRecord => ({
  id: row.id,
  collection: row.sourceCollection,
  documentId: row.documentId,
  state: row.state === 'failed' ? 'failed' : 'pending',
  error: row.error,
  updatedAt: row.updatedAt,
});

/**
 * Removes the outbox rows an earlier version wrote for every journal entry
 * (pending, then synced when answered): the upload's cursor now tells that.
 * Pending rows must go before the outbox is counted (they would count twice);
 * synced ones are only dead weight, removed after the start, 500 at a time.
 * Failed rows stay: they are how a refused entry is shown.
 */
export async function retireJournalRows(db: TillDatabase, state: 'pending' | 'synced'): Promise<number> {
  let removed = 0;
  for (;;) {
    const rows = await db.outbox
      .find({ selector: { state, sourceCollection: 'journal' }, limit: 500 })
      .exec();
    if (rows.length === 0) return removed;
    // Removed as they were read: a row the upload marked failed meanwhile is a conflict, and stays.
    const result = await db.outbox.bulkRemove(rows);
    const failed = result.error.find((error) => error.status !== 409);
    if (failed) throw new Error(`outbox: retiring ${failed.documentId} failed with status ${failed.status}`);
    removed += result.success.length;
    if (result.success.length === 0) return removed;
  }
}
