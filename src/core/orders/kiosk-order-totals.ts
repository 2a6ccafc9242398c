import type { CurrencyCode } from '../money/currency';
import { addMoney, type Money, money } from '../money/money';
import { type VatBreakdown, vatBreakdown } from '../tax/vat-breakdown';
import type { VatRateBps } from '../tax/vat-rates';
import { lineTotal, type OrderLine } from './order-line';

// What a kiosk order costs: its goods, and the home-delivery fee when there
// is one. The fee is VAT included and, as a service accessory to the goods,
// bears their VAT: split between the goods' rates in proportion to what the
// goods at each rate cost (French doctrine for shipping costs, BOI-TVA-BASE-10-10-10
// § 200), the cents left by rounding going to the largest shares first, so
// the parts always add up to the fee exactly.

export interface KioskOrderTotals {
  /** The goods, VAT included. */
  readonly goods: Money;
  /** The delivery fee (VAT included); undefined when the order has none. */
  readonly deliveryFee: Money | undefined;
  /** What the customer pays: goods plus fee. */
  readonly total: Money;
  /** VAT per rate over the goods and the fee. */
  readonly vat: VatBreakdown;
}

export interface KioskOrderAmounts {
  readonly lines: readonly OrderLine[];
  readonly currency: CurrencyCode | string;
  readonly deliveryFee?: { readonly minor: number; readonly currency: string } | undefined;
}

/** The fee split between VAT rates in proportion to the goods at each rate (largest remainder). */
export function deliveryFeeByRate(
  lines: readonly OrderLine[],
  feeMinor: number,
): { readonly vatRateBps: VatRateBps; readonly grossMinor: number }[] {
  const goodsByRate = new Map<VatRateBps, number>();
  for (const line of lines)
    goodsByRate.set(line.vatRateBps, (goodsByRate.get(line.vatRateBps) ?? 0) + lineTotal(line).minor);
  const rates = [...goodsByRate.entries()].sort(([a], [b]) => b - a);
  const goods = rates.reduce((sum, [, minor]) => sum + minor, 0);
  if (feeMinor === 0 || rates.length === 0) return [];
  // Free goods (all at 0): the fee follows the highest rate the order has.
  if (goods === 0) return [{ vatRateBps: rates[0]?.[0] as VatRateBps, grossMinor: feeMinor }];
  const shares = rates.map(([vatRateBps, minor]) => {
    const exact = (feeMinor * minor) / goods;
    return { vatRateBps, grossMinor: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = feeMinor - shares.reduce((sum, share) => sum + share.grossMinor, 0);
  for (const share of [...shares].sort((a, b) => b.rest - a.rest || b.vatRateBps - a.vatRateBps)) {
    if (left === 0) break;
    share.grossMinor += 1;
    left -= 1;
  }
  return shares.map(({ vatRateBps, grossMinor }) => ({ vatRateBps, grossMinor }));
}

export function kioskOrderTotals(order: KioskOrderAmounts): KioskOrderTotals {
  const currency = order.currency as CurrencyCode;
  const goodsLines = order.lines.map((line) => ({
    grossMinor: lineTotal(line).minor,
    vatRateBps: line.vatRateBps,
  }));
  const goods = money(
    goodsLines.reduce((sum, line) => sum + line.grossMinor, 0),
    currency,
  );
  const fee = order.deliveryFee ? money(order.deliveryFee.minor, currency) : undefined;
  const feeLines = fee ? deliveryFeeByRate(order.lines, fee.minor) : [];
  return {
    goods,
    deliveryFee: fee,
    total: fee ? addMoney(goods, fee) : goods,
    vat: vatBreakdown([...goodsLines, ...feeLines], currency),
  };
}
