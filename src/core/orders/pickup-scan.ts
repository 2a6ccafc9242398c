import { err, ok, type Result } from '../result';
import type { OrderLine } from './order-line';

// Scanning an order's items at the pickup desk, to pick them or to hand them
// over: each scan counts one piece of the line with that barcode, up to the
// pieces wanted. A code of no line is refused (the caller names the item),
// and one piece too many of a line is refused too. Pure: counts in, counts out.

export type ItemCounts = Readonly<Record<string, number>>;

export type ItemScanRefusal =
  | { readonly code: 'not-in-order'; readonly barcode: string }
  | { readonly code: 'line-complete'; readonly lineId: string };

/** The line ids with their wanted pieces (all of the line, or what is left of it). */
export type WantedPieces = ReadonlyMap<string, number>;

/**
 * Counts one scanned piece. `barcodes` are the scanned code's candidates
 * (the raw text and its GTIN forms), so an EAN-13 read as GTIN-14 still matches.
 */
export function countScannedPiece(
  lines: readonly Pick<OrderLine, 'lineId' | 'barcode'>[],
  wanted: WantedPieces,
  counts: ItemCounts,
  barcodes: readonly string[],
): Result<{ readonly lineId: string; readonly counts: ItemCounts }, ItemScanRefusal> {
  const matching = lines.filter((line) => barcodes.some((code) => sameBarcode(line.barcode, code)));
  const open = matching.find((line) => (counts[line.lineId] ?? 0) < (wanted.get(line.lineId) ?? 0));
  if (open)
    return ok({ lineId: open.lineId, counts: { ...counts, [open.lineId]: (counts[open.lineId] ?? 0) + 1 } });
  const first = matching[0];
  if (first) return err({ code: 'line-complete', lineId: first.lineId });
  return err({ code: 'not-in-order', barcode: barcodes[0] ?? '' });
}

/** Same code once leading zeros are set aside (GTIN-8/12/13/14 of one item). */
function sameBarcode(a: string, b: string): boolean {
  const trim = (code: string) => (/^\d+$/.test(code) ? code.replace(/^0+/, '') : code);
  return trim(a) === trim(b);
}

export interface CountProgress {
  readonly lineId: string;
  readonly wanted: number;
  readonly counted: number;
}

/** Per line wanted: how many counted; missing = wanted lines not yet complete. */
export function countProgress(wanted: WantedPieces, counts: ItemCounts): readonly CountProgress[] {
  return [...wanted].map(([lineId, n]) => ({ lineId, wanted: n, counted: Math.min(n, counts[lineId] ?? 0) }));
}

export function allCounted(wanted: WantedPieces, counts: ItemCounts): boolean {
  return countProgress(wanted, counts).every((p) => p.counted >= p.wanted);
}
