import { allocateMoney } from '../../../src/core/money';
import type { VatTable } from '../../../src/core/sale/vat-table';

// VAT per line for the line tables. The receipt computes VAT once per rate
// (docs/tax-rounding.md), so VAT worked out line by line would not add up to
// it. Each rate's VAT is split over that rate's lines in proportion to what
// they cost instead: the lines of a rate add up to the receipt's figure to
// the cent.

export interface VatShareLine {
  readonly vatRateBps: number;
  /** What the line cost (net paid, or refunded); zero for a voided line. */
  readonly amountMinor: number;
}

export function vatPerLine(lines: readonly VatShareLine[], vat: VatTable): number[] {
  const shares = lines.map(() => 0);
  for (const rate of vat.rates) {
    const indices = lines.flatMap((line, index) => (line.vatRateBps === rate.rateBps ? [index] : []));
    const weights = indices.map((index) => lines[index]?.amountMinor ?? 0);
    // Lines that cost nothing carry no VAT, and allocateMoney needs one non-zero weight.
    if (weights.every((weight) => weight === 0)) continue;
    allocateMoney(rate.vat, weights).forEach((share, position) => {
      const index = indices[position];
      if (index !== undefined) shares[index] = share.minor;
    });
  }
  return shares;
}
