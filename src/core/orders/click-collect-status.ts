import { z } from 'zod';
import { ownProperty } from '../own-property';

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

// Statuses and events may come from replicated data or the UI, so the table
// is read through `ownProperty`: an unknown name finds no move.
function movesFrom(status: ClickCollectStatus): Readonly<Record<string, ClickCollectStatus>> {
  return ownProperty(CLICK_COLLECT_TRANSITIONS, status) ?? {};
}

/** Statuses no event leaves (an unknown status included: nothing leaves it either). */
export function isFinalClickCollectStatus(status: ClickCollectStatus): boolean {
  return Object.keys(movesFrom(status)).length === 0;
}

export function nextClickCollectStatus(
  status: ClickCollectStatus,
  event: ClickCollectEventType,
): ClickCollectStatus | undefined {
  return ownProperty(movesFrom(status), event);
}
