import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../core/journal/verify-chain';
import { createJournalWriter, findJournalHead, seedJournalHead } from './journal-writer';
import { watchOutbox } from './outbox-state';
import { writeJournalCursor } from './sync/journal-cursor';
import { createTillDatabase, type TillDatabase } from './till-database';

const till = { storeCode: 'PAR01', tillCode: '01', tillId: 'till-a' };
let counter = 0;
const pending = async (db: TillDatabase) => (await firstValueFrom(watchOutbox(db, till.tillId))).pending;
const floatIn = (minor: number) => ({
  kind: 'cash.movement' as const,
  payload: { type: 'float-in' as const, amount: { minor, currency: 'EUR' }, staffId: 'staff-camille' },
  id: `0192f0c0-0000-7000-8000-${String(++counter).padStart(12, '0')}`,
  recordedAt: '2026-11-23T09:00:00.000+01:00',
});

describe('journal writer', () => {
  let db: TillDatabase;
  afterEach(() => db?.close());

  it('appends a verifiable chain, each entry pending in the outbox, even when called concurrently', async () => {
    db = await createTillDatabase(`journal-${Math.random()}`, getRxStorageMemory());
    const writer = createJournalWriter(db, till);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => writer.append(floatIn(100 + i))));
    expect(results.every((r) => r.ok)).toBe(true);
    const entries = (await db.journal.find({ sort: [{ sequence: 'asc' }] }).exec()).map((d) =>
      d.toMutableJSON(),
    );
    expect(entries.map((e) => e.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(verifyChain(entries).ok).toBe(true);
    expect(await pending(db)).toBe(20);
    // Pending because the upload's cursor has not passed them: no row is written per entry.
    expect(await db.outbox.count().exec()).toBe(0);
    expect(await findJournalHead(db)).toEqual({ sequence: 20, hash: entries[19]?.hash });
  });

  it('never shows as pending an entry the upload answered before the writer finished recording it', async () => {
    db = await createTillDatabase(`journal-${Math.random()}`, getRxStorageMemory());
    const writer = createJournalWriter(db, till);
    // What the upload loop does, at its fastest: it wakes on the insert and moves its cursor past it at once.
    const moves: Promise<void>[] = [];
    const sub = db.journal.insert$.subscribe((event) => {
      moves.push(writeJournalCursor(db, till.tillId, event.documentData.sequence));
    });
    const appended = await writer.append(floatIn(100));
    await Promise.all(moves);
    sub.unsubscribe();
    if (!appended.ok) throw new Error('append failed');
    expect(moves).toHaveLength(1);
    expect(await pending(db)).toBe(0);
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

  it('finds the true head after a crash left it behind, and counts the entry stored before the crash as pending', async () => {
    db = await createTillDatabase(`journal-${Math.random()}`, getRxStorageMemory());
    const writer = createJournalWriter(db, till);
    await writer.append(floatIn(1));
    const second = await writer.append(floatIn(2));
    if (!second.ok) throw new Error('append failed');
    // Simulate a crash after the entry was stored but before the head was updated.
    await db.upsertLocal('journal-head', { sequence: 1, hash: 'stale' });
    expect(await findJournalHead(db)).toEqual({ sequence: 2, hash: second.value.hash });
    expect(await pending(db)).toBe(2);
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
