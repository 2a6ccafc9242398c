// ESC/POS commands as bytes, encoded here rather than through
// node-thermal-printer: its openCashDrawer() drops the pulse timing bytes,
// setTextSize() swaps width and height and cut() appends ESC @ (which resets
// the code page). Every function is pure; bytes per the Epson command manual.

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const EOT = 0x04;
const LF = 0x0a;

/** Epson's number for WPC1252; clones number code pages differently, so callers may pass another. */
export const WPC1252_CODE_PAGE = 16;

export type EscPosAlign = 'left' | 'center' | 'right';

export const init = (): Uint8Array => Uint8Array.of(ESC, 0x40);

export const lineFeed = (): Uint8Array => Uint8Array.of(LF);

export function selectCodePage(page: number = WPC1252_CODE_PAGE): Uint8Array {
  return Uint8Array.of(ESC, 0x74, byteArg(page, 0, 255));
}

const ALIGN_CODES: Readonly<Record<EscPosAlign, number>> = { left: 0, center: 1, right: 2 };

export const align = (to: EscPosAlign): Uint8Array => Uint8Array.of(ESC, 0x61, ALIGN_CODES[to]);

export const bold = (on: boolean): Uint8Array => Uint8Array.of(ESC, 0x45, on ? 1 : 0);

/** GS ! n: width multiplier in the high nibble, height in the low one (the library has them swapped). */
export function textSize(width: number, height: number): Uint8Array {
  return Uint8Array.of(GS, 0x21, ((byteArg(width, 1, 8) - 1) << 4) | (byteArg(height, 1, 8) - 1));
}

/** ESC d n: print what is buffered and feed n lines. */
export const feedLines = (lines: number): Uint8Array => Uint8Array.of(ESC, 0x64, byteArg(lines, 0, 255));

/** GS V 65/66 0: feed to the cutter, then cut. Deliberately no ESC @ after it, so the code page stays. */
export const cut = (partial = true): Uint8Array => Uint8Array.of(GS, 0x56, partial ? 0x42 : 0x41, 0);

/** DLE EOT n: real-time status, answered even while the printer is offline. */
export const statusQuery = (n: 1 | 2 | 3 | 4): Uint8Array => Uint8Array.of(DLE, EOT, n);

/** ESC p 0 t1 t2: 25 × 2 ms on, 250 × 2 ms off on pin 2; the library omits t1 t2 and many drawers stay shut. */
export const drawerKick = (): Uint8Array => Uint8Array.of(ESC, 0x70, 0x00, 0x19, 0xfa);

const QR_ERROR_LEVELS = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 } as const;

export interface QrOptions {
  /** Module size in dots, 1-16. */
  readonly moduleSize?: number;
  readonly errorLevel?: keyof typeof QR_ERROR_LEVELS;
}

const qrFunction = (fn: number, params: readonly number[]): number[] => {
  const length = params.length + 2;
  return [GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, fn, ...params];
};

/** GS ( k: model 2, module size, error level, store the data, print it. `data` is printable ASCII. */
export function qrCode(data: string, options: QrOptions = {}): Uint8Array {
  const payload = asciiBytes(data);
  if (payload.length === 0 || payload.length > 7089) throw new RangeError('QR data: 1-7089 bytes');
  return Uint8Array.from([
    ...qrFunction(0x41, [0x32, 0x00]),
    ...qrFunction(0x43, [byteArg(options.moduleSize ?? 6, 1, 16)]),
    ...qrFunction(0x45, [QR_ERROR_LEVELS[options.errorLevel ?? 'M']]),
    ...qrFunction(0x50, [0x30, ...payload]),
    ...qrFunction(0x51, [0x30]),
  ]);
}

/** GS H 2: human-readable digits below a barcode (printers default to none). */
export const hriBelow = (): Uint8Array => Uint8Array.of(GS, 0x48, 2);

/**
 * GS k 67 12 <digits>: EAN-13 from its first 12 digits; the printer adds the
 * check digit, so a 13-digit code is accepted only when its check digit is right.
 */
export function ean13(digits: string): Uint8Array {
  if (!/^\d{12,13}$/.test(digits)) throw new RangeError('EAN-13: 12 or 13 digits');
  const body = digits.slice(0, 12);
  if (digits.length === 13 && digits.slice(12) !== ean13CheckDigit(body)) {
    throw new RangeError('EAN-13: wrong check digit');
  }
  return Uint8Array.from([GS, 0x6b, 67, 12, ...asciiBytes(body)]);
}

export function ean13CheckDigit(first12: string): string {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return String((10 - (sum % 10)) % 10);
}

/** GS k 73 n {B <data>: Code 128 set B; "{" is the set escape, so a literal one is sent twice. */
export function code128(data: string): Uint8Array {
  const body = asciiBytes(`{B${data.replaceAll('{', '{{')}`);
  if (data.length === 0 || body.length > 255) throw new RangeError('Code 128: 1-253 characters');
  return Uint8Array.from([GS, 0x6b, 73, body.length, ...body]);
}

function asciiBytes(text: string): number[] {
  return [...text].map((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code > 0x7e) throw new RangeError('printable ASCII only');
    return code;
  });
}

function byteArg(n: number, min: number, max: number): number {
  if (!Number.isInteger(n) || n < min || n > max)
    throw new RangeError(`ESC/POS argument ${n}: ${min}-${max}`);
  return n;
}
