import type { ReceiptBlockOf, VatCells } from './receipt-document';
import { alignText, fitColumns, textWidth, truncateAtWord } from './text-layout';

// The VAT table in fixed-width text: rate on the left, then net, VAT and
// gross right-aligned, the spare cells spread between the columns.
//   Taux            HT          TVA          TTC
//   20 %         16,12         3,23        19,35
// When a row cannot fit (very large amounts on narrow paper), each rate is
// printed as a small block instead, the amounts in the same order:
//   20 %
//     HT                                 16,12
// so a reader (or a test) finds net, VAT and gross in that order either way.

const AMOUNT_KEYS = ['net', 'vat', 'gross'] as const;

function asTable(cells: readonly VatCells[], width: number): string[] | null {
  const rateWidth = Math.max(...cells.map((c) => textWidth(c.rateLabel)));
  const amountWidths = AMOUNT_KEYS.map((key) => Math.max(...cells.map((c) => textWidth(c[key]))));
  const used = rateWidth + amountWidths.reduce((sum, w) => sum + w, 0);
  const spare = width - used;
  if (spare < AMOUNT_KEYS.length) return null;
  // Each amount column gets its share of the spare cells in front of it; the first takes the remainder.
  const share = Math.floor(spare / AMOUNT_KEYS.length);
  const columnWidths = amountWidths.map((w, i) => w + share + (i === 0 ? spare % AMOUNT_KEYS.length : 0));
  return cells.map((c) =>
    [
      alignText(c.rateLabel, rateWidth, 'left'),
      ...AMOUNT_KEYS.map((key, i) => alignText(c[key], columnWidths[i] ?? 0, 'right')),
    ].join(''),
  );
}

function asBlocks(block: ReceiptBlockOf<'vat-table'>, width: number): string[] {
  return [...block.rows, block.total].flatMap((row) => [
    truncateAtWord(row.rateLabel, width),
    ...AMOUNT_KEYS.flatMap((key) => fitColumns(block.headings[key], row[key], width, 2)),
  ]);
}

/** The lines of a VAT table at `width` cells: heading, one row per rate, total. */
export function layoutVatTable(block: ReceiptBlockOf<'vat-table'>, width: number): string[] {
  return asTable([block.headings, ...block.rows, block.total], width) ?? asBlocks(block, width);
}
