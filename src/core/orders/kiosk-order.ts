import { z } from 'zod';
import { uuidV7Schema } from '../ids/uuid-v7';
import { currencyCodeSchema } from '../money/currency';
import { contactSchema } from './contact';
import { type KioskOrderStatus, kioskOrderStatusSchema } from './kiosk-order-status';
import { checkOrderLines, orderLineSchema, unitPriceSchema } from './order-line';
import { instantSchema, kioskIdSchema, opaqueIdSchema, storeCodeSchema } from './order-values';
import { postalAddressSchema } from './postal-address';

// An "endless aisle" order: the customer orders at the kiosk what is not on
// the shelf, for home delivery or pickup in a store. The order id is also what
// the kiosk prints as POS1:K:<uuid> when the customer pays at the till.

export const kioskFulfilmentSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('home-delivery'), address: postalAddressSchema }),
  z.strictObject({ type: z.literal('store-pickup'), storeCode: storeCodeSchema }),
]);
export type KioskFulfilment = z.infer<typeof kioskFulfilmentSchema>;

/** Chosen when the order is placed: pay on the kiosk's card terminal, or at a till. */
export const kioskPaymentMethodSchema = z.enum(['at-kiosk', 'at-till']);
export type KioskPaymentMethod = z.infer<typeof kioskPaymentMethodSchema>;

/**
 * The payment terminal's transaction reference. Refuses a bare 13-19 digit
 * string: that looks like a card number, which must never be stored (PCI DSS).
 */
export const cardReferenceSchema = opaqueIdSchema.refine((ref) => !/^\d{13,19}$/.test(ref), {
  message: 'card reference: looks like a card number (PAN), which must never be stored',
});

/** Proof of payment, carried by the `pay` event and kept on the order. */
export const kioskPaymentProofSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('kiosk-card'), cardReference: cardReferenceSchema }),
  /** The till scanned the kiosk order code and completed this sale for it. */
  z.strictObject({ type: z.literal('till-sale'), saleId: uuidV7Schema }),
]);
export type KioskPaymentProof = z.infer<typeof kioskPaymentProofSchema>;

const PROOF_FOR_METHOD = {
  'at-kiosk': 'kiosk-card',
  'at-till': 'till-sale',
} as const satisfies Record<KioskPaymentMethod, KioskPaymentProof['type']>;

export function proofTypeFor(method: KioskPaymentMethod): KioskPaymentProof['type'] {
  return PROOF_FOR_METHOD[method];
}

const UNPAID_STATUSES: readonly KioskOrderStatus[] = ['draft', 'submitted'];

export const kioskOrderSchema = z
  .strictObject({
    kind: z.literal('kiosk'),
    id: uuidV7Schema,
    /** The store whose kiosk took the order. */
    storeCode: storeCodeSchema,
    kioskId: kioskIdSchema,
    createdAt: instantSchema,
    /** When the status last changed (or createdAt). */
    updatedAt: instantSchema,
    currency: currencyCodeSchema,
    lines: z.array(orderLineSchema).readonly(),
    contact: contactSchema,
    fulfilment: kioskFulfilmentSchema,
    /**
     * Home delivery's fee, VAT included, from the store's rules when the
     * order was placed (0: delivered free). Absent on pickups, and on orders
     * journaled before fees existed: the order then costs its lines.
     */
    deliveryFee: unitPriceSchema.optional(),
    /** When the customer agreed to receive messages about this order (the kiosk asks before it is placed). */
    messagesConsentAt: instantSchema.optional(),
    paymentMethod: kioskPaymentMethodSchema,
    payment: kioskPaymentProofSchema.nullable(),
    status: kioskOrderStatusSchema,
  })
  .superRefine((order, ctx) => {
    checkOrderLines(order, ctx);
    // A cancelled order may or may not have been paid (then it needs a refund).
    const mustBePaid = order.status !== 'cancelled' && !UNPAID_STATUSES.includes(order.status);
    const mustBeUnpaid = UNPAID_STATUSES.includes(order.status);
    if (mustBePaid && order.payment === null) {
      ctx.addIssue({ code: 'custom', path: ['payment'], message: `payment: required once ${order.status}` });
    }
    if (mustBeUnpaid && order.payment !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['payment'],
        message: `payment: not allowed while ${order.status}`,
      });
    }
    if (order.payment !== null && order.payment.type !== proofTypeFor(order.paymentMethod)) {
      ctx.addIssue({
        code: 'custom',
        path: ['payment'],
        message: 'payment: does not match the payment method',
      });
    }
    if (order.deliveryFee !== undefined && order.fulfilment.type !== 'home-delivery') {
      ctx.addIssue({
        code: 'custom',
        path: ['deliveryFee'],
        message: 'deliveryFee: only a delivery has one',
      });
    }
    if (order.deliveryFee !== undefined && order.deliveryFee.currency !== order.currency) {
      ctx.addIssue({
        code: 'custom',
        path: ['deliveryFee'],
        message: 'deliveryFee: not in the order currency',
      });
    }
    if (order.status === 'shipped' && order.fulfilment.type !== 'home-delivery') {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'status: only a delivery can be shipped' });
    }
    if (order.status === 'ready-for-pickup' && order.fulfilment.type !== 'store-pickup') {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'status: only a pickup can be ready for pickup',
      });
    }
  });
export type KioskOrder = z.infer<typeof kioskOrderSchema>;
