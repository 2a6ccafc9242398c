import { type Money, money } from '../core/money';
import { err, ok, type Result } from '../core/result';
import type { ReturnLineRequest } from '../core/returns/create-return';
import { RETURN_REASON_CODES } from '../core/returns/return-reason';
import { refundForUnits } from '../core/returns/unit-refund';
import { t } from '../i18n/i18n';
import type { FoundSource } from './return-find';

// What the cashier picks on each line of the source: how many units come
// back (at most bought minus already returned, here and at the other tills),
// why, and whether they go back on the shelf.

export type ReturnReasonCode = (typeof RETURN_REASON_CODES)[number];

export interface ReturnPick {
  readonly quantity: number;
  /** Bought minus already returned. */
  readonly max: number;
  readonly reason: ReturnReasonCode;
  /** Required with 'other'. */
  readonly note: string;
  readonly restock: boolean;
}

/** Damaged or defective articles are written off by default; the cashier may change it. */
const restockByDefault = (reason: ReturnReasonCode) => reason !== 'damaged' && reason !== 'defective';

/** One pick per line that can still come back: none picked yet, or every unit (`all`, a return without receipt). */
export function startPicks(found: FoundSource, all = false): Record<string, ReturnPick> {
  const picks: Record<string, ReturnPick> = {};
  for (const line of found.source.lines) {
    const max = line.quantity - (found.alreadyReturned[line.lineId] ?? 0);
    if (max <= 0) continue;
    picks[line.lineId] = { quantity: all ? max : 0, max, reason: 'changed-mind', note: '', restock: true };
  }
  return picks;
}

export function setPick(
  found: FoundSource,
  picks: Readonly<Record<string, ReturnPick>>,
  lineId: string,
  change: Partial<ReturnPick>,
): Result<Record<string, ReturnPick>, string> {
  const pick = picks[lineId];
  const line = found.source.lines.find((l) => l.lineId === lineId);
  if (!pick || !line) return err(t('returns.lines.nothingLeft'));
  const quantity = change.quantity ?? pick.quantity;
  if (!Number.isInteger(quantity) || quantity < 0) return err(t('returns.lines.badQuantity'));
  if (quantity > pick.max) return err(t('returns.lines.overMax', { name: line.name, max: pick.max }));
  const reason = change.reason ?? pick.reason;
  if (!RETURN_REASON_CODES.includes(reason)) return err(t('returns.lines.badQuantity'));
  const restock = change.restock ?? (change.reason ? restockByDefault(reason) : pick.restock);
  return ok({ ...picks, [lineId]: { ...pick, ...change, quantity, reason, restock } });
}

/** The core's line requests for every line with units picked. */
export function returnLineRequests(picks: Readonly<Record<string, ReturnPick>>): ReturnLineRequest[] {
  return Object.entries(picks)
    .filter(([, p]) => p.quantity > 0)
    .map(([sourceLineId, p]) => ({
      sourceLineId,
      quantity: p.quantity,
      restock: p.restock,
      reason: { code: p.reason, note: p.note.trim() === '' ? null : p.note.trim() },
    }));
}

/** What the picked units refund, line by line as the core prorates them. */
export function totalOfPicks(found: FoundSource, picks: Readonly<Record<string, ReturnPick>>): Money {
  let minor = 0;
  for (const line of found.source.lines) {
    const pick = picks[line.lineId];
    if (!pick || pick.quantity === 0) continue;
    const before = found.alreadyReturned[line.lineId] ?? 0;
    minor += refundForUnits(line.netPaid, line.quantity, before, pick.quantity).minor;
  }
  return money(minor, found.source.currency);
}
