import { z } from 'zod';
import { type CurrencyCode, currencyCodeSchema } from '../money/currency';
import { addMoney, type Money, money, moneySchema, sumMoney, zeroMoney } from '../money/money';
import { splitGross, vatSplitSchema } from './line-vat';
import { type VatRateBps, vatRateBpsSchema } from './vat-rates';

// The VAT summary printed on a receipt and kept in the journal.
// Rule (docs/tax-rounding.md): sum the VAT-inclusive gross per rate, then
// extract VAT once per rate, rounding half away from zero. Per rate,
// net + vat = gross exactly, and the per-rate gross adds up to the basket
// total exactly, because only the VAT is ever rounded.

export const vatLineSchema = z.object({
  /** VAT-inclusive line amount in minor units; negative for returns and discounts. */
  grossMinor: z.number().int(),
  vatRateBps: vatRateBpsSchema,
});
export type VatLine = z.infer<typeof vatLineSchema>;

export const vatRateTotalSchema = z
  .object({
    rateBps: vatRateBpsSchema,
    gross: moneySchema,
    net: moneySchema,
    vat: moneySchema,
  })
  .readonly();
export type VatRateTotal = z.infer<typeof vatRateTotalSchema>;

export const vatBreakdownSchema = z
  .object({
    currency: currencyCodeSchema,
    /** One entry per rate present in the lines, highest rate first. */
    rates: z.array(vatRateTotalSchema).readonly(),
    total: vatSplitSchema,
  })
  .readonly();
export type VatBreakdown = z.infer<typeof vatBreakdownSchema>;

/**
 * VAT per rate for a basket of VAT-inclusive lines. A rate whose lines cancel
 * out (a sale and its return) still gets a row, with zeros, so the receipt
 * shows every rate that appeared. Non-integer amounts or rates are programmer
 * bugs (RangeError); validate boundary data with `vatLineSchema` first.
 */
export function vatBreakdown(lines: readonly VatLine[], currency: CurrencyCode): VatBreakdown {
  const grossByRate = new Map<VatRateBps, Money>();
  for (const line of lines) {
    if (!vatRateBpsSchema.safeParse(line.vatRateBps).success) {
      throw new RangeError(`not a VAT rate: ${line.vatRateBps}`);
    }
    const previous = grossByRate.get(line.vatRateBps) ?? zeroMoney(currency);
    grossByRate.set(line.vatRateBps, addMoney(previous, money(line.grossMinor, currency)));
  }

  const rates = [...grossByRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBps, gross]) => ({ rateBps, ...splitGross(gross, rateBps) }));

  return {
    currency,
    rates,
    total: {
      gross: sumMoney(
        rates.map((r) => r.gross),
        currency,
      ),
      net: sumMoney(
        rates.map((r) => r.net),
        currency,
      ),
      vat: sumMoney(
        rates.map((r) => r.vat),
        currency,
      ),
    },
  };
}
