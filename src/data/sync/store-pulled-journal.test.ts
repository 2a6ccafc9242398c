import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../core/journal/journal-entry';
import { aSaleChain } from '../../core/journal/test-builders';
import { createTillDatabase, type TillDatabase } from '../till-database';
import { storePulledJournal } from './store-pulled-journal';

// The till's own journal pulled back from the server: only what the till
// lacks is stored, and an entry it holds is never replaced.

const TILL = { storeCode: 'PAR01', tillCode: '03', tillId: 'till-1' };

/** A chain of `count` plain sales of this till, ids and times fixed. */
const chain = (count: number): JournalEntry[] => aSaleChain(count, TILL);

const served = (entries: readonly JournalEntry[]) => entries.map((e) => ({ ...e, _deleted: false }));

describe('storePulledJournal', () => {
  let db: TillDatabase;
  afterEach(async () => {
    await db?.close();
  });

  it('stores the entries the till lacks, leaves those it holds untouched, and writes nothing on a page it holds', async () => {
    db = await createTillDatabase(
      `pulled-journal-${Math.random()}`,
      wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }),
    );
    const entries = chain(4);
    await db.journal.bulkInsert([entries[0], entries[2]].map((e) => structuredClone(e) as JournalEntry));
    const revisions = async () =>
      new Map((await db.journal.find().exec()).map((doc) => [doc.id, doc.toJSON(true)._rev]));
    const before = await revisions();
    let writes = 0;
    const counted = db.journal.$.subscribe(() => writes++);

    // The server's copy of entry 2 differs (a conflict it recorded): the till keeps its own.
    const changed = { ...entries[2], recordedAt: '2026-12-07T10:00:00.000Z' } as JournalEntry;
    await storePulledJournal(
      db.journal,
      served([entries[0], entries[1], changed, entries[3]] as JournalEntry[]),
    );
    const stored = (await db.journal.find({ sort: [{ sequence: 'asc' }] }).exec()).map((doc) => doc.toJSON());
    expect(stored).toEqual(entries);
    const after = await revisions();
    expect(after.get(entries[0]?.id ?? '')).toBe(before.get(entries[0]?.id ?? ''));
    expect(after.get(entries[2]?.id ?? '')).toBe(before.get(entries[2]?.id ?? ''));
    expect(writes).toBe(2);

    // The same page again (the till pulls back what it uploaded): nothing written.
    await storePulledJournal(db.journal, served(entries));
    expect(writes).toBe(2);
    counted.unsubscribe();
  });
});
