// Splits a printer byte stream into commands, for the Epson ESC/POS and the
// Star Line Mode command sets: what the simulator needs to know to print text,
// barcodes and images and to answer status. Written from the command manuals,
// not from node-thermal-printer, so a wrong byte from the driver shows up.

export type SimModel = 'epson' | 'star';

export type PrinterOp =
  | { readonly op: 'char'; readonly byte: number }
  | { readonly op: 'lf' }
  | { readonly op: 'init' }
  | { readonly op: 'code-page'; readonly page: number }
  | { readonly op: 'align'; readonly to: 'left' | 'center' | 'right' }
  | { readonly op: 'feed'; readonly lines: number }
  | { readonly op: 'cut' }
  | { readonly op: 'status'; readonly n: number }
  | { readonly op: 'drawer-kick' }
  | { readonly op: 'barcode'; readonly kind: 'ean13' | 'code128' | 'other'; readonly data: string }
  | { readonly op: 'qr-store'; readonly data: string }
  | { readonly op: 'qr-print' }
  | {
      readonly op: 'image';
      readonly widthDots: number;
      readonly heightDots: number;
      /** Raster bytes, row by row, 8 dots a byte, most significant bit left. */
      readonly raster: Uint8Array;
      readonly continued: boolean;
    }
  | { readonly op: 'style' }
  | { readonly op: 'unknown'; readonly hex: string };

/** A parsed command and its length; null while more bytes must arrive. */
export type Parsed = { readonly length: number; readonly op: PrinterOp } | null;

const ALIGN = ['left', 'center', 'right'] as const;
const alignOf = (n: number): 'left' | 'center' | 'right' => ALIGN[n % 48] ?? 'left';
const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const unknown = (buf: Uint8Array, at: number): { length: number; op: PrinterOp } => ({
  length: 2,
  op: { op: 'unknown', hex: Buffer.from(buf.subarray(at, at + 2)).toString('hex') },
});

/** A command of `length` bytes, or null when the buffer does not hold it all yet. */
const whole = (buf: Uint8Array, at: number, length: number, op: PrinterOp): Parsed =>
  at + length <= buf.length ? { length, op } : null;

function parseCommon(buf: Uint8Array, at: number): Parsed | undefined {
  const b0 = buf[at];
  if (b0 === undefined) return null;
  if (b0 === 0x0a) return { length: 1, op: { op: 'lf' } };
  if (b0 >= 0x20 && b0 !== 0x7f) return { length: 1, op: { op: 'char', byte: b0 } };
  if (b0 === 0x10) {
    if (buf.length < at + 3) return null;
    if (buf[at + 1] === 0x04) return { length: 3, op: { op: 'status', n: buf[at + 2] ?? 0 } };
    return unknown(buf, at);
  }
  return undefined;
}

export function parseEpson(buf: Uint8Array, at: number): Parsed {
  const common = parseCommon(buf, at);
  if (common !== undefined) return common;
  const [b0, b1, b2] = [buf[at], buf[at + 1], buf[at + 2]];
  if (b0 !== 0x1b && b0 !== 0x1d) return { length: 1, op: { op: 'style' } };
  if (b1 === undefined) return null;
  if (b0 === 0x1b) {
    if (b1 === 0x40) return { length: 2, op: { op: 'init' } };
    if (b2 === undefined) return null;
    if (b1 === 0x74) return { length: 3, op: { op: 'code-page', page: b2 } };
    if (b1 === 0x61) return { length: 3, op: { op: 'align', to: alignOf(b2) } };
    if (b1 === 0x64) return { length: 3, op: { op: 'feed', lines: b2 } };
    if (b1 === 0x45 || b1 === 0x21 || b1 === 0x33) return { length: 3, op: { op: 'style' } };
    if (b1 === 0x70) return whole(buf, at, 5, { op: 'drawer-kick' });
    return unknown(buf, at);
  }
  if (b2 === undefined) return null;
  if (b1 === 0x21 || b1 === 0x48 || b1 === 0x66 || b1 === 0x77 || b1 === 0x68)
    return { length: 3, op: { op: 'style' } };
  if (b1 === 0x56) return b2 >= 65 ? whole(buf, at, 4, { op: 'cut' }) : { length: 3, op: { op: 'cut' } };
  if (b1 === 0x6b) return parseEpsonBarcode(buf, at, b2);
  if (b1 === 0x28 && b2 === 0x6b) return parseEpsonSymbol(buf, at);
  if (b1 === 0x76 && b2 === 0x30) {
    if (buf.length < at + 8) return null;
    const bytesWide = (buf[at + 4] ?? 0) + (buf[at + 5] ?? 0) * 256;
    const height = (buf[at + 6] ?? 0) + (buf[at + 7] ?? 0) * 256;
    return whole(buf, at, 8 + bytesWide * height, {
      op: 'image',
      widthDots: bytesWide * 8,
      heightDots: height,
      raster: buf.subarray(at + 8, at + 8 + bytesWide * height),
      continued: false,
    });
  }
  return unknown(buf, at);
}

function parseEpsonBarcode(buf: Uint8Array, at: number, m: number): Parsed {
  if (m < 65) {
    // Function A: data ends with NUL.
    const end = buf.indexOf(0, at + 3);
    if (end < 0) return null;
    return {
      length: end + 1 - at,
      op: { op: 'barcode', kind: 'other', data: latin1(buf.subarray(at + 3, end)) },
    };
  }
  const n = buf[at + 3];
  if (n === undefined) return null;
  let data = latin1(buf.subarray(at + 4, at + 4 + n));
  let kind: 'ean13' | 'code128' | 'other' = 'other';
  if (m === 67) {
    kind = 'ean13';
    if (data.length === 12) data += gs1CheckDigit(data);
  } else if (m === 73) {
    kind = 'code128';
    data = data.replace(/^\{B/, '').replaceAll('{{', '{');
  }
  return whole(buf, at, 4 + n, { op: 'barcode', kind, data });
}

function parseEpsonSymbol(buf: Uint8Array, at: number): Parsed {
  if (buf.length < at + 7) return null;
  const length = 5 + (buf[at + 3] ?? 0) + (buf[at + 4] ?? 0) * 256;
  const [cn, fn] = [buf[at + 5], buf[at + 6]];
  if (cn !== 0x31) return whole(buf, at, length, { op: 'style' });
  if (fn === 0x50)
    return whole(buf, at, length, { op: 'qr-store', data: latin1(buf.subarray(at + 8, at + length)) });
  if (fn === 0x51) return whole(buf, at, length, { op: 'qr-print' });
  return whole(buf, at, length, { op: 'style' });
}

export function parseStar(buf: Uint8Array, at: number): Parsed {
  const common = parseCommon(buf, at);
  if (common !== undefined) return common;
  const [b0, b1, b2] = [buf[at], buf[at + 1], buf[at + 2]];
  if (b0 === 0x07) return { length: 1, op: { op: 'drawer-kick' } };
  if (b0 !== 0x1b) return { length: 1, op: { op: 'style' } };
  if (b1 === undefined) return null;
  if (b1 === 0x40) return { length: 2, op: { op: 'init' } };
  if (b1 === 0x45 || b1 === 0x46 || b1 === 0x30) return { length: 2, op: { op: 'style' } };
  if (b2 === undefined) return null;
  if (b1 === 0x64) return { length: 3, op: { op: 'cut' } };
  if (b1 === 0x7a) return { length: 3, op: { op: 'style' } };
  if (b1 === 0x69 || b1 === 0x07) return whole(buf, at, 4, { op: 'style' });
  if (b1 === 0x62) {
    // ESC b n1 n2 n3 n4 data RS
    const end = buf.indexOf(0x1e, at + 6);
    if (end < 0) return null;
    let data = latin1(buf.subarray(at + 6, end));
    const kind = b2 === 3 || b2 === 51 ? 'ean13' : b2 === 6 || b2 === 54 ? 'code128' : 'other';
    if (kind === 'ean13' && data.length === 12) data += gs1CheckDigit(data);
    return { length: end + 1 - at, op: { op: 'barcode', kind, data } };
  }
  if (b1 === 0x6b) {
    // ESC k n1 n2 data: one band of 24 raster rows, n1 + 256 n2 bytes each.
    if (buf.length < at + 4) return null;
    const bytesWide = b2 + (buf[at + 3] ?? 0) * 256;
    return whole(buf, at, 4 + bytesWide * 24, {
      op: 'image',
      widthDots: bytesWide * 8,
      heightDots: 24,
      raster: buf.subarray(at + 4, at + 4 + bytesWide * 24),
      continued: true,
    });
  }
  if (b1 === 0x1d) return parseStarGs(buf, at, b2);
  return unknown(buf, at);
}

function parseStarGs(buf: Uint8Array, at: number, b2: number): Parsed {
  const b3 = buf[at + 3];
  if (b3 === undefined) return null;
  if (b2 === 0x74) return { length: 4, op: { op: 'code-page', page: b3 } };
  if (b2 === 0x61) return { length: 4, op: { op: 'align', to: alignOf(b3) } };
  if (b2 !== 0x79) return unknown(buf, at);
  if (b3 === 0x50) return { length: 4, op: { op: 'qr-print' } };
  if (b3 === 0x53) return whole(buf, at, 6, { op: 'style' });
  if (b3 === 0x44) {
    if (buf.length < at + 8) return null;
    const n = (buf[at + 6] ?? 0) + (buf[at + 7] ?? 0) * 256;
    return whole(buf, at, 8 + n, { op: 'qr-store', data: latin1(buf.subarray(at + 8, at + 8 + n)) });
  }
  return unknown(buf, at);
}

export function gs1CheckDigit(first12: string): string {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return String((10 - (sum % 10)) % 10);
}
