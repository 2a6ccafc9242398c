import { alignText, wrapText } from '../../../src/core/receipts';

// What a thermal printer makes of an ESC/POS byte stream, as text: the
// simulator's "paper". It decodes with its own copy of the code chart,
// not the driver's table, so a wrong byte in the driver shows up here. Only
// the code page selected by ESC t is honoured; after ESC @ the printer is
// back on PC437 and upper-half bytes come out as U+FFFD, as garbage would on
// paper. Symbols are shown as their content, centred, as receiptToPlainText does.

export interface PrintedReceipt {
  readonly text: string;
  readonly qr: string[];
  readonly barcodes: string[];
}

export interface DecoderEvents {
  /** A DLE EOT n query; the caller answers, even while ignoring print data. */
  readonly statusQuery: (n: number) => void;
  readonly drawerKick: () => void;
  readonly cut: (receipt: PrintedReceipt) => void;
}

type Align = 'left' | 'center' | 'right';

// Windows-1252 bytes 0x80-0x9F, written out from the code chart (Node's
// TextDecoder without full ICU treats windows-1252 as Latin-1, so it cannot be used).
const WPC1252_80_9F = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

function wpc1252Char(b: number): string {
  if (b >= 0x80 && b <= 0x9f) return WPC1252_80_9F[b - 0x80] ?? '\uFFFD';
  return String.fromCharCode(b);
}

/** Bytes a command needs from its first byte on, or null while more must arrive; -1 for unknown. */
function commandLength(buf: Uint8Array, at: number): number | null {
  const b0 = buf[at];
  const b1 = buf[at + 1];
  if (b0 === undefined) return null;
  if (b0 !== 0x10 && b0 !== 0x1b && b0 !== 0x1d) return 1;
  if (b1 === undefined) return null;
  const fixed: Record<string, number> = {
    '10 4': 3,
    '1b 40': 2,
    '1b 74': 3,
    '1b 61': 3,
    '1b 45': 3,
    '1b 64': 3,
    '1b 70': 5,
    '1d 21': 3,
    '1d 48': 3,
  };
  const known = fixed[`${b0.toString(16)} ${b1.toString(16)}`];
  if (known !== undefined) return known;
  if (b0 === 0x1d && b1 === 0x56) {
    const m = buf[at + 2];
    if (m === undefined) return null;
    return m >= 65 ? 4 : 3;
  }
  if (b0 === 0x1d && b1 === 0x6b) {
    const n = buf[at + 3];
    if (buf[at + 2] === undefined || n === undefined) return null;
    return 4 + n;
  }
  if (b0 === 0x1d && b1 === 0x28) {
    const pL = buf[at + 3];
    const pH = buf[at + 4];
    if (pL === undefined || pH === undefined) return null;
    return 5 + pL + pH * 256;
  }
  return -1;
}

export class EscPosDecoder {
  #pending: Uint8Array = new Uint8Array(0);
  #codePage = 0;
  #align: Align = 'left';
  #line: number[] = [];
  #lines: string[] = [];
  #qr: string[] = [];
  #barcodes: string[] = [];
  #qrStore = '';
  readonly #unknown: string[] = [];

  constructor(
    private readonly widthChars: number,
    private readonly wpc1252Page: number,
    private readonly events: DecoderEvents,
  ) {}

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
  }

  /** Feeds bytes; `printing` false means only real-time commands take effect (printer offline). */
  write(chunk: Uint8Array, printing: () => boolean): void {
    const buf = Buffer.concat([this.#pending, chunk]);
    let at = 0;
    while (at < buf.length) {
      const length = commandLength(buf, at);
      if (length === null) break;
      if (length === -1) {
        this.#unknown.push(Buffer.from(buf.subarray(at, at + 2)).toString('hex'));
        at += 2;
        continue;
      }
      if (at + length > buf.length) break;
      const command = buf.subarray(at, at + length);
      at += length;
      if (command[0] === 0x10) this.events.statusQuery(command[2] ?? 0);
      else if (printing()) this.#execute(command);
    }
    this.#pending = buf.subarray(at);
  }

  #execute(c: Uint8Array): void {
    const [b0, b1, b2 = 0] = c;
    if (b0 === 0x0a) {
      this.#endLine();
      return;
    }
    if (b0 !== undefined && b0 >= 0x20 && b0 !== 0x7f) {
      this.#line.push(b0);
      return;
    }
    if (b0 === 0x1b && b1 === 0x40) {
      this.#codePage = 0;
      this.#align = 'left';
    } else if (b0 === 0x1b && b1 === 0x74) this.#codePage = b2;
    else if (b0 === 0x1b && b1 === 0x61)
      this.#align = b2 % 48 === 1 ? 'center' : b2 % 48 === 2 ? 'right' : 'left';
    else if (b0 === 0x1b && b1 === 0x64) {
      if (this.#line.length > 0) this.#endLine();
      for (let i = 0; i < b2; i += 1) this.#endLine();
    } else if (b0 === 0x1b && b1 === 0x70) this.events.drawerKick();
    else if (b0 === 0x1d && b1 === 0x56) this.#cut();
    else if (b0 === 0x1d && b1 === 0x6b) this.#barcode(b2, c.subarray(4));
    else if (b0 === 0x1d && b1 === 0x28 && c[2] === 0x6b) this.#qrFunction(c);
    // ESC E, GS !, GS H change looks only: nothing to record in text.
  }

  #decode(bytes: readonly number[]): string {
    if (this.#codePage === this.wpc1252Page) return bytes.map(wpc1252Char).join('');
    return bytes.map((b) => (b < 0x80 ? String.fromCharCode(b) : '\uFFFD')).join('');
  }

  #endLine(): void {
    const text = this.#decode(this.#line).replaceAll('\u00a0', ' ');
    this.#line = [];
    this.#lines.push(alignText(text, this.widthChars, this.#align));
  }

  #symbolText(content: string): void {
    for (const line of wrapText(content, this.widthChars))
      this.#lines.push(alignText(line, this.widthChars, 'center'));
  }

  #barcode(m: number, data: Uint8Array): void {
    const text = Buffer.from(data).toString('latin1');
    let content = text;
    if (m === 67) content = text.length === 12 ? text + checkDigit(text) : text;
    else if (m === 73) content = text.replace(/^\{B/, '').replaceAll('{{', '{');
    this.#barcodes.push(content);
    this.#symbolText(content);
  }

  #qrFunction(c: Uint8Array): void {
    const fn = c[6];
    if (fn === 0x50) this.#qrStore = Buffer.from(c.subarray(8)).toString('latin1');
    if (fn === 0x51) {
      this.#qr.push(this.#qrStore);
      this.#symbolText(this.#qrStore);
    }
  }

  #cut(): void {
    if (this.#line.length > 0) this.#endLine();
    const receipt: PrintedReceipt = {
      text: this.#lines.map((l) => l.trimEnd()).join('\n'),
      qr: this.#qr,
      barcodes: this.#barcodes,
    };
    this.tear();
    this.events.cut(receipt);
  }
}

function checkDigit(first12: string): string {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return String((10 - (sum % 10)) % 10);
}
