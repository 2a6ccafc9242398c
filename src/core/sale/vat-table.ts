import { z } from 'zod';
import { type Immutable, moneyRecordSchema } from '../cart/record-values';
import { currencyCodeSchema, type Money } from '../money';
import { type VatBreakdown, vatRateBpsSchema } from '../tax';

// The VAT table as journaled with a sale or a return: the shape of the tax
// module's VatBreakdown, as strict objects so the record hashes as stored.

const splitSchema = z.strictObject({
  gross: moneyRecordSchema,
  net: moneyRecordSchema,
  vat: moneyRecordSchema,
});

export const vatTableSchema = z.strictObject({
  currency: currencyCodeSchema,
  rates: z.array(z.strictObject({ rateBps: vatRateBpsSchema, ...splitSchema.shape })),
  total: splitSchema,
});
export type VatTable = Immutable<z.infer<typeof vatTableSchema>>;

/** A plain copy of a breakdown (the tax module returns frozen zod-shaped values). */
export function toVatTable(breakdown: VatBreakdown): VatTable {
  const copy = (m: Money): Money => ({ minor: m.minor, currency: m.currency });
  const split = (s: { gross: Money; net: Money; vat: Money }) => ({
    gross: copy(s.gross),
    net: copy(s.net),
    vat: copy(s.vat),
  });
  return {
    currency: breakdown.currency,
    rates: breakdown.rates.map((r) => ({ rateBps: r.rateBps, ...split(r) })),
    total: split(breakdown.total),
  };
}

/** True when two VAT tables hold the same figures in the same order. */
export function sameVatTable(a: VatTable, b: VatTable): boolean {
  const same = (x: Money, y: Money): boolean => x.minor === y.minor && x.currency === y.currency;
  const sameSplit = (x: VatTable['total'], y: VatTable['total']): boolean =>
    same(x.gross, y.gross) && same(x.net, y.net) && same(x.vat, y.vat);
  return (
    a.currency === b.currency &&
    a.rates.length === b.rates.length &&
    a.rates.every((r, i) => {
      const other = b.rates[i];
      return other !== undefined && other.rateBps === r.rateBps && sameSplit(r, other);
    }) &&
    sameSplit(a.total, b.total)
  );
}
