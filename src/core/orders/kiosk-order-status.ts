import { z } from 'zod';
import { ownProperty } from '../own-property';

// Life of an "endless aisle" order placed at the in-store kiosk:
//
//   draft -> submitted -> paid -> sent-to-fulfilment -> shipped ----------> completed
//                                                    \-> ready-for-pickup -> completed
//   and cancel from any state before the goods leave (not from shipped,
//   not from the final states).
//
// The table below is the machine: the transition function, the docs and the
// tests all read it, so what is allowed is written down exactly once.

export const KIOSK_ORDER_STATUSES = [
  'draft',
  'submitted',
  'paid',
  'sent-to-fulfilment',
  'shipped',
  'ready-for-pickup',
  'completed',
  'cancelled',
] as const;
export const kioskOrderStatusSchema = z.enum(KIOSK_ORDER_STATUSES);
export type KioskOrderStatus = z.infer<typeof kioskOrderStatusSchema>;

export const KIOSK_ORDER_EVENT_TYPES = [
  'submit',
  'pay',
  'send-to-fulfilment',
  'ship',
  'mark-ready',
  'complete',
  'cancel',
] as const;
export type KioskOrderEventType = (typeof KIOSK_ORDER_EVENT_TYPES)[number];

export const KIOSK_ORDER_TRANSITIONS = {
  draft: { submit: 'submitted', cancel: 'cancelled' },
  submitted: { pay: 'paid', cancel: 'cancelled' },
  // Cancelling a paid order means refunding it; that is the caller's job.
  paid: { 'send-to-fulfilment': 'sent-to-fulfilment', cancel: 'cancelled' },
  'sent-to-fulfilment': { ship: 'shipped', 'mark-ready': 'ready-for-pickup', cancel: 'cancelled' },
  // A parcel on its way can only come back through a return, not a cancel.
  shipped: { complete: 'completed' },
  // Never collected: the store cancels and puts the goods back on the shelf.
  'ready-for-pickup': { complete: 'completed', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
} as const satisfies Record<KioskOrderStatus, Partial<Record<KioskOrderEventType, KioskOrderStatus>>>;

/** Events that only make sense for one way of fulfilling the order. */
export const KIOSK_EVENT_FULFILMENT = {
  ship: 'home-delivery',
  'mark-ready': 'store-pickup',
} as const satisfies Partial<Record<KioskOrderEventType, 'home-delivery' | 'store-pickup'>>;

/**
 * Where `event` leads from `status`, or undefined when the table has no such
 * move. Read through `ownProperty`: the status comes from replicated data and
 * the event from the UI, and an unknown name must find no move.
 */
export function nextKioskOrderStatus(
  status: KioskOrderStatus,
  event: KioskOrderEventType,
): KioskOrderStatus | undefined {
  const moves: Readonly<Record<string, KioskOrderStatus>> =
    ownProperty(KIOSK_ORDER_TRANSITIONS, status) ?? {};
  return ownProperty(moves, event);
}
