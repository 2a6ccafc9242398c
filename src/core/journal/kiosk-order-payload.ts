import type { z } from 'zod';
import { type KioskOrder, kioskOrderSchema } from '../orders/kiosk-order';
import type { KioskOrderStatus } from '../orders/kiosk-order-status';

// The `kiosk-order.placed` payload: an endless-aisle order as the kiosk
// placed it, offline if need be. The journal is the kiosk's only way to hand
// an order to the server (the `orders` collection is server-owned), and the
// entry is immutable: what the server projects into `orders` is exactly what
// the customer confirmed. Later moves (fulfilment, shipping) are the server's.
//
// Only the two states a kiosk can leave an order in: `submitted` (to be paid
// at a till) or `paid` (paid on the kiosk's card terminal). A draft is not an
// order yet; anything further along is not the kiosk's to say.

export const PLACED_KIOSK_ORDER_STATUSES = [
  'submitted',
  'paid',
] as const satisfies readonly KioskOrderStatus[];

const placed: ReadonlySet<KioskOrderStatus> = new Set(PLACED_KIOSK_ORDER_STATUSES);

export const kioskOrderPlacedPayloadSchema = kioskOrderSchema.superRefine((order, ctx) => {
  if (!placed.has(order.status)) {
    ctx.addIssue({
      code: 'custom',
      path: ['status'],
      message: `status: a kiosk places an order as ${PLACED_KIOSK_ORDER_STATUSES.join(' or ')}, not ${order.status}`,
    });
  }
});
export type KioskOrderPlacedPayload = z.infer<typeof kioskOrderPlacedPayloadSchema>;

/**
 * Why an entry's payload does not belong to the till that journaled it, or
 * null: the order must be taken in the kiosk's own store by the kiosk itself
 * (kioskId = the till id the server enrolled). The envelope is checked
 * against the till's token on push; this ties the payload to the envelope.
 */
export function kioskOrderOwnerIssue(
  envelope: { readonly storeCode: string; readonly tillId: string },
  order: Pick<KioskOrder, 'storeCode' | 'kioskId'>,
): 'other-store' | 'other-kiosk' | null {
  if (order.storeCode !== envelope.storeCode) return 'other-store';
  if (order.kioskId !== envelope.tillId) return 'other-kiosk';
  return null;
}
