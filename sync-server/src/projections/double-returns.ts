import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import {
  type OverReturnedLine,
  overReturnedLines,
  type ReturnOfSale,
} from '../../../src/core/returns/store-sale';
import type { Queryable } from '../db/database';

/** A projected return of a sale, as the feed and the incidents read it. */
export interface ProjectedReturn extends ReturnOfSale {
  /** Minor units refunded per source tender id. */
  readonly refundedMinor: Readonly<Record<string, number>>;
  readonly entryId: string;
  readonly saleId: string;
  readonly receiptNumber: string;
  readonly tillId: string;
  readonly tillCode: string;
  readonly createdAt: string;
}

export interface RecordedIncident {
  readonly id: number;
  readonly createdAt: string;
  readonly detail: DoubleReturnDetail;
}

export interface DoubleReturnDetail {
  readonly code: 'double-return';
  readonly message: string;
  readonly saleId: string;
  readonly saleReceiptNumber: string;
  readonly lines: readonly { lineId: string; name: string; sold: number; returned: number }[];
  readonly returns: readonly {
    returnId: string;
    entryId: string;
    receiptNumber: string;
    tillId: string;
    tillCode: string;
    createdAt: string;
  }[];
}

export const DOUBLE_RETURN = 'double-return';

/** Every projected return of these sales, its lines grouped, in arrival order. */
export async function readProjectedReturns(
  tx: Queryable,
  saleIds: readonly string[],
): Promise<Map<string, ProjectedReturn[]>> {
  const result = await tx.query<{
    entry_id: string;
    return_id: string;
    source_id: string;
    receipt_number: string;
    till_id: string;
    till_code: string;
    created_at: Date | string;
    source_line_id: string;
    quantity: number;
  }>(
    `SELECT r.entry_id, r.return_id, r.source_id, r.receipt_number, r.till_id, r.till_code, r.created_at,
            l.source_line_id, l.quantity::int AS quantity
     FROM returns r JOIN return_lines l USING (entry_id)
     WHERE r.source_type = 'sale' AND r.source_id = ANY($1::text[])
     ORDER BY r.projected_at, r.entry_id, l.line_index`,
    [saleIds],
  );
  const refunds = await tx.query<{
    entry_id: string;
    source_tender_id: string;
    amount_minor: string | number;
  }>(
    `SELECT f.entry_id, f.source_tender_id, f.amount_minor
     FROM returns r JOIN return_refunds f USING (entry_id)
     WHERE r.source_type = 'sale' AND r.source_id = ANY($1::text[])`,
    [saleIds],
  );
  const refundedOf = new Map<string, Record<string, number>>();
  for (const row of refunds.rows) {
    const refunded = refundedOf.get(row.entry_id) ?? {};
    refunded[row.source_tender_id] = (refunded[row.source_tender_id] ?? 0) + Number(row.amount_minor);
    refundedOf.set(row.entry_id, refunded);
  }
  const byEntry = new Map<
    string,
    ProjectedReturn & { lines: { sourceLineId: string; quantity: number }[] }
  >();
  for (const row of result.rows) {
    const known = byEntry.get(row.entry_id) ?? {
      entryId: row.entry_id,
      returnId: row.return_id,
      saleId: row.source_id,
      receiptNumber: row.receipt_number,
      tillId: row.till_id,
      tillCode: row.till_code,
      createdAt: new Date(row.created_at).toISOString(),
      lines: [],
      refundedMinor: refundedOf.get(row.entry_id) ?? {},
    };
    known.lines.push({ sourceLineId: row.source_line_id, quantity: Number(row.quantity) });
    byEntry.set(row.entry_id, known);
  }
  const bySale = new Map<string, ProjectedReturn[]>();
  for (const r of byEntry.values()) bySale.set(r.saleId, [...(bySale.get(r.saleId) ?? []), r]);
  return bySale;
}

/** The double returns recorded on these sales, oldest first. */
export async function readDoubleReturnIncidents(
  tx: Queryable,
  saleIds: readonly string[],
): Promise<Map<string, RecordedIncident[]>> {
  const result = await tx.query<{
    id: string | number;
    created_at: Date | string;
    detail: DoubleReturnDetail;
  }>(
    `SELECT id, created_at, detail FROM journal_incidents
     WHERE code = '${DOUBLE_RETURN}' AND detail->>'saleId' = ANY($1::text[]) ORDER BY id`,
    [saleIds],
  );
  const bySale = new Map<string, RecordedIncident[]>();
  for (const row of result.rows) {
    const incident = {
      id: Number(row.id),
      createdAt: new Date(row.created_at).toISOString(),
      detail: row.detail,
    };
    bySale.set(row.detail.saleId, [...(bySale.get(row.detail.saleId) ?? []), incident]);
  }
  return bySale;
}

export interface SaleUnderCheck {
  readonly saleId: string;
  readonly receiptNumber: string;
  readonly sold: ReadonlyMap<string, number>;
  readonly names: ReadonlyMap<string, string>;
  /** Whether the sale itself arrived in this push (then returns that came before it are checked too). */
  readonly arrivedNow: boolean;
}

/**
 * Records a `double-return` incident when the returns projected so far hand
 * back more of a line than was sold, and a return of this push (or the sale
 * itself) is part of it: the incident names every return of the line. The
 * till of the entry that made the overrun is the incident's till. The same
 * set of returns is never recorded twice.
 */
export async function recordDoubleReturns(
  tx: Queryable,
  sale: SaleUnderCheck,
  returns: readonly ProjectedReturn[],
  arrivedNow: ReadonlyMap<string, JournalEntry>,
  known: readonly RecordedIncident[],
): Promise<RecordedIncident | null> {
  const over = overReturnedLines(sale.sold, returns).filter(
    (line) => sale.arrivedNow || line.returnIds.some((id) => returnsNamed(returns, id, arrivedNow)),
  );
  if (over.length === 0) return null;
  const involved = returns.filter((r) => over.some((line) => line.returnIds.includes(r.returnId)));
  const key = involved
    .map((r) => r.entryId)
    .sort()
    .join(',');
  const seen = known.some(
    (incident) =>
      incident.detail.returns
        .map((r) => r.entryId)
        .sort()
        .join(',') === key,
  );
  if (seen) return null;
  const trigger =
    [...involved].reverse().find((r) => arrivedNow.has(r.entryId)) ?? involved[involved.length - 1];
  const entry = trigger ? arrivedNow.get(trigger.entryId) : undefined;
  const detail: DoubleReturnDetail = {
    code: DOUBLE_RETURN,
    message: messageOf(sale, over, involved.length),
    saleId: sale.saleId,
    saleReceiptNumber: sale.receiptNumber,
    lines: over.map((line) => ({
      lineId: line.lineId,
      name: sale.names.get(line.lineId) ?? line.lineId,
      sold: line.sold,
      returned: line.returned,
    })),
    returns: involved.map((r) => ({
      returnId: r.returnId,
      entryId: r.entryId,
      receiptNumber: r.receiptNumber,
      tillId: r.tillId,
      tillCode: r.tillCode,
      createdAt: r.createdAt,
    })),
  };
  const till = trigger ?? involved[0];
  if (!till) return null;
  const inserted = await tx.query<{ id: string | number; created_at: Date | string }>(
    `INSERT INTO journal_incidents (till_id, store_code, code, from_sequence, to_sequence, entry_id, detail)
     SELECT t.id, t.store_code, $2, $3, $3, $4, $5 FROM tills t WHERE t.id = $1
     RETURNING id, created_at`,
    [till.tillId, DOUBLE_RETURN, entry?.sequence ?? null, till.entryId, JSON.stringify(detail)],
  );
  const row = inserted.rows[0];
  if (!row) return null;
  return { id: Number(row.id), createdAt: new Date(row.created_at).toISOString(), detail };
}

function returnsNamed(
  returns: readonly ProjectedReturn[],
  returnId: string,
  arrivedNow: ReadonlyMap<string, unknown>,
): boolean {
  return returns.some((r) => r.returnId === returnId && arrivedNow.has(r.entryId));
}

function messageOf(sale: SaleUnderCheck, over: readonly OverReturnedLine[], returns: number): string {
  const lines = over.map(
    (l) => `${sale.names.get(l.lineId) ?? l.lineId}: ${l.returned} returned of ${l.sold} sold`,
  );
  return `sale ${sale.receiptNumber} was returned by ${returns} returns for more than was sold (${lines.join('; ')})`;
}
