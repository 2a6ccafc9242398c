import { map, type Observable } from 'rxjs';
import type { TillDatabase } from '../till-database';
import { cursorPosition } from './cursor-position';

/**
 * The journal upload's cursor (docs/sync-protocol.md, 6.1): every entry of
 * this till's journal up to this sequence has been answered by the server
 * (stored, unchanged, or refused and recorded as failed in the outbox). It
 * is the whole upload state of the journal: an entry after it is pending,
 * so no row per entry is written or marked (issue 15).
 */
interface UploadCursor {
  readonly sequence: number;
}

const cursorDoc = (tillId: string) => `journal-upload-${tillId}`;

const sequenceOf = (stored: UploadCursor | undefined): number => cursorPosition(stored?.sequence);

export async function readJournalCursor(db: TillDatabase, tillId: string): Promise<number> {
  const stored = await db.getLocal<UploadCursor>(cursorDoc(tillId));
  return sequenceOf(stored?.toJSON().data);
}

export async function writeJournalCursor(db: TillDatabase, tillId: string, sequence: number): Promise<void> {
  await db.upsertLocal<UploadCursor>(cursorDoc(tillId), { sequence });
}

/** The cursor now and after every move. */
export function journalCursor$(db: TillDatabase, tillId: string): Observable<number> {
  return db
    .getLocal$<UploadCursor>(cursorDoc(tillId))
    .pipe(map((doc) => sequenceOf(doc ? (doc.toJSON().data as UploadCursor) : undefined)));
}
