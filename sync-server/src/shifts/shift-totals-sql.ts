import type { ServerShiftTotals } from '../../../src/core/shifts/server-shift-totals';
import { SHIFT_TENDERS, type ShiftTender, type TenderTotals } from '../../../src/core/shifts/shift-totals';
import type { Queryable } from '../db/database';

// The server's own totals of one shift, with SQL over the projection tables
// (docs/projections.md, "Shifts"): the till's sales, payments, voided sale
// lines, returns, refunds and cash movements whose sequence lies strictly
// between the shift's opening and closing entries. Never the till's code run
// again on the journal: an independent computation the till compares with.

const LAST = '999999999999999';

type Num = string | number | null;
const n = (value: Num): number => Number(value ?? 0);

/** The totals of `shiftId` on the till `tillId`, or undefined when its opening has not arrived. */
export async function serverShiftTotals(
  db: Queryable,
  tillId: string,
  shiftId: string,
): Promise<ServerShiftTotals | undefined> {
  const opening = (
    await db.query<{ sequence: Num; currency: string; opening_float_minor: Num }>(
      `SELECT sequence, currency, opening_float_minor FROM shift_openings
        WHERE shift_id = $1 AND till_id = $2 ORDER BY sequence LIMIT 1`,
      [shiftId, tillId],
    )
  ).rows[0];
  if (!opening) return undefined;
  const from = n(opening.sequence);
  const closing = (
    await db.query<{ sequence: Num }>(
      `SELECT sequence FROM shift_closings
        WHERE shift_id = $1 AND till_id = $2 AND sequence > $3 ORDER BY sequence LIMIT 1`,
      [shiftId, tillId, from],
    )
  ).rows[0];
  const to = closing ? n(closing.sequence) : null;
  const range = [tillId, from, to === null ? LAST : String(to)];
  const inRange = 'till_id = $1 AND sequence > $2 AND sequence < $3::bigint';

  const sales = (
    await db.query<{ count: Num; total: Num; discounts: Num; rounding: Num }>(
      `SELECT count(*) AS count, sum(total_minor) AS total, sum(total_discount_minor) AS discounts,
              sum(cash_rounding_minor) AS rounding
         FROM sales WHERE ${inRange}`,
      range,
    )
  ).rows[0];
  const voided = (
    await db.query<{ count: Num; gross: Num }>(
      `SELECT count(*) AS count, sum(l.gross_minor) AS gross
         FROM sales s JOIN sale_lines l USING (entry_id)
        WHERE s.till_id = $1 AND s.sequence > $2 AND s.sequence < $3::bigint AND l.voided`,
      range,
    )
  ).rows[0];
  const taken = await db.query<{ tender: ShiftTender; amount: Num }>(
    `SELECT p.kind AS tender,
            sum(CASE WHEN p.kind = 'cash' THEN p.tendered_minor - p.change_minor ELSE p.amount_minor END) AS amount
       FROM sales s JOIN payments p USING (entry_id)
      WHERE s.till_id = $1 AND s.sequence > $2 AND s.sequence < $3::bigint
      GROUP BY p.kind`,
    range,
  );
  const returns = (
    await db.query<{ count: Num; total: Num }>(
      `SELECT count(*) AS count, sum(total_minor) AS total FROM returns WHERE ${inRange}`,
      range,
    )
  ).rows[0];
  const refunded = await db.query<{ tender: ShiftTender; amount: Num }>(
    `SELECT f.method AS tender, sum(f.amount_minor) AS amount
       FROM returns r JOIN return_refunds f USING (entry_id)
      WHERE r.till_id = $1 AND r.sequence > $2 AND r.sequence < $3::bigint
      GROUP BY f.method`,
    range,
  );
  const movements = (
    await db.query<{ drawer: Num }>(
      `SELECT sum(drawer_effect_minor) AS drawer FROM cash_movements WHERE ${inRange}`,
      range,
    )
  ).rows[0];
  const stored = (
    await db.query<{ stored: Num; held: Num; queued: Num }>(
      `SELECT count(*) AS stored, count(h.entry_id) AS held, count(q.entry_id) AS queued
         FROM sync_documents d
         LEFT JOIN journal_held_entries h ON h.entry_id = d.id AND h.accepted_at IS NULL
         LEFT JOIN journal_projection_queue q ON q.entry_id = d.id
        WHERE d.collection = 'journal' AND d.scope = $1
          AND (d.doc->>'sequence')::bigint > $2 AND (d.doc->>'sequence')::bigint < $3::bigint`,
      range,
    )
  ).rows[0];

  const takenBy = new Map(taken.rows.map((r) => [r.tender, n(r.amount)]));
  const refundedBy = new Map(refunded.rows.map((r) => [r.tender, n(r.amount)]));
  const floatMinor = n(opening.opening_float_minor);
  const movementsMinor = n(movements?.drawer ?? null);
  const tenders: TenderTotals[] = SHIFT_TENDERS.filter(
    (t) => t === 'cash' || takenBy.has(t) || refundedBy.has(t),
  ).map((tender) => {
    const takenMinor = takenBy.get(tender) ?? 0;
    const refundedMinor = refundedBy.get(tender) ?? 0;
    const drawer = tender === 'cash' ? floatMinor + movementsMinor : 0;
    return { tender, takenMinor, refundedMinor, expectedMinor: drawer + takenMinor - refundedMinor };
  });
  const entriesStored = n(stored?.stored ?? null);
  const entriesHeld = n(stored?.held ?? null);
  const entriesQueued = n(stored?.queued ?? null);
  return {
    shiftId,
    openedSequence: from,
    closedSequence: to,
    entriesStored,
    entriesHeld,
    // An entry stored but still queued for projection is not in the sums yet (docs/projections.md, "The projector").
    complete: to !== null && entriesStored === to - from - 1 && entriesHeld === 0 && entriesQueued === 0,
    totals: {
      currency: opening.currency,
      openingFloatMinor: floatMinor,
      salesCount: n(sales?.count ?? null),
      salesMinor: n(sales?.total ?? null),
      discountsMinor: n(sales?.discounts ?? null),
      voidedLines: n(voided?.count ?? null),
      voidedMinor: n(voided?.gross ?? null),
      returnsCount: n(returns?.count ?? null),
      returnsMinor: n(returns?.total ?? null),
      cashRoundingMinor: n(sales?.rounding ?? null),
      cashMovementsMinor: movementsMinor,
      tenders,
    },
  };
}
