import { z } from 'zod';
import { productSchema } from '../catalog/product';
import { type CurrencyCode, currencyCodeSchema } from '../money/currency';
import { type Money, multiplyMoney, sumMoney } from '../money/money';
import { type VatBreakdown, vatBreakdown } from '../tax/vat-breakdown';
import { vatRateBpsSchema } from '../tax/vat-rates';
import type { OrderIssue } from './order-issues';
import { lineIdSchema } from './order-values';

// One line of a kiosk or click-and-collect order: a snapshot of the product
// as it was sold (name, barcode, VAT-inclusive price, VAT rate), so a later
// catalog change never rewrites what the customer ordered. Orders sell whole
// pieces: weighed goods are not sold ahead of time.

export const MAX_ORDER_LINES = 200;
export const MAX_LINE_QUANTITY = 999;
/** Same ceiling as a catalog price, so a line total stays a safe integer. */
export const MAX_UNIT_PRICE_MINOR = 100_000_000;

/** Money as an order stores it: strict (unknown keys refused, not stripped) and never negative. */
export const unitPriceSchema = z.strictObject({
  minor: z.number().int().min(0).max(MAX_UNIT_PRICE_MINOR),
  currency: currencyCodeSchema,
});

export const orderLineSchema = z.strictObject({
  lineId: lineIdSchema,
  productId: productSchema.shape.id,
  name: productSchema.shape.name,
  barcode: productSchema.shape.barcode,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  /** Price of one piece including VAT. */
  unitPrice: unitPriceSchema,
  vatRateBps: vatRateBpsSchema,
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export interface OrderTotals {
  /** What the customer pays: the sum of the line totals. */
  readonly total: Money;
  /** Per-rate VAT, rounded once per rate (docs/tax-rounding.md). */
  readonly vat: VatBreakdown;
}

export function lineTotal(line: OrderLine): Money {
  return multiplyMoney(line.unitPrice, line.quantity);
}

/** Total and VAT breakdown of an order's lines; all lines must be in `currency` (schemas check it). */
export function orderTotals(lines: readonly OrderLine[], currency: CurrencyCode): OrderTotals {
  const totals = lines.map(lineTotal);
  const vat = vatBreakdown(
    lines.map((line, i) => ({ grossMinor: totals[i]?.minor ?? 0, vatRateBps: line.vatRateBps })),
    currency,
  );
  return { total: sumMoney(totals, currency), vat };
}

/**
 * Order-level rules for a list of lines that each passed `orderLineSchema`:
 * at least one line, not too many, unique line ids (handovers point at them),
 * one currency.
 */
export function orderLinesIssues(lines: readonly OrderLine[], currency: string): OrderIssue[] {
  const issues: OrderIssue[] = [];
  if (lines.length === 0) issues.push({ code: 'empty-order' });
  if (lines.length > MAX_ORDER_LINES) issues.push({ code: 'too-many-lines', max: MAX_ORDER_LINES });
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.lineId)) issues.push({ code: 'duplicate-line-id', lineId: line.lineId });
    seen.add(line.lineId);
    if (line.unitPrice.currency !== currency) {
      issues.push({ code: 'line-currency-mismatch', lineId: line.lineId, currency: line.unitPrice.currency });
    }
  }
  return issues;
}

/** Adds `orderLinesIssues` to a zod refinement context, at `lines`. */
export function checkOrderLines(
  order: { readonly lines: readonly OrderLine[]; readonly currency: string },
  ctx: z.RefinementCtx,
): void {
  for (const issue of orderLinesIssues(order.lines, order.currency)) {
    ctx.addIssue({ code: 'custom', path: ['lines'], message: `order lines: ${issue.code}` });
  }
}
