import { z } from 'zod';
import { type Money, moneySchema, subtractMoney } from '../money/money';
import { multiplyRatio } from '../money/ratio';
import { vatRateBpsSchema } from './vat-rates';

// Prices include VAT, so VAT is extracted from the gross:
//   vat = gross × rate / (10 000 + rate), rounded half away from zero
//   net = gross − vat            (so net + vat = gross exactly)
// Half away from zero makes a return the exact mirror of its sale.
// Receipts total VAT per rate, not per line (see docs/tax-rounding.md); use
// this for one line only where a line-level figure is really wanted.

export const vatSplitSchema = z
  .object({
    gross: moneySchema,
    net: moneySchema,
    vat: moneySchema,
  })
  .readonly();
export type VatSplit = z.infer<typeof vatSplitSchema>;

/** VAT contained in a VAT-inclusive amount: 12,00 € at 2000 bps -> 2,00 €. */
export function vatOfGross(gross: Money, rateBps: number): Money {
  if (!vatRateBpsSchema.safeParse(rateBps).success) throw new RangeError(`not a VAT rate: ${rateBps}`);
  return multiplyRatio(gross, rateBps, 10_000 + rateBps, 'half-up');
}

/** A VAT-inclusive amount split into net and VAT, with net + vat = gross exactly. */
export function splitGross(gross: Money, rateBps: number): VatSplit {
  const vat = vatOfGross(gross, rateBps);
  return { gross, net: subtractMoney(gross, vat), vat };
}
