import type { JournalEntryOf } from '../../../src/core/journal/journal-entry';
import { countDifferenceMinor } from '../../../src/core/journal/shift-payloads';
import type { Queryable } from '../db/database';
import { envelopeOf } from './entry-envelope';
import { insertRowsOfTables, rowsOf } from './insert-rows';
import {
  SHIFT_CLOSINGS,
  SHIFT_COUNTS,
  SHIFT_OPENINGS,
  type ShiftClosingRow,
  type ShiftCountRow,
  type ShiftOpeningRow,
} from './shift-tables';

/**
 * Projects shift openings and closings (with their counts per tender). The
 * sales, returns and cash movements of a shift are not copied: they are the
 * till's rows of those tables between the two sequences (shift-totals.ts).
 */
export async function projectShifts(
  tx: Queryable,
  entries: readonly (JournalEntryOf<'shift.opened'> | JournalEntryOf<'shift.closed'>)[],
): Promise<void> {
  const openings: ShiftOpeningRow[] = [];
  const closings: ShiftClosingRow[] = [];
  const counts: ShiftCountRow[] = [];
  for (const entry of entries) {
    const { recorded_at, ...envelope } = envelopeOf(entry);
    const common = {
      ...envelope,
      recorded_at,
      shift_id: entry.payload.shiftId,
      staff_id: entry.payload.staffId,
    };
    if (entry.kind === 'shift.opened') {
      openings.push({
        ...common,
        currency: entry.payload.openingFloat.currency,
        opening_float_minor: entry.payload.openingFloat.minor,
      });
    } else {
      closings.push(common);
      entry.payload.tenders.forEach((count, tender_index) => {
        counts.push({
          entry_id: entry.id,
          tender_index,
          shift_id: entry.payload.shiftId,
          tender: count.tender,
          currency: count.counted.currency,
          expected_minor: count.expected.minor,
          counted_minor: count.counted.minor,
          difference_minor: countDifferenceMinor(count),
        });
      });
    }
  }
  await insertRowsOfTables(tx, [
    rowsOf(SHIFT_OPENINGS, openings),
    rowsOf(SHIFT_CLOSINGS, closings),
    rowsOf(SHIFT_COUNTS, counts),
  ]);
}
