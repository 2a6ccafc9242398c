import { z } from 'zod';
import { webOrderIdSchema } from '../../../src/core/orders/order-values';
import { MAX_PULL_LIMIT } from '../../../src/core/sync/protocol';

// Requests of the web shop API (docs/web-shop.md) other than the order body,
// which is src/core's webOrderImportSchema.

export const webOrderParamsSchema = z.strictObject({ webOrderId: webOrderIdSchema });

/** `after` and `limit` of the exports (kiosk orders, click-and-collect status changes). */
export const exportQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
});
