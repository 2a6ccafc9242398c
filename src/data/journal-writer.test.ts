import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../core/journal/verify-chain';
import { createJournalWriter, findJournalHead, reconcileOutbox, seedJournalHead } from './journal-writer';
import { markOutbox } from './sync/outbox-marks';
import { createTillDatabase, type TillDatabase } from './till-database';

const till = { storeCode: 'PAR01', tillCode: '01', tillId: 'till-a' };
let counter = 0;
const floatIn = (minor: number) => ({
  kind: 'cash.movement' as const,
  payload: { type: 'float-in' as const, amount: { minor, currency: 'EUR' }, staffId: 'staff-camille' },
  id: `0192f0c0-0000-7000-8000-${String(++counter).padStart(12, '0')}`,
  recordedAt: '2026-11-23T09:00:00.000+01:00',
});

describe('journal writer', () => {
  let db: TillDatabase;
  afterEach(() => db?.close());

  it('appends a verifiable chain, one pending outbox item per entry, even when called concurrently', async () => {
    db = await createTillDatabase(`journal-${Math.random()}`, getRxStorageMemory());
    const writer = createJournalWriter(db, till);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => writer.append(floatIn(100 + i))));
    expect(results.every((r) => r.ok)).toBe(true);
    const entries = (await db.journal.find({ sort: [{ sequence: 'asc' }] }).exec()).map((d) =>
      d.toMutableJSON(),
    );
    expect(entries.map((e) => e.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(verifyChain(entries).ok).toBe(true);
    expect(await db.outbox.count({ selector: { state: 'pending' } }).exec()).toBe(20);
    expect(await findJournalHead(db)).toEqual({ sequence: 20, hash: entries[19]?.hash });
  });

  it('never puts back to pending an entry the upload marked synced before the writer recorded it', async () => {
    db = await createTillDatabase(`journal-${Math.random()}`, getRxStorageMemory());
    const writer = createJournalWriter(db, till);
    // What the upload loop does, at its fastest: it wakes on the insert and marks the entry synced at once.
    const marks: Promise<void>[] = [];
    const sub = db.journal.insert$.subscribe((event) => {
      marks.push(markOutbox(db.outbox, 'journal', [event.documentId], 'synced', null));
    });
    const appended = await writer.append(floatIn(100));
    await Promise.all(marks);
    sub.unsubscribe();
    if (!appended.ok) throw new Error('append failed');
    expect(marks).toHaveLength(1);
    expect((await db.outbox.findOne(`journal:${appended.value.id}`).exec())?.state).toBe('synced');
    expect(await db.outbox.count({ selector: { state: 'pending' } }).exec()).toBe(0);
  });

  it('takes the enrolled identity as it is, and never journals its credential', async () => {
    db = await createTillDatabase(`journal-${Math.random()}`, getRxStorageMemory());
    const enrolled = { ...till, credential: 'c'.repeat(43) };
    const appended = await createJournalWriter(db, enrolled).append(floatIn(100));
    expect(appended.ok).toBe(true);
    expect(JSON.stringify(await db.journal.find().exec())).not.toContain(enrolled.credential);
  });

  it('refuses an invalid entry as a value and appends nothing', async () => {
    db = await createTillDatabase(`journal-${Math.random()}`, getRxStorageMemory());
    const writer = createJournalWriter(db, till);
    const refused = await writer.append({
      ...floatIn(100),
      payload: { type: 'float-in', amount: { minor: -5, currency: 'EUR' }, staffId: 'x' },
    });
    expect(refused.ok).toBe(false);
    expect(await db.journal.count().exec()).toBe(0);
  });

  it('finds the true head and recovers outbox items after a crash left them behind', async () => {
    db = await createTillDatabase(`journal-${Math.random()}`, getRxStorageMemory());
    const writer = createJournalWriter(db, till);
    await writer.append(floatIn(1));
    const second = await writer.append(floatIn(2));
    if (!second.ok) throw new Error('append failed');
    // Simulate a crash after the entry was stored but before the head and outbox were updated.
    await db.upsertLocal('journal-head', { sequence: 1, hash: 'stale' });
    await db.outbox.findOne(`journal:${second.value.id}`).remove();
    expect(await findJournalHead(db)).toEqual({ sequence: 2, hash: second.value.hash });
    expect(await reconcileOutbox(db)).toBe(1);
    const third = await writer.append(floatIn(3));
    expect(third.ok && third.value.sequence).toBe(3);
  });

  it('a replacement device continues from the start the server gave it, and is never re-seeded', async () => {
    db = await createTillDatabase(`journal-${Math.random()}`, getRxStorageMemory());
    const start = { sequence: 41, prevHash: 'a'.repeat(64) };
    await seedJournalHead(db, start);
    const writer = createJournalWriter(db, till);
    const first = await writer.append(floatIn(1));
    expect(first.ok && first.value).toMatchObject({ sequence: 42, prevHash: start.prevHash });
    await expect(seedJournalHead(db, { sequence: 7, prevHash: 'b'.repeat(64) })).rejects.toThrow(/already/);
    expect(await findJournalHead(db)).toMatchObject({ sequence: 42 });
  });

  it('a new till code (start 0) starts at sequence 1', async () => {
    db = await createTillDatabase(`journal-${Math.random()}`, getRxStorageMemory());
    await seedJournalHead(db, { sequence: 0, prevHash: '0'.repeat(64) });
    const first = await createJournalWriter(db, till).append(floatIn(1));
    expect(first.ok && first.value.sequence).toBe(1);
  });
});
