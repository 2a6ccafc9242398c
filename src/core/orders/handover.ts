import { z } from 'zod';
import { uuidV7Schema } from '../ids/uuid-v7';
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from './order-line';
import { instantSchema, lineIdSchema, staffIdSchema, tillIdSchema, webOrderIdSchema } from './order-values';
import { pickupCodeSchema } from './pickup-code';

// One handover of click-and-collect goods at the pickup desk: who gave what
// to the customer, when, at which till, and how the customer proved who they
// were. Partial handovers are normal (an item missing today, a bulky one from
// the depot later): each is its own record, and the order's status follows
// from all of them together.
//
// `orderHandoverSchema` is also the payload of the journal's 'order.handover'
// entries, so it follows the journal's rules: strict objects, no transforms,
// no defaults, integers only; what is parsed is exactly what is hashed.

export const ID_DOCUMENT_TYPES = [
  'national-id-card',
  'passport',
  'driving-licence',
  'residence-permit',
  'other',
] as const;

/**
 * How the customer was identified. An ID check records the kind of document
 * only, never its number: the store needs to prove it checked, not to keep a
 * copy of the customer's identity (GDPR data minimisation).
 */
export const handoverIdentificationSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('pickup-code-scanned'), pickupCode: pickupCodeSchema }),
  z.strictObject({ method: z.literal('id-checked'), document: z.enum(ID_DOCUMENT_TYPES) }),
  z.strictObject({ method: z.literal('order-number-typed'), webOrderId: webOrderIdSchema }),
]);
export type HandoverIdentification = z.infer<typeof handoverIdentificationSchema>;

/** Why the rest of a partial handover stays at the desk (recorded with the handover that leaves it). */
export const HANDOVER_REMAINDER_REASONS = [
  'missing-in-store',
  'damaged',
  'customer-comes-back',
  'customer-refused',
  'other',
] as const;
export type HandoverRemainderReason = (typeof HANDOVER_REMAINDER_REASONS)[number];

/**
 * The customer's signature on the desk's touch screen, as the strokes drawn:
 * an SVG path of whole-pixel moves and lines (`M x y L x y ...`) in a box of
 * `width` x `height`. Small enough to journal, redrawn exactly on a slip.
 */
export const handoverSignatureSchema = z.strictObject({
  width: z.number().int().min(50).max(4000),
  height: z.number().int().min(20).max(4000),
  path: z
    .string()
    .min(5)
    .max(16_000)
    .regex(/^M\d{1,4} \d{1,4}( [ML]\d{1,4} \d{1,4})*$/, 'signature: SVG path of M and L moves, whole pixels'),
});
export type HandoverSignature = z.infer<typeof handoverSignatureSchema>;

export const handoverLineSchema = z.strictObject({
  lineId: lineIdSchema,
  /** Pieces of that order line handed over now; the rest may follow in later handovers. */
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});
export type HandoverLine = z.infer<typeof handoverLineSchema>;

export const orderHandoverSchema = z.strictObject({
  /** UUIDv7 minted by the till: two tills offline never mint the same one. */
  id: uuidV7Schema,
  orderId: uuidV7Schema,
  staffId: staffIdSchema,
  /** The till's registration id (as in the journal envelope). */
  tillId: tillIdSchema,
  handedOverAt: instantSchema,
  lines: z
    .array(handoverLineSchema)
    .min(1)
    .max(MAX_ORDER_LINES)
    .readonly()
    .refine((lines) => new Set(lines.map((line) => line.lineId)).size === lines.length, {
      message: 'handover lines: each order line at most once',
    }),
  identification: handoverIdentificationSchema,
  /** A partial handover: why the rest stays (absent on full handovers and on older records). */
  remainderReason: z.enum(HANDOVER_REMAINDER_REASONS).optional(),
  /** The customer's signature, taken at the desk (absent on older records). */
  signature: handoverSignatureSchema.optional(),
});
export type OrderHandover = z.infer<typeof orderHandoverSchema>;
