import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { afterEach, describe, expect, it } from 'vitest';
import { createTillDatabase, type TillDatabase } from '../till-database';
import { clearFailedRows, markOutbox } from './outbox-marks';

// Upload marks: every row ends as marked, whether it was absent, pending, or
// written by someone else between the mark's read and its write.

const pending = (documentId: string) => ({
  id: `journal:${documentId}`,
  sourceCollection: 'journal',
  documentId,
  state: 'pending' as const,
  error: null,
  attempts: 0,
  updatedAt: 1,
});

describe('markOutbox', () => {
  let db: TillDatabase;
  afterEach(async () => {
    await db?.close();
  });

  it('marks absent and pending rows, and a row written while it was being marked', async () => {
    db = await createTillDatabase(
      `marks-${Math.random()}`,
      wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }),
    );
    await db.outbox.insert(pending('a'));
    // The journal writer records entry c's row after the mark has read the stored rows.
    const storage = db.outbox.storageInstance;
    const bulkWrite = storage.bulkWrite.bind(storage);
    let raced = false;
    storage.bulkWrite = async (rows, context) => {
      if (!raced) {
        raced = true;
        await bulkWrite(
          [{ document: { ...pending('c'), _deleted: false, _attachments: {} } as never }],
          'test',
        );
      }
      return bulkWrite(rows, context);
    };

    await markOutbox(db.outbox, 'journal', ['a', 'b', 'c'], 'failed', 'refused');

    const rows = await db.outbox.find({ sort: [{ id: 'asc' }] }).exec();
    expect(rows.map((row) => [row.documentId, row.state, row.error, row.attempts])).toEqual([
      ['a', 'failed', 'refused', 1],
      ['b', 'failed', 'refused', 1],
      ['c', 'failed', 'refused', 1],
    ]);
    // Queries see the marks (the status bar's counters are queries).
    expect(await db.outbox.count({ selector: { state: 'pending' } }).exec()).toBe(0);
  });

  it('clears the failed rows of entries accepted since, and only those', async () => {
    db = await createTillDatabase(
      `marks-${Math.random()}`,
      wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }),
    );
    await markOutbox(db.outbox, 'journal', ['a', 'b', 'c'], 'failed', 'refused');
    await markOutbox(db.outbox, 'orders', ['a'], 'failed', 'refused');
    // The server accepted a and b now, still refuses c; the order a is another collection's row.
    await clearFailedRows(db.outbox, 'journal', ['a', 'b', 'c', 'd'], ['c']);
    const left = (await db.outbox.find({ sort: [{ id: 'asc' }] }).exec()).map((row) => [row.id, row.state]);
    expect(left).toEqual([
      ['journal:c', 'failed'],
      ['orders:a', 'failed'],
    ]);
  });
});
