import { z } from 'zod';
import { currencyCodeSchema } from '../money/currency';
import { textSchema } from '../values/text';
import { categoryIconSchema } from './categories';

// A product as the server owns it and every till replicates it.
// Prices include VAT (EU retail) and are integer minor units; the VAT rate is
// in basis points (2000 = 20 %, 550 = 5.5 %) so no float ever touches money.
// Id, name and category are copied into sale lines, which are hashed into the
// journal, so they are checked as text here (no lone surrogate, no control
// character) rather than discovered unhashable when a sale completes.

export const FRENCH_VAT_RATES_BPS = [2000, 1000, 550, 210] as const;

export const productIdSchema = textSchema('one-line', { min: 1, max: 64 });

/** Names come from supplier feeds and may carry a line break ("Pack\nde 6"); receipts fold it. */
export const productNameSchema = textSchema('multi-line', { min: 1, max: 200 });

export const productCategorySchema = textSchema('one-line', { min: 1, max: 80 });

export const productSchema = z.object({
  id: productIdSchema,
  /** EAN-13 / EAN-8 / UPC-A as printed on the pack; the primary scan key. */
  barcode: z.string().regex(/^\d{8,14}$/),
  name: productNameSchema,
  /** Lower-cased, accent-free words of the name, for indexed prefix search. */
  searchName: textSchema('one-line', { min: 1, max: 200 }),
  category: productCategorySchema,
  /** Key of the icon that stands for the category on the kiosk ("bakery"; categories.ts). Absent: a generic icon. */
  categoryIcon: categoryIconSchema.optional(),
  /** Price including VAT, in minor units of `currency`. */
  priceMinor: z.number().int().min(0).max(100_000_000),
  currency: currencyCodeSchema,
  vatRateBps: z.number().int().min(0).max(10_000),
  /** How the product is sold: by the piece, or by weight (price per kg). */
  unit: z.enum(['piece', 'kg']),
  active: z.boolean(),
  /**
   * Durable goods covered by the legal guarantee of conformity (two years):
   * their receipt line carries the mention, and that receipt prints even when
   * the customer asked for none (docs/receipts.md). Absent means not flagged.
   */
  legalGuarantee: z.boolean().optional(),
});

export type Product = z.infer<typeof productSchema>;

/** Lower-cased, accent-free form used for the search index. */
export function toSearchName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
