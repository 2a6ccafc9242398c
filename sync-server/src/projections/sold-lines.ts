import type { Queryable } from '../db/database';
import type { StockUnit } from './projection-tables';
import type { SoldLine } from './stock-quantity';

/** Key of a sold line in the map readSoldLines returns. */
export const soldLineKey = (saleId: string, lineId: string): string => `${saleId}/${lineId}`;

/**
 * The projected lines of the sales that returns point at, so a return knows
 * what one returned unit of a line was (a piece, or so many grams). Sales
 * projected earlier in the same push are found too.
 */
export async function readSoldLines(
  tx: Queryable,
  saleIds: Iterable<string>,
): Promise<ReadonlyMap<string, SoldLine>> {
  const ids = [...new Set(saleIds)];
  if (ids.length === 0) return new Map();
  const result = await tx.query<{
    sale_id: string;
    line_id: string;
    measure: SoldLine['measure'];
    stock_quantity: number;
    stock_unit: StockUnit;
    stock_estimated: boolean;
  }>(
    `SELECT sale_id, line_id, measure, stock_quantity, stock_unit, stock_estimated
     FROM sale_lines WHERE sale_id = ANY($1::text[])`,
    [ids],
  );
  return new Map(
    result.rows.map((row) => [
      soldLineKey(row.sale_id, row.line_id),
      {
        measure: row.measure,
        stockQuantity: row.stock_quantity,
        stockUnit: row.stock_unit,
        stockEstimated: row.stock_estimated,
      },
    ]),
  );
}
