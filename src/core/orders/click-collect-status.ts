import { z } from 'zod';

// Life of a click-and-collect order (ordered on the web shop, collected in
// store):
//
//   received -> picking -> ready-for-pickup -> partially-handed-over -> handed-over
//                                           \------------------------/
//   cancelled: before anything was handed over
//   returned:  not collected in time; what was left goes back to stock
//
// The handover moves are in the table so the machine is complete on paper,
// but only `recordHandover` takes them: a handover needs its record (who,
// what, how identified), not just an event. A customer bringing goods back
// after a handover is a till return, not a status of the order.

export const CLICK_COLLECT_STATUSES = [
  'received',
  'picking',
  'ready-for-pickup',
  'partially-handed-over',
  'handed-over',
  'cancelled',
  'returned',
] as const;
export const clickCollectStatusSchema = z.enum(CLICK_COLLECT_STATUSES);
export type ClickCollectStatus = z.infer<typeof clickCollectStatusSchema>;

export const CLICK_COLLECT_EVENT_TYPES = [
  'start-picking',
  'mark-ready',
  'hand-over-part',
  'hand-over-rest',
  'cancel',
  'return',
] as const;
export type ClickCollectEventType = (typeof CLICK_COLLECT_EVENT_TYPES)[number];
/** Events that `recordHandover` alone may apply. */
export type HandoverEventType = 'hand-over-part' | 'hand-over-rest';

export const CLICK_COLLECT_TRANSITIONS = {
  received: { 'start-picking': 'picking', cancel: 'cancelled' },
  picking: { 'mark-ready': 'ready-for-pickup', cancel: 'cancelled' },
  'ready-for-pickup': {
    'hand-over-part': 'partially-handed-over',
    'hand-over-rest': 'handed-over',
    cancel: 'cancelled',
    return: 'returned',
  },
  'partially-handed-over': {
    'hand-over-part': 'partially-handed-over',
    'hand-over-rest': 'handed-over',
    return: 'returned',
  },
  'handed-over': {},
  cancelled: {},
  returned: {},
} as const satisfies Record<ClickCollectStatus, Partial<Record<ClickCollectEventType, ClickCollectStatus>>>;

/** Statuses no event leaves. */
export function isFinalClickCollectStatus(status: ClickCollectStatus): boolean {
  return Object.keys(CLICK_COLLECT_TRANSITIONS[status]).length === 0;
}

export function nextClickCollectStatus(
  status: ClickCollectStatus,
  event: ClickCollectEventType,
): ClickCollectStatus | undefined {
  const moves: Partial<Record<ClickCollectEventType, ClickCollectStatus>> = CLICK_COLLECT_TRANSITIONS[status];
  return moves[event];
}
