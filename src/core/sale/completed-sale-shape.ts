import { z } from 'zod';
import { cartLineSchema } from '../cart/cart-line';
import { discountSchema } from '../cart/discount';
import { promotionLabelSchema } from '../cart/promotion';
import {
  type Immutable,
  moneyRecordSchema,
  nonNegativeMoneyRecordSchema,
  opaqueIdSchema,
  positiveMoneyRecordSchema,
  staffIdSchema,
  storeCodeSchema,
  tillCodeSchema,
  timestampSchema,
} from '../cart/record-values';
import { uuidV7Schema } from '../ids';
import { currencyCodeSchema } from '../money';
import { saleLinksShape } from './sale-links';
import { tenderSchema } from './tender';
import { vatTableSchema } from './vat-table';

// The shape of a completed sale record: strict objects, no transforms or
// defaults (the parsed value is the hashed value). completed-sale.ts adds the
// checks that its figures agree.

export const appliedPromotionSchema = z.strictObject({
  promotionId: opaqueIdSchema,
  label: promotionLabelSchema,
  amount: positiveMoneyRecordSchema,
});
export type AppliedPromotion = Immutable<z.infer<typeof appliedPromotionSchema>>;

export const saleLineSchema = z.strictObject({
  ...cartLineSchema.shape,
  /** Promotions on this line, in the order they were applied; empty for a voided line. */
  promotions: z.array(appliedPromotionSchema),
  promotionDiscount: nonNegativeMoneyRecordSchema,
  /** What the line's own discount (`discount`) took off. */
  lineDiscount: nonNegativeMoneyRecordSchema,
  basketDiscountShare: nonNegativeMoneyRecordSchema,
  /** What the customer paid for the line; zero for a voided line. */
  net: nonNegativeMoneyRecordSchema,
});
export type SaleLine = Immutable<z.infer<typeof saleLineSchema>>;

export const saleTotalsSchema = z.strictObject({
  gross: nonNegativeMoneyRecordSchema,
  promotionDiscount: nonNegativeMoneyRecordSchema,
  lineDiscount: nonNegativeMoneyRecordSchema,
  basketDiscount: nonNegativeMoneyRecordSchema,
  totalDiscount: nonNegativeMoneyRecordSchema,
  total: nonNegativeMoneyRecordSchema,
});
export type SaleTotals = Immutable<z.infer<typeof saleTotalsSchema>>;

export const completedSaleShapeSchema = z.strictObject({
  saleId: uuidV7Schema,
  storeCode: storeCodeSchema,
  tillCode: tillCodeSchema,
  staffId: staffIdSchema,
  startedAt: timestampSchema,
  completedAt: timestampSchema,
  currency: currencyCodeSchema,
  /** Every line rung up, voided ones included, in order. */
  lines: z.array(saleLineSchema).min(1),
  basketDiscount: z
    .strictObject({ discount: discountSchema, amount: nonNegativeMoneyRecordSchema })
    .nullable(),
  /** Total per promotion over all lines, by promotion id, for the receipt summary. */
  promotions: z.array(appliedPromotionSchema),
  totals: saleTotalsSchema,
  vat: vatTableSchema,
  tenders: z.array(tenderSchema),
  change: nonNegativeMoneyRecordSchema,
  cashRounding: moneyRecordSchema,
  /** Optional links: a kiosk order paid, gift vouchers issued (sale-links.ts). */
  ...saleLinksShape,
});
export type CompletedSaleShape = Immutable<z.infer<typeof completedSaleShapeSchema>>;
