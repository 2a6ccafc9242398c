import type { MangoQuerySelector } from 'rxdb';
import type { JournalEntry, JournalEntryOf } from '../core/journal/journal-entry';
import type { JournalKind } from '../core/journal/payload-registry';
import type { TillDatabase } from './till-database';

// Reading the till's journal by kind, in sequence order, without loading the
// rest of it: one query per kind, each a range of the journal's indexes
// (collections/journal.ts), merged by sequence.

export interface JournalQuery<K extends JournalKind> {
  /** Only entries of these kinds; every kind when left out. */
  readonly kinds?: readonly K[];
  /** Only entries from this sequence on (inclusive). */
  readonly fromSequence?: number;
  /** Only the entries this device wrote (a replaced till pulls back its predecessor's too). */
  readonly tillId?: string;
  /** Only entries whose payload has these values, by path under `payload` (e.g. `{ 'source.id': id }`). */
  readonly payload?: Readonly<Record<string, string | number>>;
}

/** The journal's entries a query names, oldest first. */
export async function journalEntries<K extends JournalKind = JournalKind>(
  db: TillDatabase,
  query: JournalQuery<K>,
): Promise<JournalEntryOf<K>[]> {
  const selector = selectorOf(query);
  const read = (kind?: K) =>
    db.journal
      .find({ selector: kind === undefined ? selector : { ...selector, kind }, sort: [{ sequence: 'asc' }] })
      .exec();
  const perKind = query.kinds === undefined ? [await read()] : await Promise.all(query.kinds.map(read));
  return (
    perKind
      .flat()
      // Cast through unknown: the mutable form of the whole entry union is too complex for the checker.
      .map((doc) => doc.toMutableJSON() as unknown as JournalEntryOf<K>)
      .sort((a, b) => a.sequence - b.sequence)
  );
}

function selectorOf(query: JournalQuery<JournalKind>): MangoQuerySelector<JournalEntry> {
  const selector: Record<string, unknown> = {};
  if (query.fromSequence !== undefined) selector.sequence = { $gte: query.fromSequence };
  if (query.tillId !== undefined) selector.tillId = query.tillId;
  for (const [path, value] of Object.entries(query.payload ?? {})) selector[`payload.${path}`] = value;
  return selector as MangoQuerySelector<JournalEntry>;
}
