import type { JournalEntry, JournalEntryOf } from '../journal/journal-entry';

// Which journal entries belong to a shift. Entries carry no shift id: a
// shift's entries are those of the same till (same `tillId`) whose sequence
// lies strictly between its `shift.opened` entry and its `shift.closed`
// entry, or after the opening while it is still open. A till opens a shift
// only when none is open, so these ranges never overlap. The sync server
// reads the same range from its projection tables (docs/projections.md,
// "Shifts"); both sides follow this one definition.

export type ShiftOpened = JournalEntryOf<'shift.opened'>;
export type ShiftClosed = JournalEntryOf<'shift.closed'>;

export interface ShiftRange {
  readonly opened: ShiftOpened;
  /** Absent while the shift is open. */
  readonly closed: ShiftClosed | undefined;
}

const isOpened = (e: JournalEntry): e is ShiftOpened => e.kind === 'shift.opened';
const isClosed = (e: JournalEntry): e is ShiftClosed => e.kind === 'shift.closed';

/** The opening and closing entries of `shiftId` among `entries` (one till's journal), if opened. */
export function findShift(entries: readonly JournalEntry[], shiftId: string): ShiftRange | undefined {
  const opened = entries.find((e): e is ShiftOpened => isOpened(e) && e.payload.shiftId === shiftId);
  if (!opened) return undefined;
  const closed = entries.find(
    (e): e is ShiftClosed =>
      isClosed(e) &&
      e.payload.shiftId === shiftId &&
      e.tillId === opened.tillId &&
      e.sequence > opened.sequence,
  );
  return { opened, closed };
}

/**
 * The shift still open on this till: the last `shift.opened` with no
 * `shift.closed` of the same shift after it. A till that crashed with its
 * shift open finds it here on its next start.
 */
export function findOpenShift(entries: readonly JournalEntry[]): ShiftOpened | undefined {
  const openings = entries.filter(isOpened).sort((a, b) => b.sequence - a.sequence);
  const last = openings[0];
  if (!last) return undefined;
  return findShift(entries, last.payload.shiftId)?.closed ? undefined : last;
}

/** The entries of a shift, in sequence order: same till, strictly between its opening and closing. */
export function entriesOfShift(entries: readonly JournalEntry[], range: ShiftRange): JournalEntry[] {
  const from = range.opened.sequence;
  const to = range.closed?.sequence ?? Number.POSITIVE_INFINITY;
  return entries
    .filter((e) => e.tillId === range.opened.tillId && e.sequence > from && e.sequence < to)
    .sort((a, b) => a.sequence - b.sequence);
}
