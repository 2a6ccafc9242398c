import { z } from 'zod';
import { storeCodeSchema } from '../values/identifiers';
import { productIdSchema } from './product';

// Stock of one product at one location, as seen from one store: the store's
// own shelves, other stores (for "available nearby") and the warehouse (for
// endless-aisle orders). The server owns these; a sale arriving lowers them.

export const stockLocationSchema = z.strictObject({
  kind: z.enum(['this-store', 'other-store', 'warehouse']),
  code: z.string().regex(/^[A-Z0-9-]{2,16}$/),
});

export const stockLevelSchema = z.strictObject({
  /** `${storeCode}:${location.code}:${productId}`: one document per product, location and viewing store. */
  id: z.string().min(5).max(160),
  storeCode: storeCodeSchema,
  productId: productIdSchema,
  location: stockLocationSchema,
  /** Pieces, or grams for products sold by weight. May go below zero when sales outrun deliveries. */
  quantity: z.number().int().min(-1_000_000_000).max(1_000_000_000),
  updatedAt: z.iso.datetime(),
});
export type StockLevel = z.infer<typeof stockLevelSchema>;

export function stockLevelId(storeCode: string, locationCode: string, productId: string): string {
  return `${storeCode}:${locationCode}:${productId}`;
}
