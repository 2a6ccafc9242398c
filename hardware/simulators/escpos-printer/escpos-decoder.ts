import { alignText, wrapText } from '../../../src/core/receipts';
import { type Parsed, type PrinterOp, parseEpson, parseStar, type SimModel } from './command-parser';

// What a thermal printer makes of its byte stream, as text: the simulator's
// "paper". It decodes with its own copy of the code charts, not the driver's
// tables, so a wrong byte in the driver shows up here. Only code pages this
// printer numbers as WPC1252 or ISO-8859-15 decode; after ESC @ the printer is
// back on PC437 and upper-half bytes come out as U+FFFD, as garbage would on
// paper. Symbols show as their content, centred, as receiptToPlainText does;
// images are listed apart (the plain-text preview has no logo either).

export interface PrintedImage {
  readonly widthDots: number;
  readonly heightDots: number;
  /** The dots as printed, one string per row: "#" black, "." white. */
  readonly rows: readonly string[];
}

function rasterRows(raster: Uint8Array, widthDots: number): string[] {
  const bytesWide = widthDots / 8;
  const rows: string[] = [];
  for (let at = 0; at + bytesWide <= raster.length; at += bytesWide) {
    rows.push(
      [...raster.subarray(at, at + bytesWide)]
        .map((b) => b.toString(2).padStart(8, '0'))
        .join('')
        .replace(/1/g, '#')
        .replace(/0/g, '.'),
    );
  }
  return rows;
}

export interface DecodedReceipt {
  readonly text: string;
  readonly qr: string[];
  readonly barcodes: string[];
  readonly images: PrintedImage[];
}

export interface DecoderEvents {
  /** A DLE EOT n query; the caller answers, even while ignoring print data. */
  readonly statusQuery: (n: number) => void;
  readonly drawerKick: () => void;
  readonly cut: (receipt: DecodedReceipt) => void;
}

export type SimCharset = 'windows-1252' | 'iso-8859-15';

export interface DecoderOptions {
  readonly model: SimModel;
  readonly widthChars: number;
  /** This printer's numbers for the code pages it has (Epson: 16 WPC1252, 40 ISO-8859-15; Star: 32 WPC1252). */
  readonly codePages?: Readonly<Record<number, SimCharset>>;
}

export const DEFAULT_CODE_PAGES: Readonly<Record<SimModel, Readonly<Record<number, SimCharset>>>> = {
  epson: { 16: 'windows-1252', 40: 'iso-8859-15' },
  star: { 32: 'windows-1252' },
};

type Align = 'left' | 'center' | 'right';

// Windows-1252 bytes 0x80-0x9F, written out from the code chart (Node's
// TextDecoder without full ICU treats windows-1252 as Latin-1, so it cannot be used).
const WPC1252_80_9F = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';
const LATIN9_CHANGES: Readonly<Record<number, string>> = {
  164: '€',
  166: 'Š',
  168: 'š',
  180: 'Ž',
  184: 'ž',
  188: 'Œ',
  189: 'œ',
  190: 'Ÿ',
};

function decodeByte(b: number, charset: SimCharset | undefined): string {
  if (b < 0x80) return String.fromCharCode(b);
  if (charset === 'windows-1252') {
    return b <= 0x9f ? (WPC1252_80_9F[b - 0x80] ?? '\uFFFD') : String.fromCharCode(b);
  }
  if (charset === 'iso-8859-15') {
    return b <= 0x9f ? '\uFFFD' : (LATIN9_CHANGES[b] ?? String.fromCharCode(b));
  }
  return '\uFFFD';
}

export class EscPosDecoder {
  #pending: Uint8Array = new Uint8Array(0);
  #codePage = 0;
  #align: Align = 'left';
  #line: number[] = [];
  #lines: string[] = [];
  #qr: string[] = [];
  #barcodes: string[] = [];
  #images: PrintedImage[] = [];
  #qrStore = '';
  readonly #unknown: string[] = [];
  readonly #parse: (buf: Uint8Array, at: number) => Parsed;
  readonly #codePages: Readonly<Record<number, SimCharset>>;

  constructor(
    private readonly options: DecoderOptions,
    private readonly events: DecoderEvents,
  ) {
    this.#parse = options.model === 'epson' ? parseEpson : parseStar;
    this.#codePages = options.codePages ?? DEFAULT_CODE_PAGES[options.model];
  }

  /** Commands the simulator did not understand, as hex; a test can assert there are none. */
  unknownCommands(): readonly string[] {
    return this.#unknown;
  }

  /** Lines printed on the receipt not yet cut. */
  lineCount(): number {
    return this.#lines.length;
  }

  /** Drops what is on the paper but not yet cut (paper ran out mid-receipt). */
  tear(): void {
    this.#line = [];
    this.#lines = [];
    this.#qr = [];
    this.#barcodes = [];
    this.#images = [];
  }

  /** Feeds bytes; `printing` false means only real-time commands take effect (printer offline). */
  write(chunk: Uint8Array, printing: () => boolean): void {
    const buf = Buffer.concat([this.#pending, chunk]);
    let at = 0;
    while (at < buf.length) {
      const parsed = this.#parse(buf, at);
      if (parsed === null) break;
      at += parsed.length;
      if (parsed.op.op === 'status') this.events.statusQuery(parsed.op.n);
      else if (parsed.op.op === 'unknown') this.#unknown.push(parsed.op.hex);
      else if (printing()) this.#execute(parsed.op);
    }
    this.#pending = buf.subarray(at);
  }

  #execute(op: PrinterOp): void {
    switch (op.op) {
      case 'char':
        this.#line.push(op.byte);
        return;
      case 'lf':
        this.#endLine();
        return;
      case 'init':
        this.#codePage = 0;
        this.#align = 'left';
        return;
      case 'code-page':
        this.#codePage = op.page;
        return;
      case 'align':
        this.#align = op.to;
        return;
      case 'feed':
        // ESC d n prints what is buffered, then moves blank paper (to the cutter, usually):
        // not text, so not lines here, as the plain-text preview has no cutter margin.
        if (this.#line.length > 0) this.#endLine();
        return;
      case 'drawer-kick':
        this.events.drawerKick();
        return;
      case 'barcode':
        this.#barcodes.push(op.data);
        this.#symbolText(op.data);
        return;
      case 'qr-store':
        this.#qrStore = op.data;
        return;
      case 'qr-print':
        this.#qr.push(this.#qrStore);
        this.#symbolText(this.#qrStore);
        return;
      case 'image': {
        const last = this.#images.at(-1);
        const rows = rasterRows(op.raster, op.widthDots);
        if (op.continued && last && last.widthDots === op.widthDots && this.#bandOpen) {
          this.#images[this.#images.length - 1] = {
            ...last,
            heightDots: last.heightDots + op.heightDots,
            rows: [...last.rows, ...rows],
          };
        } else this.#images.push({ widthDots: op.widthDots, heightDots: op.heightDots, rows });
        this.#bandOpen = op.continued;
        // A Star band ends with LF, which must not print an empty text line.
        this.#afterBand = op.continued;
        return;
      }
      case 'cut':
        this.#cut();
        return;
      case 'style':
      case 'status':
      case 'unknown':
        return;
    }
  }

  #bandOpen = false;
  #afterBand = false;

  #endLine(): void {
    if (this.#afterBand && this.#line.length === 0) {
      this.#afterBand = false;
      return;
    }
    this.#afterBand = false;
    this.#bandOpen = false;
    const charset = this.#codePages[this.#codePage];
    const text = this.#line
      .map((b) => decodeByte(b, charset))
      .join('')
      .replaceAll('\u00a0', ' ');
    this.#line = [];
    this.#lines.push(alignText(text, this.options.widthChars, this.#align));
  }

  #symbolText(content: string): void {
    for (const line of wrapText(content, this.options.widthChars))
      this.#lines.push(alignText(line, this.options.widthChars, 'center'));
  }

  #cut(): void {
    if (this.#line.length > 0) this.#endLine();
    const receipt: DecodedReceipt = {
      text: this.#lines.map((l) => l.trimEnd()).join('\n'),
      qr: this.#qr,
      barcodes: this.#barcodes,
      images: this.#images,
    };
    this.tear();
    this.events.cut(receipt);
  }
}

/** Decodes a whole byte stream at once (a device file's content, a test's bytes). */
export function decodePrinterBytes(
  bytes: Uint8Array,
  options: DecoderOptions,
): { receipts: DecodedReceipt[]; drawerKicks: number; unknown: readonly string[] } {
  const receipts: DecodedReceipt[] = [];
  let drawerKicks = 0;
  const decoder = new EscPosDecoder(options, {
    statusQuery: () => {},
    drawerKick: () => {
      drawerKicks += 1;
    },
    cut: (r) => receipts.push(r),
  });
  decoder.write(bytes, () => true);
  return { receipts, drawerKicks, unknown: decoder.unknownCommands() };
}
