import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../core/journal/journal-entry';
import { journalEntries } from './journal-query';
import { createTillDatabase, type TillDatabase } from './till-database';

// The journal read by kind: only the kinds asked, from a sequence on, of one
// device, with payload values, always in sequence order across kinds.

const row = (sequence: number, kind: string, payload: object, tillId = 'till-b') =>
  ({
    id: `0190d6a0-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    storeCode: 'PAR01',
    tillCode: '01',
    tillId,
    sequence,
    kind,
    recordedAt: '2026-11-02T09:00:00.000Z',
    payload,
    prevHash: '0'.repeat(64),
    hash: String(sequence).padStart(64, '0'),
  }) as unknown as JournalEntry;

describe('journalEntries', () => {
  let db: TillDatabase;

  beforeEach(async () => {
    db = await createTillDatabase(`journal-query-${Math.random()}`, getRxStorageMemory());
    // Inserted out of order, and the first two pulled back from the device this till replaced.
    await db.journal.bulkInsert([
      row(5, 'shift.closed', { shiftId: 's1' }),
      row(1, 'shift.opened', { shiftId: 's0' }, 'till-a'),
      row(3, 'sale.completed', { saleId: 'sale-1' }),
      row(2, 'return.completed', { source: { type: 'sale', id: 'sale-0' } }, 'till-a'),
      row(4, 'shift.opened', { shiftId: 's1' }),
      row(6, 'return.completed', { source: { type: 'sale', id: 'sale-1' } }),
      row(7, 'shift.opened', { shiftId: 's2' }),
    ]);
  });

  afterEach(async () => {
    await db.close();
  });

  const sequences = (entries: readonly JournalEntry[]) => entries.map((e) => e.sequence);

  it('reads only the kinds asked, in sequence order across kinds', async () => {
    const shifts = await journalEntries(db, { kinds: ['shift.opened', 'shift.closed'] });
    expect(sequences(shifts)).toEqual([1, 4, 5, 7]);
    expect(shifts.map((e) => e.kind)).toEqual([
      'shift.opened',
      'shift.opened',
      'shift.closed',
      'shift.opened',
    ]);
    expect(await journalEntries(db, { kinds: [] })).toEqual([]);
  });

  it('reads every kind when none is named, from a sequence on (inclusive)', async () => {
    expect(sequences(await journalEntries(db, {}))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sequences(await journalEntries(db, { fromSequence: 4 }))).toEqual([4, 5, 6, 7]);
    expect(sequences(await journalEntries(db, { kinds: ['shift.opened'], fromSequence: 4 }))).toEqual([4, 7]);
  });

  it("leaves out another device's entries when asked for this device's", async () => {
    expect(sequences(await journalEntries(db, { kinds: ['shift.opened'], tillId: 'till-b' }))).toEqual([
      4, 7,
    ]);
    expect(sequences(await journalEntries(db, { tillId: 'till-a' }))).toEqual([1, 2]);
  });

  it('matches payload values by their path under the payload', async () => {
    const returns = await journalEntries(db, {
      kinds: ['return.completed'],
      payload: { 'source.type': 'sale', 'source.id': 'sale-1' },
    });
    expect(sequences(returns)).toEqual([6]);
    expect(
      sequences(await journalEntries(db, { kinds: ['sale.completed'], payload: { saleId: 'sale-9' } })),
    ).toEqual([]);
  });
});
