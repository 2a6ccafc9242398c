import { z } from 'zod';
import { productCategorySchema, productIdSchema } from '../catalog/product';
import { textSchema } from '../values/text';
import {
  basisPointsSchema,
  type Immutable,
  opaqueIdSchema,
  positiveMoneyRecordSchema,
} from './record-values';

// Promotions are data: the back office writes them to the settings, the till
// validates them with these schemas and `applyPromotions` interprets them.
// How overlapping promotions are resolved is documented in
// promotion-engine.ts and docs/cart-and-returns.md.

export const promotionTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('products'), productIds: z.array(productIdSchema).min(1) }),
  z.strictObject({ type: z.literal('category'), category: productCategorySchema }),
]);
export type PromotionTarget = Immutable<z.infer<typeof promotionTargetSchema>>;

/** Printed on the receipt next to the discount, and copied into the sale record. */
export const promotionLabelSchema = textSchema('one-line', { min: 1, max: 80 });

const common = {
  id: opaqueIdSchema,
  label: promotionLabelSchema,
  target: promotionTargetSchema,
  /**
   * false (the norm): competes with the other promotions for the units it uses.
   * true: applies on top of whatever else applied.
   */
  stackable: z.boolean(),
};

/** "3 for 2": in every group of `buy` units, the `buy − pay` cheapest are free. */
export const buyNPayMSchema = z
  .strictObject({
    kind: z.literal('buy-n-pay-m'),
    ...common,
    buy: z.number().int().min(2).max(100),
    pay: z.number().int().min(1).max(99),
  })
  .refine((p) => p.pay < p.buy, { message: 'pay must be less than buy', path: ['pay'] });

/** "Second at −50 %": in every group of `nth` units, the cheapest gets `offBps` off. */
export const nthItemOffSchema = z.strictObject({
  kind: z.literal('nth-item-off'),
  ...common,
  nth: z.number().int().min(2).max(100),
  offBps: basisPointsSchema,
});

/** "2 for 5,00 €": every group of `quantity` units costs `price` (when that is cheaper). */
export const quantityPriceSchema = z.strictObject({
  kind: z.literal('quantity-price'),
  ...common,
  quantity: z.number().int().min(2).max(100),
  price: positiveMoneyRecordSchema,
});

/** "−20 % on the category": each targeted line gets `offBps` off, weighed lines included. */
export const percentOffSchema = z.strictObject({
  kind: z.literal('percent-off'),
  ...common,
  offBps: basisPointsSchema,
});

export const promotionSchema = z.discriminatedUnion('kind', [
  buyNPayMSchema,
  nthItemOffSchema,
  quantityPriceSchema,
  percentOffSchema,
]);
export type Promotion = Immutable<z.infer<typeof promotionSchema>>;

/** The promotions in force, as stored in the settings: ids must be unique. */
export const promotionListSchema = z
  .array(promotionSchema)
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, {
    message: 'promotion ids must be unique',
  });

export function targets(target: PromotionTarget, line: { productId: string; category: string }): boolean {
  return target.type === 'products'
    ? target.productIds.includes(line.productId)
    : target.category === line.category;
}
