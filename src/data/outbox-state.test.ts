import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { filter, firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { aSaleChain } from '../core/journal/test-builders';
import type { OutboxItem } from './collections/outbox';
import { type OutboxState, retireJournalRows, watchOutbox } from './outbox-state';
import { writeJournalCursor } from './sync/journal-cursor';
import { markOutbox } from './sync/outbox-marks';
import { createTillDatabase, type TillDatabase } from './till-database';

// The outbox as the status bar shows it: the journal's entries after the
// upload cursor are pending (no row per entry), plus the outbox collection's
// rows (orders, and journal entries the server refused).

const TILL = { storeCode: 'PAR01', tillCode: '03', tillId: 'till-1' };

const row = (id: string, state: OutboxItem['state'], collection = 'orders', updatedAt = 1): OutboxItem => ({
  id: `${collection}:${id}`,
  sourceCollection: collection,
  documentId: id,
  state,
  error: null,
  attempts: 0,
  updatedAt,
});

const open = () =>
  createTillDatabase(
    `outbox-${Math.random()}`,
    wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }),
  );

/** The next state the watch tells that satisfies `until`. */
const seen = (db: TillDatabase, until: (state: OutboxState) => boolean, limit?: number) =>
  firstValueFrom(watchOutbox(db, TILL.tillId, limit).pipe(filter(until)));

describe('watchOutbox', () => {
  let db: TillDatabase;
  afterEach(async () => {
    await db?.close();
  });

  it('counts the journal after the cursor as pending, and follows the cursor and new entries', async () => {
    db = await open();
    const entries = aSaleChain(5, TILL);
    await db.journal.bulkInsert(entries.slice(0, 4).map((e) => structuredClone(e)));
    expect(await seen(db, () => true)).toMatchObject({ pending: 4, failed: 0 });

    await writeJournalCursor(db, TILL.tillId, 3);
    const afterThree = await seen(db, (s) => s.pending === 1);
    expect(afterThree.items.map((item) => [item.documentId, item.state, item.collection])).toEqual([
      [entries[3]?.id, 'pending', 'journal'],
    ]);
    expect(afterThree.items[0]?.updatedAt).toBe(Date.parse(entries[3]?.recordedAt ?? ''));

    await db.journal.insert(structuredClone(entries[4]) as never);
    expect((await seen(db, (s) => s.pending === 2)).items).toHaveLength(2);
    // A cursor of another till (a re-enrolled device) says nothing about this one's journal.
    await writeJournalCursor(db, 'another-till', 5);
    await writeJournalCursor(db, TILL.tillId, 5);
    expect(await seen(db, (s) => s.pending === 0)).toEqual({ pending: 0, failed: 0, items: [] });
    // Nothing per entry was written to the outbox collection.
    expect(await db.outbox.count().exec()).toBe(0);
  });

  it('adds the outbox rows: pending orders, and refused entries as failed, the oldest first', async () => {
    db = await open();
    const entries = aSaleChain(3, TILL);
    await db.journal.bulkInsert(entries.map((e) => structuredClone(e)));
    await writeJournalCursor(db, TILL.tillId, 2);
    const entryTime = Date.parse(entries[2]?.recordedAt ?? '');
    await db.outbox.bulkInsert([
      row('order-late', 'pending', 'orders', entryTime + 1_000),
      row('order-early', 'pending', 'orders', entryTime - 1_000),
      row('order-done', 'synced', 'orders', entryTime - 2_000),
    ]);
    await markOutbox(db.outbox, 'journal', [entries[1]?.id ?? ''], 'failed', 'refused');

    const state = await seen(db, (s) => s.failed === 1 && s.pending === 3);
    // The failed mark is the newest row: it was written now, after every sale of the chain.
    expect(state.items.map((item) => [item.documentId, item.state])).toEqual([
      ['order-early', 'pending'],
      [entries[2]?.id, 'pending'],
      ['order-late', 'pending'],
      [entries[1]?.id, 'failed'],
    ]);
    expect(state.items.find((item) => item.state === 'failed')?.error).toBe('refused');
    // The list is bounded; the counts are not.
    const bounded = await seen(db, (s) => s.failed === 1 && s.pending === 3, 2);
    expect(bounded.items.map((item) => item.documentId)).toEqual(['order-early', entries[2]?.id]);
  });
});

describe('retireJournalRows', () => {
  let db: TillDatabase;
  afterEach(async () => {
    await db?.close();
  });

  it("removes the journal rows an earlier version wrote per entry, keeping refused entries and other collections' rows", async () => {
    db = await open();
    const rows = [
      ...Array.from({ length: 1_200 }, (_, n) => row(`synced-${n}`, 'synced', 'journal')),
      ...Array.from({ length: 3 }, (_, n) => row(`pending-${n}`, 'pending', 'journal')),
      row('refused', 'failed', 'journal'),
      row('order-a', 'pending', 'orders'),
      row('order-b', 'synced', 'orders'),
    ];
    await db.outbox.bulkInsert(rows);
    expect(await retireJournalRows(db, 'pending')).toBe(3);
    expect(await retireJournalRows(db, 'synced')).toBe(1_200);
    expect(await retireJournalRows(db, 'synced')).toBe(0);
    const left = (await db.outbox.find({ sort: [{ id: 'asc' }] }).exec()).map((r) => r.id);
    expect(left).toEqual(['journal:refused', 'orders:order-a', 'orders:order-b']);
  });
});
