import { gunzipSync } from 'node:zlib';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../core/journal/journal-entry';
import { aSaleChain } from '../../core/journal/test-builders';
import { MAX_UPLOAD_ENTRIES } from '../../core/sync/protocol';
import type { JournalUploadAnswer } from '../../core/sync/wire';
import { watchOutbox } from '../outbox-state';
import { createTillDatabase, type TillDatabase } from '../till-database';
import type { EncodedBody } from './encode-upload-body';
import { readJournalCursor } from './journal-cursor';
import { BULK_UPLOAD_ENTRIES, type JournalUpload, startJournalUpload } from './journal-upload';
import { createRetryPacer } from './retry-pacer';
import { SyncRequestError } from './sync-http';
import type { TillSession } from './till-session';

// The till's journal upload loop (docs/sync-protocol.md, 6.1) against a fake
// server: batches in sequence order, gzip, the cursor moved and refusals
// recorded from the answer, and a batch refused for good sent again one entry at a time so
// only the entry at fault is marked failed.

const TILL = { storeCode: 'PAR01', tillCode: '03', tillId: 'till-1' };

/** A chain of `count` plain sales of this till, ids and times fixed. */
const chain = (count: number): JournalEntry[] => aSaleChain(count, TILL);

function openTillDatabase(): Promise<TillDatabase> {
  return createTillDatabase(
    `upload-${Math.random()}`,
    wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }),
  );
}

/** A fake sync server: `answer` gets the entries of each upload, which must be gzip JSON on the upload route. */
function sessionAnswering(answer: (sent: JournalEntry[]) => Promise<JournalUploadAnswer>): TillSession {
  return {
    identity: { tillId: TILL.tillId },
    pacer: createRetryPacer(() => 0),
    async upload(path: string, body: EncodedBody) {
      expect(path).toBe('/sync/v1/journal/upload');
      expect(body.encoding).toBe('gzip');
      return answer(
        (JSON.parse(gunzipSync(body.bytes).toString('utf8')) as { entries: JournalEntry[] }).entries,
      );
    },
  } as unknown as TillSession;
}

describe('startJournalUpload', () => {
  let db: TillDatabase;
  let upload: JournalUpload | undefined;
  afterEach(async () => {
    await upload?.cancel();
    upload = undefined;
    await db?.close();
  });

  it('uploads in sequence order, gzip, and marks only the refused entry failed', async () => {
    db = await openTillDatabase();
    const entries = chain(5);
    await db.journal.bulkInsert(entries.map((e) => structuredClone(e)));
    const refused = entries[2]?.id;
    const bodies: number[][] = [];
    const session = sessionAnswering(async (sent) => {
      bodies.push(sent.map((e) => e.sequence));
      if (sent.some((e) => e.id === refused))
        throw new SyncRequestError({
          kind: 'http',
          status: 400,
          error: 'bad-request',
          message: 'row 0: refused',
        });
      return { stored: sent.length, unchanged: 0, conflicts: [], incidents: 0 };
    });
    upload = startJournalUpload(db, session);
    await upload.awaitInitialReplication();

    // All five at once, refused; then the same five one by one: only the third is refused.
    expect(bodies).toEqual([[1, 2, 3, 4, 5], [1], [2], [3], [4], [5]]);
    // The refused entry is the outbox's only row; the cursor is past all five, so none is pending.
    expect((await db.outbox.find().exec()).map((row) => [row.documentId, row.state, row.error])).toEqual([
      [refused, 'failed', '400 bad-request: row 0: refused'],
    ]);
    expect(await readJournalCursor(db, TILL.tillId)).toBe(5);
    expect(await firstValueFrom(watchOutbox(db, TILL.tillId))).toMatchObject({ pending: 0, failed: 1 });
  });

  it('reads the next batch while the server answers the one before, and sends the entries as stored', async () => {
    db = await openTillDatabase();
    const entries = chain(MAX_UPLOAD_ENTRIES + 1);
    await db.journal.bulkInsert(entries.map((e) => structuredClone(e)));
    // Which ranges of the journal were read, in order, and how many batches the server had answered then.
    const reads: string[] = [];
    let answered = 0;
    const storage = db.journal.storageInstance;
    const query = storage.query.bind(storage);
    storage.query = (prepared) => {
      const after = (prepared.query.selector as { sequence: { $gt: number } }).sequence.$gt;
      reads.push(`after ${after}, ${answered} answered`);
      return query(prepared);
    };
    const sent: JournalEntry[][] = [];
    const session = sessionAnswering(async (batch) => {
      sent.push(batch);
      await new Promise((resolve) => setTimeout(resolve, 50));
      answered++;
      return { stored: batch.length, unchanged: 0, conflicts: [], incidents: 0 };
    });
    upload = startJournalUpload(db, session);
    await upload.awaitInitialReplication();

    expect(reads).toEqual([
      'after 0, 0 answered',
      `after ${MAX_UPLOAD_ENTRIES}, 0 answered`,
      `after ${MAX_UPLOAD_ENTRIES + 1}, 1 answered`,
    ]);
    // Read from the storage, without RxDB's own fields: exactly the sealed entries, in order.
    expect(sent.flat()).toEqual(entries);
    expect(await readJournalCursor(db, TILL.tillId)).toBe(MAX_UPLOAD_ENTRIES + 1);
    expect(await firstValueFrom(watchOutbox(db, TILL.tillId))).toEqual({ pending: 0, failed: 0, items: [] });
    expect(await db.outbox.count().exec()).toBe(0);
  });

  it('stopped while a batch is answered and the next one read: sends nothing more, and the next start sends every entry after its cursor once, in order', async () => {
    db = await openTillDatabase();
    const entries = chain(2 * MAX_UPLOAD_ENTRIES + 1);
    await db.journal.bulkInsert(entries.map((e) => structuredClone(e)));
    // A fake server that stores by id, as the real one does: a replay is answered as unchanged.
    const stored = new Set<string>();
    const requests: number[][] = [];
    let answerFirst: (() => void) | undefined;
    const firstAsked = new Promise<void>((resolve) => {
      answerFirst = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const session = sessionAnswering(async (sent) => {
      requests.push([sent[0]?.sequence ?? 0, sent.at(-1)?.sequence ?? 0]);
      if (requests.length === 1) {
        answerFirst?.();
        await released;
      }
      const fresh = sent.filter((e) => !stored.has(e.id));
      for (const e of fresh) stored.add(e.id);
      return { stored: fresh.length, unchanged: sent.length - fresh.length, conflicts: [], incidents: 0 };
    });
    upload = startJournalUpload(db, session);
    await firstAsked;
    // The till stops (sign-out, shutdown) while the server works on the first batch and the second is read.
    const cancelled = upload.cancel();
    release();
    await cancelled;
    upload = undefined;
    // Time for anything left running to send: nothing does, the batch read ahead is dropped.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toEqual([[1, MAX_UPLOAD_ENTRIES]]);
    // The first batch was answered as the till stopped: recorded or not, it is never lost.
    const cursor = await readJournalCursor(db, TILL.tillId);
    expect([0, MAX_UPLOAD_ENTRIES]).toContain(cursor);

    upload = startJournalUpload(db, session);
    await upload.awaitInitialReplication();
    // From the cursor on, in batches, each entry in exactly one request.
    const batches = [
      [1, MAX_UPLOAD_ENTRIES],
      [MAX_UPLOAD_ENTRIES + 1, 2 * MAX_UPLOAD_ENTRIES],
      [2 * MAX_UPLOAD_ENTRIES + 1, 2 * MAX_UPLOAD_ENTRIES + 1],
    ];
    expect(requests.slice(1)).toEqual(batches.filter(([first]) => (first as number) > cursor));
    expect(stored.size).toBe(entries.length);
    expect(await readJournalCursor(db, TILL.tillId)).toBe(entries.length);
    expect(await firstValueFrom(watchOutbox(db, TILL.tillId))).toEqual({ pending: 0, failed: 0, items: [] });
  });

  it('says it is sending a backlog from its first batch of 100 entries or more until caught up, not for a sale or two', async () => {
    db = await openTillDatabase();
    const entries = chain(BULK_UPLOAD_ENTRIES + 1_000);
    const answerAfter = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const sentWhileBulk: [number, boolean][] = [];
    let bulk = false;
    const session = sessionAnswering(async (sent) => {
      sentWhileBulk.push([sent.length, bulk]);
      await answerAfter(10);
      return { stored: sent.length, unchanged: 0, conflicts: [], incidents: 0 };
    });
    // Two sales: uploaded without a word of a backlog.
    await db.journal.bulkInsert(entries.slice(0, 2).map((e) => structuredClone(e)));
    upload = startJournalUpload(db, session);
    const told: boolean[] = [];
    upload.bulk$.subscribe((value) => {
      bulk = value;
      told.push(value);
    });
    await upload.awaitInitialReplication();
    expect(told).toEqual([false]);

    // A backlog (the rest, sold offline): a full batch, then the short one; the hold ends with the pass.
    await db.journal.bulkInsert(entries.slice(2).map((e) => structuredClone(e)));
    await waitFor(async () => (await readJournalCursor(db, TILL.tillId)) === entries.length && !bulk);
    expect(sentWhileBulk).toEqual([
      [2, false],
      [MAX_UPLOAD_ENTRIES, true],
      [entries.length - 2 - MAX_UPLOAD_ENTRIES, true],
    ]);
    expect(told).toEqual([false, true, false]);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
