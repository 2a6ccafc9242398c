import { divideRounded } from '../../../src/core/money';
import type { ReturnLine } from '../../../src/core/returns/completed-return';
import type { SaleLine } from '../../../src/core/sale/completed-sale';
import type { StockUnit } from './projection-tables';

// How many units of stock a sale line took off the shelf, or a restocked
// return line put back, in the unit the store counts that product in:
// pieces, or grams for products sold by weight (as the inventory documents
// count them, see src/core/catalog/stock-level.ts).

/** What the catalog says about a product that matters for stock. */
export interface CatalogUnit {
  readonly unit: 'piece' | 'kg';
  /** Price per piece, or per kg for a product sold by weight. */
  readonly priceMinor: number;
}

export interface StockQuantity {
  readonly quantity: number;
  readonly unit: StockUnit;
  /** True when the quantity was worked out from a price rather than counted or weighed. */
  readonly estimated: boolean;
}

/** The sale line's own measure, voided or not: the caller decides whether it moved stock. */
export function stockQuantityOfSaleLine(line: SaleLine, catalog: CatalogUnit | undefined): StockQuantity {
  switch (line.measure.kind) {
    case 'pieces':
      return { quantity: line.measure.quantity, unit: 'piece', estimated: false };
    case 'weight':
      return { quantity: line.measure.grams, unit: 'gram', estimated: false };
    case 'embedded-price':
      // A price label says what the item cost, not what it weighed.
      return fromAmount(line.unitPrice.minor, 1, catalog);
  }
}

/** What a sold line was, as the sale_lines projection kept it. */
export interface SoldLine {
  readonly measure: SaleLine['measure']['kind'];
  readonly stockQuantity: number;
  readonly stockUnit: StockUnit;
  readonly stockEstimated: boolean;
}

/**
 * What a return line gives back to stock if it is restocked. The sold line,
 * when the server has it, says how much one returned unit is: one piece, or
 * the whole weighed or labelled item (those are returned as one unit).
 * Without it (an online order, or a sale still on its way from another till)
 * the catalog is the only guide.
 */
export function stockQuantityOfReturnLine(
  line: ReturnLine,
  sold: SoldLine | undefined,
  catalog: CatalogUnit | undefined,
): StockQuantity {
  if (sold?.measure === 'pieces') return { quantity: line.quantity, unit: 'piece', estimated: false };
  if (sold) {
    return {
      quantity: sold.stockQuantity * line.quantity,
      unit: sold.stockUnit,
      estimated: sold.stockEstimated,
    };
  }
  // The refund is what was paid after discounts, so a weight worked out from it is a floor.
  return fromAmount(line.refund.minor, line.quantity, catalog);
}

function fromAmount(amountMinor: number, pieces: number, catalog: CatalogUnit | undefined): StockQuantity {
  if (catalog?.unit === 'kg') {
    if (catalog.priceMinor <= 0) return { quantity: 0, unit: 'gram', estimated: true };
    return { quantity: gramsFor(amountMinor, catalog.priceMinor), unit: 'gram', estimated: true };
  }
  // A product the catalog does not know is counted in pieces, flagged as a guess.
  return { quantity: pieces, unit: 'piece', estimated: catalog === undefined };
}

/** Grams that cost `amountMinor` at `pricePerKgMinor`, rounded half-up, exactly (BigInt). */
export function gramsFor(amountMinor: number, pricePerKgMinor: number): number {
  return Number(divideRounded(BigInt(amountMinor) * 1000n, BigInt(pricePerKgMinor), 'half-up'));
}
