import type { RxCollection, RxJsonSchema } from 'rxdb';
import type { Order } from '../../core/sync/collections';

// Orders are validated in full by the core's zod schema on the server and
// before every local change; the storage schema declares every top-level
// field of both order kinds (RxDB refuses undeclared ones) but types the
// nested parts loosely, and indexes status for the pickup queue.
const ordersSchema = {
  title: 'orders',
  // 1: `payments` of click-and-collect orders (optional).
  // 2: `readyAt` of click-and-collect orders (optional).
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    kind: { type: 'string', maxLength: 20 },
    storeCode: { type: 'string', maxLength: 8 },
    status: { type: 'string', maxLength: 32 },
    currency: { type: 'string', maxLength: 3 },
    lines: { type: 'array' },
    // click-and-collect
    source: { type: 'string' },
    webOrderId: { type: 'string' },
    webUpdatedAt: { type: 'string' },
    webStatus: { type: 'string' },
    customer: { type: 'object' },
    placedAt: { type: 'string' },
    pickupCode: { type: 'string' },
    handovers: { type: 'array' },
    handoverConflict: { type: ['object', 'null'] },
    signedToken: { type: 'string' },
    readyAt: { type: 'string' },
    // kiosk
    kioskId: { type: 'string' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    contact: { type: 'object' },
    fulfilment: { type: 'object' },
    paymentMethod: { type: 'string' },
    payment: { type: ['object', 'null'] },
    payments: { type: 'array' },
  },
  required: ['id', 'kind', 'storeCode', 'status'],
  indexes: ['status'],
} satisfies RxJsonSchema<{ id: string; [field: string]: unknown }>;

/**
 * RxDB's schema type only admits the fields common to every member of a
 * union, while its storage needs every field of both order kinds declared:
 * the one conversion here states that this schema stores `Order`s.
 */
export const ordersCollectionSchema = ordersSchema as unknown as RxJsonSchema<Order>;

export type OrdersCollection = RxCollection<Order>;
