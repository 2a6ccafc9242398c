import { normalizeMangoQuery, prepareQuery } from 'rxdb';
import { BehaviorSubject, distinctUntilChanged, type Observable, Subject } from 'rxjs';
import type { JournalEntry } from '../../core/journal/journal-entry';
import { MAX_UPLOAD_ENTRIES } from '../../core/sync/protocol';
import { type JournalUploadAnswer, journalUploadAnswerSchema } from '../../core/sync/wire';
import type { JournalCollection } from '../collections/journal';
import type { TillDatabase } from '../till-database';
import { coalescedRetryLoop } from './backoff-loop';
import { type EncodedBody, encodeUploadBody } from './encode-upload-body';
import { readJournalCursor, writeJournalCursor } from './journal-cursor';
import { clearFailedRows, markOutbox } from './outbox-marks';
import type { ReplicationStatus } from './pull-replication';
import { SyncRequestError } from './sync-http';
import type { TillSession } from './till-session';

/** Uncompressed JSON per request, well under the server's decompressed limit (MAX_UPLOAD_BYTES). */
const MAX_BATCH_JSON_BYTES = 8 * 1024 * 1024;

/**
 * An upload that has not been answered by then is abandoned and sent again on the back-off (a
 * replay is a no-op on the server): a stalled connection never holds the loop, nor the feeds that
 * wait for its backlog (bulk$).
 */
const UPLOAD_TIMEOUT_MS = 60_000;

/** A batch this large means a backlog (a till back online after selling offline), not the sale just made. */
export const BULK_UPLOAD_ENTRIES = 100;

export interface JournalUpload extends ReplicationStatus {
  /** After each answered batch: how many entries the server answered for (stored, unchanged or conflicting). */
  readonly uploaded$: Observable<number>;
  /** Ids the server holds with another content (an `entry-rewritten` incident): marked failed in the outbox. */
  readonly conflict$: Observable<readonly string[]>;
  /**
   * True from the first batch of BULK_UPLOAD_ENTRIES or more until the pass that sent it ends (caught
   * up, or failed): the till is uploading a backlog, and the store's feeds can wait (start-sync.ts).
   */
  readonly bulk$: Observable<boolean>;
}

/**
 * Uploads this till's journal (docs/sync-protocol.md, 6.1): a loop keyed on
 * the journal's own sequence, not on per-document replication state. It
 * reads the entries after its cursor in sequence order, sends up to 1,000 of
 * them gzip-compressed in one request, records the entries the server
 * refused as failed in the outbox, and moves the cursor (journal-cursor.ts)
 * past them: the cursor is the journal's whole upload state, with no row
 * per entry to mark. It runs on start, after every new entry, and after a
 * failure on the till's back-off. A batch the server refuses for good (400,
 * 403, 413) is sent again one entry at a time, so only the entries at fault
 * are marked failed.
 */
export function startJournalUpload(db: TillDatabase, session: TillSession): JournalUpload {
  const tillId = session.identity.tillId;
  const active$ = new BehaviorSubject(false);
  const error$ = new Subject<string | undefined>();
  const uploaded$ = new Subject<number>();
  const conflict$ = new Subject<readonly string[]>();
  const bulk$ = new BehaviorSubject(false);
  const stop = new AbortController();
  let caughtUp!: () => void;
  const initial = new Promise<void>((resolve) => {
    caughtUp = resolve;
  });
  // After a batch refused for good: its entries go one at a time, up to its last sequence.
  let isolateThrough = 0;
  let marking: Promise<unknown> = Promise.resolve();

  const nextBatch = async (after: number): Promise<{ ids: string[]; last: number; json: string[] }> => {
    const entries = await readJournalAfter(
      db.journal,
      after,
      after < isolateThrough ? 1 : MAX_UPLOAD_ENTRIES,
    );
    const batch = { ids: [] as string[], last: after, json: [] as string[] };
    let bytes = 0;
    for (const entry of entries) {
      const json = JSON.stringify(entry);
      if (batch.json.length > 0 && bytes + json.length > MAX_BATCH_JSON_BYTES) break;
      bytes += json.length;
      batch.json.push(json);
      batch.ids.push(entry.id);
      batch.last = entry.sequence;
    }
    return batch;
  };

  type Batch = Awaited<ReturnType<typeof nextBatch>> & { readonly body: EncodedBody | undefined };
  /** The next batch after `after`, read and compressed: prepared while the server answers the one before. */
  const prepare = async (after: number): Promise<Batch> => {
    const batch = await nextBatch(after);
    const body =
      batch.json.length === 0 ? undefined : await encodeUploadBody(`{"entries":[${batch.json.join(',')}]}`);
    return { ...batch, body };
  };

  const send = async (body: EncodedBody): Promise<JournalUploadAnswer | SyncRequestError> => {
    try {
      const answer = await session.upload<unknown>(
        '/sync/v1/journal/upload',
        body,
        AbortSignal.any([stop.signal, AbortSignal.timeout(UPLOAD_TIMEOUT_MS)]),
      );
      return journalUploadAnswerSchema.parse(answer);
    } catch (error) {
      if (error instanceof SyncRequestError && error.permanent) return error;
      throw error;
    }
  };

  /**
   * Records what the server refused as failed in the outbox, then moves the stored cursor past the
   * batch (in that order: a crash between the two leaves an entry both pending and failed, and the
   * next pass sends it again, never an entry refused and shown as neither).
   */
  const mark = async (batch: Batch, answer: JournalUploadAnswer | SyncRequestError) => {
    if (answer instanceof SyncRequestError) {
      await markOutbox(db.outbox, 'journal', batch.ids, 'failed', answer.message);
    } else {
      const reason = 'the server already holds a different record under this id';
      await markOutbox(db.outbox, 'journal', answer.conflicts, 'failed', reason);
      // An entry marked failed before and accepted now (sent again after a crash between the mark
      // and the cursor): no longer failed.
      await clearFailedRows(db.outbox, 'journal', batch.ids, answer.conflicts);
    }
    await writeJournalCursor(db, tillId, batch.last);
  };

  // One batch in flight at a time (the server checks each against the ones before: a batch sent
  // before the one ahead of it is answered could arrive first after a lost request, and record a
  // gap that is not one), but the next batch is read and compressed, and the last one's answer
  // recorded, while the server works.
  const uploadUntilCaughtUp = async (): Promise<void> => {
    await marking;
    let cursor = await readJournalCursor(db, tillId);
    let prepared = prepare(cursor);
    try {
      for (;;) {
        const batch = await prepared;
        if (!batch.body || stop.signal.aborted) return;
        if (batch.ids.length >= BULK_UPLOAD_ENTRIES && !bulk$.value) bulk$.next(true);
        // The batch after this one is read and compressed while the server answers this one.
        prepared = prepare(batch.last);
        const answer = await send(batch.body);
        if (stop.signal.aborted) return;
        if (answer instanceof SyncRequestError && batch.ids.length > 1) {
          // Find the entries at fault: the batch's entries go again one at a time.
          isolateThrough = batch.last;
          prepared.catch(() => undefined);
          prepared = prepare(cursor);
          continue;
        }
        cursor = batch.last;
        const marked = marking.then(() => mark(batch, answer));
        marking = marked.catch(() => undefined);
        if (!(answer instanceof SyncRequestError) && answer.conflicts.length > 0)
          conflict$.next(answer.conflicts);
        // The count is told once the cursor says so too (the status bar and the bench read both).
        void marked.then(
          () => uploaded$.next(batch.ids.length),
          () => undefined,
        );
      }
    } finally {
      // A prepared batch nobody sends: let it finish quietly; what is marked is awaited here.
      prepared.catch(() => undefined);
      await marking;
      if (bulk$.value) bulk$.next(false);
    }
  };

  const loop = coalescedRetryLoop({
    pacer: session.pacer,
    signal: stop.signal,
    pass: uploadUntilCaughtUp,
    onActive: (active) => active$.next(active),
    onError: (message) => error$.next(message),
    onSuccess: () => caughtUp(),
  });
  const run = loop.run;

  const inserts = db.journal.insert$.subscribe(() => void run());
  void run();

  return {
    active$: active$.asObservable(),
    error$: error$.asObservable(),
    uploaded$: uploaded$.asObservable(),
    conflict$: conflict$.asObservable(),
    bulk$: bulk$.pipe(distinctUntilChanged()),
    awaitInitialReplication: () => initial,
    async cancel() {
      stop.abort();
      inserts.unsubscribe();
      await marking;
      active$.complete();
      error$.complete();
      uploaded$.complete();
      conflict$.complete();
      bulk$.complete();
    },
  };
}

/**
 * The journal's entries after a sequence, in sequence order, read straight
 * from the collection's storage in one indexed range query: no RxDocument
 * is built for entries that are only sent, and RxDB's own fields are left out.
 */
async function readJournalAfter(
  journal: JournalCollection,
  after: number,
  limit: number,
): Promise<JournalEntry[]> {
  const schema = journal.schema.jsonSchema;
  const query = normalizeMangoQuery<JournalEntry>(schema, {
    selector: { sequence: { $gt: after }, _deleted: { $eq: false } } as never,
    sort: [{ sequence: 'asc' }],
    limit,
  });
  const { documents } = await journal.storageInstance.query(prepareQuery(schema, query));
  return documents.map(({ _meta, _rev, _attachments, _deleted, ...entry }) => entry as JournalEntry);
}
