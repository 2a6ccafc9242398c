import thermal from 'node-thermal-printer';
import type { PrinterCharset, ReceiptBlock, ReceiptDocument } from '../../src/core/receipts';
import { breakAtWidth, fitColumns, layoutVatTable, toPrintableText, wrapText } from '../../src/core/receipts';
import type { VatCells } from '../../src/core/receipts/receipt-document';
import { EPSON_DRAWER_KICK, type PrinterModel, selectCodePage, starQrCode } from './printer-commands';
import { encodePrinterText } from './printer-text';

// ReceiptDocument → printer bytes through node-thermal-printer, which knows
// both command sets (Epson ESC/POS and Star Line Mode): alignment, bold,
// barcodes, raster logos, cuts. Lines are laid out with the same core helpers
// as receiptToPlainText, so what fits on screen fits on paper. Where the
// library sends the wrong bytes we send our own (printer-commands.ts) or call
// it so that the right bytes come out; receipt-builder.test.ts pins each case.

const { ThermalPrinter, PrinterTypes } = thermal;

/**
 * The library methods we use, typed as the code in lib/ takes them: the
 * bundled typings mix the Epson and Star settings and omit initHardware().
 */
interface Printer {
  initHardware(): void;
  add(bytes: Buffer): void;
  newLine(): void;
  bold(on: boolean): void;
  alignLeft(): void;
  alignCenter(): void;
  alignRight(): void;
  setTextSize(height: number, width: number): void;
  setTextNormal(): void;
  setTextDoubleHeight(): void;
  setTextQuadArea(): void;
  printQR(data: string, settings: Record<string, unknown>): void;
  printBarcode(data: string, type: number, settings: Record<string, unknown>): void;
  code128(data: string, settings: Record<string, unknown>): void;
  printImageBuffer(png: Buffer): Promise<Buffer>;
  partialCut(options: { verticalTabAmount: number }): void;
  openCashDrawer(): void;
  getBuffer(): Buffer | null;
}

export interface ReceiptLayout {
  readonly model: PrinterModel;
  /** The printer's own number for `charset`'s code page (Epson: 16 for WPC1252). */
  readonly codePage: number;
  readonly charset: PrinterCharset;
  /** Characters per line in the normal font: 42 or 48 on 80 mm paper, 32 on 58 mm. */
  readonly widthChars: number;
  /** The PNG for a logo block's asset id; a logo with none prints nothing (the receipt still prints). */
  readonly logo?: (assetId: string) => Buffer | undefined;
}

/** A library printer that only builds bytes: no interface, no code page of its own (we select ours). */
function newPrinter(model: PrinterModel, widthChars: number): Printer {
  const printer: unknown = new ThermalPrinter({
    type: model === 'epson' ? PrinterTypes.EPSON : PrinterTypes.STAR,
    // The typings want a string; without one the library never opens anything.
    interface: undefined as unknown as string,
    width: widthChars,
    breakLine: thermal.BreakLine.NONE,
  });
  return printer as Printer;
}

type Size = 'normal' | 'double-height' | 'double';

function setSize(p: Printer, model: PrinterModel, size: Size): void {
  const [width, height] = size === 'normal' ? [1, 1] : size === 'double-height' ? [1, 2] : [2, 2];
  if (model === 'epson') {
    // setTextSize(height, width) writes its first argument into GS !'s width
    // nibble and the second into the height one: pass them swapped on purpose.
    p.setTextSize(width - 1, height - 1);
  } else if (size === 'normal') p.setTextNormal();
  else if (size === 'double-height') p.setTextDoubleHeight();
  else p.setTextQuadArea();
}

function setAlign(p: Printer, align: 'left' | 'center' | 'right'): void {
  if (align === 'center') p.alignCenter();
  else if (align === 'right') p.alignRight();
  else p.alignLeft();
}

class Builder {
  readonly #p: Printer;
  readonly #printable: (s: string) => string;

  constructor(private readonly layout: ReceiptLayout) {
    this.#p = newPrinter(layout.model, layout.widthChars);
    this.#printable = (s) => toPrintableText(s, layout.charset);
  }

  start(): void {
    this.#p.initHardware();
    this.#p.add(selectCodePage(this.layout.model, this.layout.codePage));
  }

  #lines(texts: readonly string[]): void {
    for (const text of texts) {
      this.#p.add(encodePrinterText(text, this.layout.charset));
      this.#p.newLine();
    }
  }

  #styled(style: { align: 'left' | 'center' | 'right'; bold: boolean; size: Size }, texts: string[]): void {
    const { model } = this.layout;
    setAlign(this.#p, style.align);
    this.#p.bold(style.bold);
    setSize(this.#p, model, style.size);
    this.#lines(texts);
    // Back to plain, so the next block starts from a known state whatever it is.
    setAlign(this.#p, 'left');
    this.#p.bold(false);
    setSize(this.#p, model, 'normal');
  }

  #cells(cells: VatCells): VatCells {
    const printable = this.#printable;
    return {
      rateLabel: printable(cells.rateLabel),
      net: printable(cells.net),
      vat: printable(cells.vat),
      gross: printable(cells.gross),
    };
  }

  async block(block: ReceiptBlock): Promise<void> {
    const { widthChars: width } = this.layout;
    const printable = this.#printable;
    switch (block.type) {
      case 'text': {
        const cells = block.size === 'double' ? Math.floor(width / 2) : width;
        this.#styled(block, wrapText(printable(block.text), cells));
        return;
      }
      case 'columns':
        this.#styled(
          { align: 'left', bold: block.bold, size: block.size },
          fitColumns(printable(block.left), printable(block.right), width, block.indent),
        );
        return;
      case 'rule':
        this.#lines(['-'.repeat(width)]);
        return;
      case 'vat-table':
        this.#lines(
          layoutVatTable(
            {
              ...block,
              headings: this.#cells(block.headings),
              rows: block.rows.map((row) => this.#cells(row)),
              total: this.#cells(block.total),
            },
            width,
          ),
        );
        return;
      case 'barcode':
        this.#p.alignCenter();
        this.#barcode(block.symbology, block.data);
        this.#p.alignLeft();
        return;
      case 'preformatted':
        this.#lines(breakAtWidth(printable(block.text), width));
        return;
      case 'feed':
        for (let i = 0; i < block.lines; i += 1) this.#p.newLine();
        return;
      case 'logo': {
        const png = this.layout.logo?.(block.assetId);
        if (!png) return;
        this.#p.alignCenter();
        await this.#p.printImageBuffer(png);
        this.#p.alignLeft();
        return;
      }
      case 'cut':
        this.cut();
        return;
    }
  }

  #barcode(symbology: 'qr' | 'ean13' | 'code128', data: string): void {
    const epson = this.layout.model === 'epson';
    if (symbology === 'qr') {
      // A long code (a kiosk ticket, up to 1,800 characters: QR version 27, 125 modules) at 6 dots
      // a module would be wider than 80 mm paper (576 dots): smaller modules keep it on the paper.
      const cellSize = data.length > 700 ? 4 : 6;
      if (epson) this.#p.printQR(data, { model: 2, cellSize, correction: 'M' });
      else this.#p.add(starQrCode(data, cellSize));
    } else if (symbology === 'ean13') {
      // Readable digits under the bars (hriPos 2 / Star "under-bar characters"): the library's default is none.
      // Epson GS k 67 takes the first 12 digits and prints its own check digit.
      if (epson) this.#p.printBarcode(data.slice(0, 12), 67, { hriPos: 2, height: 80 });
      else this.#p.printBarcode(data, 3, { characters: 2, mode: 2, height: 80 });
    } else if (epson) {
      // Set B: "{" starts a set change, so a literal one is sent twice.
      this.#p.code128(data.replaceAll('{', '{{'), { hriPos: 2, height: 80 });
    } else this.#p.code128(data, { text: 2, width: 'MEDIUM', height: 80 });
  }

  cut(): void {
    // partialCut() ends with ESC @, which puts the printer back on its default
    // code page: select ours again so text after a cut keeps its accents.
    this.#p.partialCut({ verticalTabAmount: 1 });
    this.#p.add(selectCodePage(this.layout.model, this.layout.codePage));
  }

  bytes(): Buffer {
    return Buffer.from(this.#p.getBuffer() ?? []);
  }
}

export async function buildReceipt(document: ReceiptDocument, layout: ReceiptLayout): Promise<Buffer> {
  if (!Number.isInteger(layout.widthChars) || layout.widthChars < 16 || layout.widthChars > 80)
    throw new RangeError('width: 16-80 characters');
  const builder = new Builder(layout);
  builder.start();
  for (const block of document.blocks) await builder.block(block);
  // Always end on a cut, so the next receipt does not start on this one's tail.
  if (document.blocks.at(-1)?.type !== 'cut') builder.cut();
  return builder.bytes();
}

/**
 * The drawer kick for each command set: Epson's is ours (the library's lacks
 * the pulse timing); Star's is the library's ESC BEL n1 n2 + BEL, which is right.
 */
export function drawerKick(model: PrinterModel): Buffer {
  if (model === 'epson') return Buffer.from(EPSON_DRAWER_KICK);
  const p = newPrinter('star', 42);
  p.openCashDrawer();
  return Buffer.from(p.getBuffer() ?? []);
}
