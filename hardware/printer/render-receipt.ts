import type { ReceiptBlock, ReceiptDocument } from '../../src/core/receipts';
import { fitColumns, layoutVatTable, toPrintableText, wrapText } from '../../src/core/receipts';
import type { VatCells } from '../../src/core/receipts/receipt-document';
import {
  align,
  bold,
  code128,
  cut,
  ean13,
  feedLines,
  hriBelow,
  init,
  lineFeed,
  qrCode,
  selectCodePage,
  textSize,
  WPC1252_CODE_PAGE,
} from './escpos-bytes';
import { encodeWpc1252 } from './wpc1252';

// ReceiptDocument → ESC/POS bytes. Lines are laid out with the same core
// helpers as receiptToPlainText, so what fits on screen fits on paper; text
// blocks are aligned by the printer (ESC a), which keeps double-width text
// centred on paper. Logos draw nothing yet: NV image slots are per printer.

export interface RenderOptions {
  /** Characters per line in the normal font: 42 on 80 mm Font A... 48 with Font B, 32 on 58 mm. */
  readonly widthChars?: number;
  /** The printer's number for WPC1252 (16 on Epson). */
  readonly codePage?: number;
}

const printable = (s: string): string => toPrintableText(s, 'windows-1252');

const printableCells = (cells: VatCells): VatCells => ({
  rateLabel: printable(cells.rateLabel),
  net: printable(cells.net),
  vat: printable(cells.vat),
  gross: printable(cells.gross),
});

const lines = (texts: readonly string[]): Uint8Array[] =>
  texts.flatMap((t) => [encodeWpc1252(t), lineFeed()]);

const SIZES = { normal: [1, 1], 'double-height': [1, 2], double: [2, 2] } as const;

function styled(
  options: { align: 'left' | 'center' | 'right'; bold: boolean; size: keyof typeof SIZES },
  body: Uint8Array[],
): Uint8Array[] {
  const [w, h] = SIZES[options.size];
  // Reset after the block so the next one starts plain, whatever it is.
  return [
    align(options.align),
    bold(options.bold),
    textSize(w, h),
    ...body,
    align('left'),
    bold(false),
    textSize(1, 1),
  ];
}

function blockBytes(block: ReceiptBlock, width: number): Uint8Array[] {
  switch (block.type) {
    case 'text': {
      const cells = block.size === 'double' ? Math.floor(width / 2) : width;
      return styled(block, lines(wrapText(printable(block.text), cells)));
    }
    case 'columns':
      return styled(
        { align: 'left', bold: block.bold, size: block.size },
        lines(fitColumns(printable(block.left), printable(block.right), width, block.indent)),
      );
    case 'rule':
      return lines(['-'.repeat(width)]);
    case 'vat-table':
      return lines(
        layoutVatTable(
          {
            ...block,
            headings: printableCells(block.headings),
            rows: block.rows.map(printableCells),
            total: printableCells(block.total),
          },
          width,
        ),
      );
    case 'barcode':
      // GS k and the QR print command leave the head at the start of a new line: no LF after them.
      return [align('center'), ...barcodeBytes(block.symbology, block.data), align('left')];
    case 'feed':
      return [feedLines(block.lines)];
    case 'logo':
      return [];
    case 'cut':
      return [cut()];
  }
}

function barcodeBytes(symbology: 'qr' | 'ean13' | 'code128', data: string): Uint8Array[] {
  if (symbology === 'qr') return [qrCode(data)];
  return [hriBelow(), symbology === 'ean13' ? ean13(data) : code128(data)];
}

export function renderReceipt(document: ReceiptDocument, options: RenderOptions = {}): Uint8Array {
  const width = options.widthChars ?? 42;
  if (!Number.isInteger(width) || width < 16 || width > 80) throw new RangeError('width: 16-80 characters');
  const last = document.blocks.at(-1);
  const parts = [
    init(),
    selectCodePage(options.codePage ?? WPC1252_CODE_PAGE),
    ...document.blocks.flatMap((block) => blockBytes(block, width)),
    // Always end on a cut, so the next receipt does not start on this one's tail.
    ...(last?.type === 'cut' ? [] : [cut()]),
  ];
  return Buffer.concat(parts);
}
