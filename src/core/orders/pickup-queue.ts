import type { ClickCollectOrder } from './click-collect-order';
import { remainingQuantities, tallyHandovers } from './handover-tally';

// The pickup desk's view of the store's click-and-collect orders: which
// group each order is in, newest first, how many wait for their customer,
// and which were not collected in time. Pure: the caller gives the clock
// and the delay from the store settings.

/** The groups the desk shows, in the order of its tabs. */
export const DESK_GROUPS = [
  'to-prepare',
  'ready',
  'partly-handed-over',
  'overdue',
  'handed-over',
  'cancelled',
] as const;
export type DeskGroup = (typeof DESK_GROUPS)[number];

/** Days after which an order not collected is flagged for return to stock, unless the settings say otherwise. */
export const DEFAULT_UNCOLLECTED_DAYS = 10;
const DAY_MS = 24 * 3600_000;

/**
 * When the order began to wait for its customer: when it was marked ready
 * (`readyAt`). Orders marked ready before that was recorded fall back on
 * their first handover (it was ready by then), else on when they were placed.
 */
export function waitingSince(order: ClickCollectOrder): number {
  if (order.readyAt !== undefined) return Date.parse(order.readyAt);
  const handed = order.handovers.map((h) => Date.parse(h.handedOverAt)).filter(Number.isFinite);
  return handed.length > 0 ? Math.min(...handed) : Date.parse(order.placedAt);
}

/**
 * Overdue: ready (or partly handed over) and waiting for more than
 * `uncollectedDays` days since it became ready (`waitingSince`): to return
 * to stock.
 */
export function isOverdue(order: ClickCollectOrder, now: number, uncollectedDays: number): boolean {
  if (order.status !== 'ready-for-pickup' && order.status !== 'partially-handed-over') return false;
  const since = waitingSince(order);
  return Number.isFinite(since) && now - since > uncollectedDays * DAY_MS;
}

export function deskGroupOf(order: ClickCollectOrder, now: number, uncollectedDays: number): DeskGroup {
  if (isOverdue(order, now, uncollectedDays)) return 'overdue';
  switch (order.status) {
    case 'received':
    case 'picking':
      return 'to-prepare';
    case 'ready-for-pickup':
      return 'ready';
    case 'partially-handed-over':
      return 'partly-handed-over';
    case 'handed-over':
      return 'handed-over';
    case 'cancelled':
    case 'returned':
      return 'cancelled';
  }
}

/** Waiting for their customer: ready, partly handed over, or overdue. */
export function isWaiting(group: DeskGroup): boolean {
  return group === 'ready' || group === 'partly-handed-over' || group === 'overdue';
}

export interface DeskQueue {
  readonly groups: Readonly<Record<DeskGroup, readonly ClickCollectOrder[]>>;
  readonly waiting: number;
}

/** Newest first in each group (placing time, then web order number). */
export function deskQueue(
  orders: readonly ClickCollectOrder[],
  now: number,
  uncollectedDays: number,
): DeskQueue {
  const groups = Object.fromEntries(DESK_GROUPS.map((g) => [g, [] as ClickCollectOrder[]])) as Record<
    DeskGroup,
    ClickCollectOrder[]
  >;
  for (const order of orders) groups[deskGroupOf(order, now, uncollectedDays)].push(order);
  for (const group of DESK_GROUPS) groups[group].sort(newestFirst);
  const waiting = groups.ready.length + groups['partly-handed-over'].length + groups.overdue.length;
  return { groups, waiting };
}

function newestFirst(a: ClickCollectOrder, b: ClickCollectOrder): number {
  const byTime = Date.parse(b.placedAt) - Date.parse(a.placedAt);
  if (byTime !== 0 && Number.isFinite(byTime)) return byTime;
  return a.webOrderId < b.webOrderId ? 1 : a.webOrderId > b.webOrderId ? -1 : 0;
}

/** Pieces still to hand over, line by line (lines with none left are omitted). */
export function piecesLeft(order: ClickCollectOrder): ReadonlyMap<string, number> {
  const left = remainingQuantities(tallyHandovers(order.lines, order.handovers));
  return new Map([...left].filter(([, n]) => n > 0));
}

/** Case and accents folded, as a clerk types a name. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The last nine digits: "06 12 34 56 78" and "+33612345678" are the same phone. */
function phoneKey(text: string): string {
  return text.replace(/\D/g, '').slice(-9);
}

/**
 * Does `typed` find the order: its web order number, pickup code, customer
 * name (every word typed appears in it), email, or phone (at least six
 * digits typed, matched on the national part).
 */
export function matchesDeskSearch(order: ClickCollectOrder, typed: string): boolean {
  const query = foldText(typed);
  if (query.length < 2) return false;
  const compact = query.replace(/\s/g, '');
  if (foldText(order.webOrderId).replace(/\s/g, '') === compact) return true;
  if (order.webOrderId.toLowerCase().includes(compact) && compact.length >= 4) return true;
  if (order.pickupCode.toLowerCase() === compact) return true;
  const email = order.customer.email?.toLowerCase();
  if (email && query.includes('@') && email === compact) return true;
  if (email && !query.includes(' ') && compact.length >= 3 && email.startsWith(compact)) return true;
  const digits = phoneKey(query);
  if (order.customer.phone && digits.length >= 6 && /^[\d\s+.()-]+$/.test(query)) {
    if (phoneKey(order.customer.phone).endsWith(digits)) return true;
  }
  const name = foldText(order.customer.name);
  return query.split(' ').every((word) => word.length > 0 && name.includes(word));
}
