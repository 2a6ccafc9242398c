import type { JournalEntry } from '../journal/journal-entry';
import { countDifferenceMinor } from '../journal/shift-payloads';
import { entriesOfShift, type ShiftRange } from './shift-entries';
import { computeShiftTotals, type ShiftTender, type ShiftTotals } from './shift-totals';

// The X report (any time during a shift) and the Z report (its close),
// computed from the till's journal alone, so they work offline.

export interface TenderCountLine {
  readonly tender: string;
  readonly expectedMinor: number;
  readonly countedMinor: number;
  /** Counted minus expected: positive is an overage, negative a shortage. */
  readonly differenceMinor: number;
}

export interface HourBucket {
  /** The hour of the till's clock when the sales were completed, "00" to "23". */
  readonly hour: string;
  readonly salesCount: number;
  readonly salesMinor: number;
}

export interface ShiftReport {
  /** X while the shift is open, Z once it is closed. */
  readonly kind: 'X' | 'Z';
  readonly shiftId: string;
  readonly storeCode: string;
  readonly tillCode: string;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly closedBy: string | undefined;
  readonly closedAt: string | undefined;
  /** The sequences of the opening entry and, once closed, the closing one. */
  readonly openedSequence: number;
  readonly closedSequence: number | undefined;
  readonly totals: ShiftTotals;
  /** From the closing entry: expected against counted per tender. */
  readonly counts: readonly TenderCountLine[];
  /** Sales per hour of the day, hours with sales only, in order. */
  readonly salesByHour: readonly HourBucket[];
  /** Sales per tender (what each tender took), for the chart. */
  readonly salesByTender: readonly { readonly tender: ShiftTender; readonly takenMinor: number }[];
}

/** The hour of an ISO time as written by the till (its own clock and offset). */
export const hourOf = (isoTime: string): string => isoTime.slice(11, 13);

/** The report of a shift from one till's journal entries (all of them, or at least the shift's). */
export function shiftReport(range: ShiftRange, journal: readonly JournalEntry[]): ShiftReport {
  const { opened, closed } = range;
  const entries = entriesOfShift(journal, range);
  const totals = computeShiftTotals(opened, entries);
  const hours = new Map<string, { salesCount: number; salesMinor: number }>();
  for (const entry of entries) {
    if (entry.kind !== 'sale.completed') continue;
    const hour = hourOf(entry.payload.completedAt);
    const bucket = hours.get(hour) ?? { salesCount: 0, salesMinor: 0 };
    hours.set(hour, {
      salesCount: bucket.salesCount + 1,
      salesMinor: bucket.salesMinor + entry.payload.totals.total.minor,
    });
  }
  return {
    kind: closed ? 'Z' : 'X',
    shiftId: opened.payload.shiftId,
    storeCode: opened.storeCode,
    tillCode: opened.tillCode,
    openedBy: opened.payload.staffId,
    openedAt: opened.recordedAt,
    closedBy: closed?.payload.staffId,
    closedAt: closed?.recordedAt,
    openedSequence: opened.sequence,
    closedSequence: closed?.sequence,
    totals,
    counts: (closed?.payload.tenders ?? []).map((count) => ({
      tender: count.tender,
      expectedMinor: count.expected.minor,
      countedMinor: count.counted.minor,
      differenceMinor: countDifferenceMinor(count),
    })),
    salesByHour: [...hours.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([hour, bucket]) => ({ hour, ...bucket })),
    salesByTender: totals.tenders.map((t) => ({ tender: t.tender, takenMinor: t.takenMinor })),
  };
}

/** Counted against expected per tender, for the close screen (before anything is journaled). */
export function countLines(
  totals: ShiftTotals,
  counted: Readonly<Record<string, number>>,
): TenderCountLine[] {
  return totals.tenders.map((t) => {
    const countedMinor = counted[t.tender] ?? 0;
    return {
      tender: t.tender,
      expectedMinor: t.expectedMinor,
      countedMinor,
      differenceMinor: countedMinor - t.expectedMinor,
    };
  });
}

/** The largest difference, in absolute value, over the tenders: what a threshold is compared with. */
export const largestDifferenceMinor = (lines: readonly TenderCountLine[]): number =>
  lines.reduce((max, line) => Math.max(max, Math.abs(line.differenceMinor)), 0);
