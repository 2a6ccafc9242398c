import { z } from 'zod';

// A product as the server owns it and every till replicates it.
// Prices include VAT (EU retail) and are integer minor units; the VAT rate is
// in basis points (2000 = 20 %, 550 = 5.5 %) so no float ever touches money.

export const FRENCH_VAT_RATES_BPS = [2000, 1000, 550, 210] as const;

export const productIdSchema = z.string().min(1).max(64);

export const productSchema = z.object({
  id: productIdSchema,
  /** EAN-13 / EAN-8 / UPC-A as printed on the pack; the primary scan key. */
  barcode: z.string().regex(/^\d{8,14}$/),
  name: z.string().min(1).max(200),
  /** Lower-cased, accent-free words of the name, for indexed prefix search. */
  searchName: z.string().min(1).max(200),
  category: z.string().min(1).max(80),
  /** Price including VAT, in minor units of `currency`. */
  priceMinor: z.number().int().min(0).max(100_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/),
  vatRateBps: z.number().int().min(0).max(10_000),
  /** How the product is sold: by the piece, or by weight (price per kg). */
  unit: z.enum(['piece', 'kg']),
  active: z.boolean(),
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
