import { type PrinterCharset, toPrintableText } from './printable-text';
import type { ReceiptBlock, ReceiptDocument, VatCells } from './receipt-document';
import { alignText, breakAtWidth, fitColumns, wrapText } from './text-layout';
import { layoutVatTable } from './vat-table-layout';

// The reference renderer: a receipt as fixed-width text (32, 42 or 48
// columns on the usual 58 mm and 80 mm printers). Tests, the pole display,
// the till simulator and screen previews use it; the ESC/POS driver uses the
// same layout functions, so what fits here fits on paper. Bold and height are
// not shown; double-width text is wrapped at half the width, as on paper.
// Logos and cuts draw nothing; a barcode shows its content, centred.

export interface PlainTextOptions {
  /** Replace what this code page cannot print before laying out (… → ... changes widths). */
  readonly charset?: PrinterCharset;
}

export const MIN_PLAIN_TEXT_WIDTH = 16;
export const MAX_PLAIN_TEXT_WIDTH = 80;

const printableCells = (cells: VatCells, printable: (s: string) => string): VatCells => ({
  rateLabel: printable(cells.rateLabel),
  net: printable(cells.net),
  vat: printable(cells.vat),
  gross: printable(cells.gross),
});

function blockLines(block: ReceiptBlock, width: number, printable: (s: string) => string): string[] {
  switch (block.type) {
    case 'text': {
      const cells = block.size === 'double' ? Math.floor(width / 2) : width;
      return wrapText(printable(block.text), cells).map((line) => alignText(line, width, block.align));
    }
    case 'columns':
      return fitColumns(printable(block.left), printable(block.right), width, block.indent);
    case 'rule':
      return ['-'.repeat(width)];
    case 'vat-table':
      return layoutVatTable(
        {
          ...block,
          headings: printableCells(block.headings, printable),
          rows: block.rows.map((row) => printableCells(row, printable)),
          total: printableCells(block.total, printable),
        },
        width,
      );
    case 'barcode':
      return wrapText(block.data, width).map((line) => alignText(line, width, 'center'));
    case 'preformatted':
      return breakAtWidth(printable(block.text), width);
    case 'feed':
      return Array.from({ length: block.lines }, () => '');
    case 'logo':
    case 'cut':
      return [];
  }
}

/**
 * The receipt as lines of at most `widthChars` characters, joined with "\n".
 * Trailing spaces are trimmed, and no-break spaces (kept through layout so an
 * amount never splits) come out as plain spaces.
 */
export function receiptToPlainText(
  document: ReceiptDocument,
  widthChars: number,
  options: PlainTextOptions = {},
): string {
  if (
    !Number.isInteger(widthChars) ||
    widthChars < MIN_PLAIN_TEXT_WIDTH ||
    widthChars > MAX_PLAIN_TEXT_WIDTH
  ) {
    throw new RangeError(`receipt width must be ${MIN_PLAIN_TEXT_WIDTH}-${MAX_PLAIN_TEXT_WIDTH} characters`);
  }
  const { charset } = options;
  const printable = (s: string): string => (charset === undefined ? s : toPrintableText(s, charset));
  return document.blocks
    .flatMap((block) => blockLines(block, widthChars, printable))
    .map((line) => line.replace(/[\u00A0\u202F]/g, ' ').trimEnd())
    .join('\n');
}
