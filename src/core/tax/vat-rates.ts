import { z } from 'zod';
import { scaledIntegerToDecimal } from '../money/decimal-string';

// VAT rates are basis points (2000 = 20 %) so that no float ever carries a rate.
export const vatRateBpsSchema = z.number().int().min(0).max(10_000);
export type VatRateBps = z.infer<typeof vatRateBpsSchema>;

export const vatRateInfoSchema = z
  .object({
    rateBps: vatRateBpsSchema,
    /** Stable key for code and exports. */
    kind: z.enum(['normal', 'intermediate', 'reduced', 'super-reduced']),
    /** Wording used on French receipts and in the back office. */
    label: z.string().min(1),
  })
  .readonly();
export type VatRateInfo = z.infer<typeof vatRateInfoSchema>;

/** Metropolitan France (CGI art. 278 ff.); Corsica and the overseas departments have other rates. */
export const FRENCH_VAT_RATES = [
  { rateBps: 2000, kind: 'normal', label: 'Taux normal' },
  { rateBps: 1000, kind: 'intermediate', label: 'Taux intermédiaire' },
  { rateBps: 550, kind: 'reduced', label: 'Taux réduit' },
  { rateBps: 210, kind: 'super-reduced', label: 'Taux particulier' },
] as const satisfies readonly VatRateInfo[];

export function frenchVatRate(rateBps: number): VatRateInfo | undefined {
  return FRENCH_VAT_RATES.find((rate) => rate.rateBps === rateBps);
}

const percentFormatters = new Map<string, Intl.NumberFormat>();

/** "20 %" / "5,5 %" in fr-FR (U+00A0 before %), "5.5%" in en-GB; exact, no float division. */
export function formatVatRate(rateBps: number, locale: string): string {
  if (!vatRateBpsSchema.safeParse(rateBps).success) throw new RangeError(`not a VAT rate: ${rateBps}`);
  let formatter = percentFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    percentFormatters.set(locale, formatter);
  }
  // 550 bps = 0.0550 as a fraction; the percent style multiplies by 100 itself.
  return formatter.format(scaledIntegerToDecimal(rateBps, 4));
}
