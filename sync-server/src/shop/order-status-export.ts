import type { Queryable } from '../db/database';

// Click-and-collect status changes of every store for the web shop, in
// export_seq order: one row per change, written by the trigger of migration
// 014 in commit order, so `after` works like a pull checkpoint.

export interface ExportedHandover {
  readonly id: string;
  readonly tillId: string;
  readonly handedOverAt: string;
  readonly lines: readonly { readonly lineId: string; readonly quantity: number }[];
  readonly remainderReason?: string;
}

export interface OrderStatusChange {
  readonly seq: number;
  readonly orderId: string;
  readonly source: string;
  readonly webOrderId: string;
  readonly storeCode: string;
  readonly status: string;
  /** null: the first status the server stored (the import). */
  readonly previousStatus: string | null;
  /** When the server stored the change (its transaction's time). */
  readonly changedAt: string;
  /** When a desk marked the order ready (its clock), when known. */
  readonly readyAt: string | null;
  /** Each line: ordered, and handed over so far (all handovers of `handovers`). */
  readonly lines: readonly {
    readonly lineId: string;
    readonly ordered: number;
    readonly handedOver: number;
  }[];
  /** The order's handovers at this change, oldest id first. */
  readonly handovers: readonly ExportedHandover[];
  /** Set when desks that worked offline handed over more than ordered, or after a cancel/return. */
  readonly handoverConflict: Record<string, unknown> | null;
}

interface Row {
  seq: number | string;
  order_id: string;
  source: string;
  web_order_id: string;
  store_code: string;
  status: string;
  previous_status: string | null;
  changed_at: Date | string;
  ready_at: string | null;
  lines: { lineId: string; quantity: number }[];
  handovers: ExportedHandover[];
  handover_conflict: Record<string, unknown> | null;
}

export async function exportOrderStatusChanges(
  db: Queryable,
  afterSeq: number,
  limit: number,
): Promise<{ changes: OrderStatusChange[]; lastSeq: number }> {
  const result = await db.query<Row>(
    `SELECT export_seq AS seq, order_id, source, web_order_id, store_code, status, previous_status,
            changed_at, ready_at, lines, handovers, handover_conflict
     FROM order_status_changes WHERE export_seq > $1 ORDER BY export_seq LIMIT $2`,
    [afterSeq, limit],
  );
  const changes = result.rows.map(toChange);
  return { changes, lastSeq: changes.at(-1)?.seq ?? afterSeq };
}

function toChange(row: Row): OrderStatusChange {
  const handed = new Map<string, number>();
  for (const handover of row.handovers)
    for (const line of handover.lines)
      handed.set(line.lineId, (handed.get(line.lineId) ?? 0) + line.quantity);
  return {
    seq: Number(row.seq),
    orderId: row.order_id,
    source: row.source,
    webOrderId: row.web_order_id,
    storeCode: row.store_code,
    status: row.status,
    previousStatus: row.previous_status,
    changedAt: new Date(row.changed_at).toISOString(),
    readyAt: row.ready_at,
    lines: row.lines.map((line) => ({
      lineId: line.lineId,
      ordered: line.quantity,
      handedOver: handed.get(line.lineId) ?? 0,
    })),
    handovers: row.handovers,
    handoverConflict: row.handover_conflict,
  };
}
