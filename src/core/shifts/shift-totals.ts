import { z } from 'zod';
import { drawerEffectMinor } from '../journal/cash-movement-payload';
import type { JournalEntry } from '../journal/journal-entry';
import type { ShiftOpened } from './shift-entries';

// The figures of a shift that the till and the sync server both compute,
// each from its own data: the till from its journal entries (this file),
// the server with SQL over its projection tables. Integers only (minor
// units and counts), so "reconciled" means equal to the cent.

/** The tenders a sale can be paid with and a return refunded to. */
export const SHIFT_TENDERS = ['cash', 'card', 'voucher', 'store-credit'] as const;
export type ShiftTender = (typeof SHIFT_TENDERS)[number];

const int = z.number().int();

export const tenderTotalsSchema = z.strictObject({
  tender: z.enum(SHIFT_TENDERS),
  /** What sales brought in with it; for cash, notes and coins given minus change (so cash rounding included). */
  takenMinor: int,
  /** What returns gave back with it. */
  refundedMinor: int,
  /** What should be there at the end: for cash, float + taken − refunded ± cash movements. */
  expectedMinor: int,
});
export type TenderTotals = z.infer<typeof tenderTotalsSchema>;

export const shiftTotalsSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/),
  openingFloatMinor: int,
  salesCount: int,
  /** What customers owed, after discounts. */
  salesMinor: int,
  discountsMinor: int,
  /** Lines rung up then voided, and their gross amount before voiding. */
  voidedLines: int,
  voidedMinor: int,
  returnsCount: int,
  returnsMinor: int,
  cashRoundingMinor: int,
  /** Net effect on the drawer of floats, safe drops, paid-in and paid-out. */
  cashMovementsMinor: int,
  /** One row per tender, in SHIFT_TENDERS order; cash always, the others when used. */
  tenders: z.array(tenderTotalsSchema),
});
export type ShiftTotals = z.infer<typeof shiftTotalsSchema>;

/** The totals of a shift from its opening entry and its entries (entriesOfShift). */
export function computeShiftTotals(opened: ShiftOpened, entries: readonly JournalEntry[]): ShiftTotals {
  const float = opened.payload.openingFloat;
  const totals = {
    currency: float.currency,
    openingFloatMinor: float.minor,
    salesCount: 0,
    salesMinor: 0,
    discountsMinor: 0,
    voidedLines: 0,
    voidedMinor: 0,
    returnsCount: 0,
    returnsMinor: 0,
    cashRoundingMinor: 0,
    cashMovementsMinor: 0,
  };
  const taken = new Map<ShiftTender, number>([['cash', 0]]);
  const refunded = new Map<ShiftTender, number>([['cash', 0]]);
  const add = (map: Map<ShiftTender, number>, tender: ShiftTender, minor: number) =>
    map.set(tender, (map.get(tender) ?? 0) + minor);

  for (const entry of entries) {
    if (entry.kind === 'sale.completed') {
      const sale = entry.payload;
      totals.salesCount += 1;
      totals.salesMinor += sale.totals.total.minor;
      totals.discountsMinor += sale.totals.totalDiscount.minor;
      totals.cashRoundingMinor += sale.cashRounding.minor;
      for (const line of sale.lines) {
        if (line.voided === null) continue;
        totals.voidedLines += 1;
        totals.voidedMinor += line.gross.minor;
      }
      for (const tender of sale.tenders) {
        add(
          taken,
          tender.type,
          tender.type === 'cash' ? tender.given.minor - tender.change.minor : tender.amount.minor,
        );
        if (!refunded.has(tender.type)) refunded.set(tender.type, 0);
      }
    } else if (entry.kind === 'return.completed') {
      totals.returnsCount += 1;
      totals.returnsMinor += entry.payload.total.minor;
      for (const refund of entry.payload.refunds) {
        add(refunded, refund.method, refund.amount.minor);
        if (!taken.has(refund.method)) taken.set(refund.method, 0);
      }
    } else if (entry.kind === 'cash.movement') {
      totals.cashMovementsMinor += drawerEffectMinor(entry.payload);
    }
  }

  const tenders = SHIFT_TENDERS.filter((tender) => taken.has(tender)).map((tender) => {
    const takenMinor = taken.get(tender) ?? 0;
    const refundedMinor = refunded.get(tender) ?? 0;
    const drawer = tender === 'cash' ? totals.openingFloatMinor + totals.cashMovementsMinor : 0;
    return { tender, takenMinor, refundedMinor, expectedMinor: drawer + takenMinor - refundedMinor };
  });
  return { ...totals, tenders };
}

/** One figure the till and the server disagree on, named as in ShiftTotals ("tenders.card.expectedMinor"). */
export interface TotalsDifference {
  readonly figure: string;
  readonly till: number;
  readonly server: number;
}

function flatten(totals: ShiftTotals): Map<string, number | string> {
  const flat = new Map<string, number | string>();
  for (const [key, value] of Object.entries(totals)) {
    if (key !== 'tenders') flat.set(key, value as number | string);
  }
  for (const t of totals.tenders) {
    flat.set(`tenders.${t.tender}.takenMinor`, t.takenMinor);
    flat.set(`tenders.${t.tender}.refundedMinor`, t.refundedMinor);
    flat.set(`tenders.${t.tender}.expectedMinor`, t.expectedMinor);
  }
  return flat;
}

/**
 * Every figure that differs between the till's totals and the server's, a
 * tender missing on one side counting as zero there. Empty: reconciled. A
 * currency mismatch is reported as the figure "currency" (values 0/1).
 */
export function compareShiftTotals(till: ShiftTotals, server: ShiftTotals): TotalsDifference[] {
  if (till.currency !== server.currency) return [{ figure: 'currency', till: 0, server: 1 }];
  const a = flatten(till);
  const b = flatten(server);
  const figures = [...new Set([...a.keys(), ...b.keys()])].filter((f) => f !== 'currency');
  return figures.flatMap((figure) => {
    const mine = Number(a.get(figure) ?? 0);
    const theirs = Number(b.get(figure) ?? 0);
    return mine === theirs ? [] : [{ figure, till: mine, server: theirs }];
  });
}
