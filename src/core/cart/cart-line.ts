import { z } from 'zod';
import { productCategorySchema, productIdSchema, productNameSchema } from '../catalog/product';
import { uuidV7Schema } from '../ids';
import { type Money, multiplyMoney, multiplyRatio } from '../money';
import { vatRateBpsSchema } from '../tax';
import { textSchema } from '../values/text';
import { discountSchema, managerApprovalSchema } from './discount';
import {
  type Immutable,
  moneyRecordSchema,
  nonNegativeMoneyRecordSchema,
  reasonCodeSchema,
  reasonNoteSchema,
  reasonSchema,
  staffIdSchema,
  timestampSchema,
} from './record-values';

// One line of a basket. A line is never deleted once added: voiding marks it
// (who, when, why) so the journal keeps a trace of every scanned item, and the
// pricing simply leaves voided lines out.

/** Upper bounds keep every product of a price and a quantity a safe integer. */
export const MAX_LINE_QUANTITY = 9_999;
export const MAX_LINE_GRAMS = 1_000_000;

export const lineMeasureSchema = z.discriminatedUnion('kind', [
  /** Sold by the piece: unitPrice is the price of one piece. */
  z.strictObject({ kind: z.literal('pieces'), quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY) }),
  /** Weighed at the till or read from a weight label: unitPrice is the price per kg. */
  z.strictObject({ kind: z.literal('weight'), grams: z.number().int().min(1).max(MAX_LINE_GRAMS) }),
  /** Price read from a price label: unitPrice is that label price, for one item. */
  z.strictObject({ kind: z.literal('embedded-price') }),
]);
export type LineMeasure = Immutable<z.infer<typeof lineMeasureSchema>>;

export const lineVoidSchema = z.strictObject({
  byStaffId: staffIdSchema,
  at: timestampSchema,
  reason: reasonSchema,
});
export type LineVoid = Immutable<z.infer<typeof lineVoidSchema>>;

/**
 * A price changed by hand at the till: `unitPrice` is the new price, this
 * keeps the price it replaced (catalog or label), who changed it, why, and
 * the approval when the policy asked for one.
 */
export const priceOverrideSchema = z.strictObject({
  originalUnitPrice: nonNegativeMoneyRecordSchema,
  reasonCode: reasonCodeSchema,
  /** The cashier's own words, when the reason list does not say it all. */
  note: reasonNoteSchema.optional(),
  byStaffId: staffIdSchema,
  approval: managerApprovalSchema.nullable(),
});
export type PriceOverride = Immutable<z.infer<typeof priceOverrideSchema>>;

export const cartLineSchema = z.strictObject({
  /** UUIDv7 minted by the caller, so the core stays free of clocks and randomness. */
  lineId: uuidV7Schema,
  productId: productIdSchema,
  name: productNameSchema,
  /** The product's catalog barcode. */
  barcode: z.string().regex(/^\d{8,14}$/),
  /**
   * The code actually scanned when it differs (weight or price label), for
   * audits; else null. Kept verbatim: a GS1 scan carries GS separators.
   */
  scannedCode: textSchema('verbatim', { min: 1, max: 100 }).nullable(),
  category: productCategorySchema,
  vatRateBps: vatRateBpsSchema,
  /** VAT-inclusive price per piece, per kg, or the label price; see `measure`. */
  unitPrice: nonNegativeMoneyRecordSchema,
  measure: lineMeasureSchema,
  /** unitPrice × measure before any promotion or discount, rounded half-up to the minor unit. */
  gross: moneyRecordSchema,
  discount: discountSchema.nullable(),
  voided: lineVoidSchema.nullable(),
  /** Absent when the line sells at its catalog or label price (records before overrides never have it). */
  priceOverride: priceOverrideSchema.optional(),
});
export type CartLine = Immutable<z.infer<typeof cartLineSchema>>;

/** The amount of a line before discounts: pieces × price, grams × price per kg (half-up), or the label price. */
export function grossOfMeasure(unitPrice: Money, measure: LineMeasure): Money {
  switch (measure.kind) {
    case 'pieces':
      return multiplyMoney(unitPrice, measure.quantity);
    case 'weight':
      return multiplyRatio(unitPrice, measure.grams, 1000, 'half-up');
    case 'embedded-price':
      return unitPrice;
  }
}

/** How many countable units the line holds: pieces count one by one, a weighed or labelled item is one. */
export function unitsOf(measure: LineMeasure): number {
  return measure.kind === 'pieces' ? measure.quantity : 1;
}

export function isActive(line: CartLine): boolean {
  return line.voided === null;
}
