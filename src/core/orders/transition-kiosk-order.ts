import { z } from 'zod';
import { ownProperty } from '../own-property';
import { err, ok, type Result } from '../result';
import {
  type KioskOrder,
  type KioskPaymentMethod,
  kioskPaymentProofSchema,
  proofTypeFor,
} from './kiosk-order';
import {
  KIOSK_EVENT_FULFILMENT,
  type KioskOrderEventType,
  type KioskOrderStatus,
  nextKioskOrderStatus,
} from './kiosk-order-status';
import { instantSchema } from './order-values';

// Moves a kiosk order along KIOSK_ORDER_TRANSITIONS. Events carry the time
// (the core has no clock) and, for `pay`, the proof of payment.

const at = { at: instantSchema };

export const kioskOrderEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('submit'), ...at }),
  z.strictObject({ type: z.literal('pay'), ...at, payment: kioskPaymentProofSchema }),
  z.strictObject({ type: z.literal('send-to-fulfilment'), ...at }),
  z.strictObject({ type: z.literal('ship'), ...at }),
  z.strictObject({ type: z.literal('mark-ready'), ...at }),
  z.strictObject({ type: z.literal('complete'), ...at }),
  z.strictObject({ type: z.literal('cancel'), ...at }),
]);
export type KioskOrderEvent = z.infer<typeof kioskOrderEventSchema>;

export type KioskTransitionError =
  | {
      readonly code: 'illegal-transition';
      readonly from: KioskOrderStatus;
      readonly event: KioskOrderEventType;
    }
  | {
      /** Shipping a pickup order, or marking a delivery ready for pickup. */
      readonly code: 'wrong-fulfilment';
      readonly event: KioskOrderEventType;
      readonly fulfilment: KioskOrder['fulfilment']['type'];
    }
  | {
      /** Paid at a till although the customer chose the kiosk terminal, or the reverse. */
      readonly code: 'wrong-payment-method';
      readonly paymentMethod: KioskPaymentMethod;
      readonly proof: string;
    }
  | { readonly code: 'invalid-event'; readonly message: string };

export function transitionKioskOrder(
  order: KioskOrder,
  event: KioskOrderEvent,
): Result<KioskOrder, KioskTransitionError> {
  const parsed = kioskOrderEventSchema.safeParse(event);
  if (!parsed.success) {
    return err({ code: 'invalid-event', message: parsed.error.issues.map((i) => i.message).join('; ') });
  }
  const next = nextKioskOrderStatus(order.status, event.type);
  if (next === undefined) return err({ code: 'illegal-transition', from: order.status, event: event.type });

  const needed = ownProperty<string>(KIOSK_EVENT_FULFILMENT, event.type);
  if (needed !== undefined && needed !== order.fulfilment.type) {
    return err({ code: 'wrong-fulfilment', event: event.type, fulfilment: order.fulfilment.type });
  }

  if (event.type === 'pay') {
    if (event.payment.type !== proofTypeFor(order.paymentMethod)) {
      return err({
        code: 'wrong-payment-method',
        paymentMethod: order.paymentMethod,
        proof: event.payment.type,
      });
    }
    return ok({ ...order, status: next, payment: event.payment, updatedAt: event.at });
  }
  return ok({ ...order, status: next, updatedAt: event.at });
}
