// The few command bytes we write ourselves instead of taking node-thermal-printer's:
// each one replaces a library call that sends the wrong thing (see docs/printer.md).

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const EOT = 0x04;

export type PrinterModel = 'epson' | 'star';

/**
 * DLE EOT n: real-time status, answered even while the printer is offline
 * (paper out, cover open). The library's getStatus() sends GS r 1, which an
 * offline printer ignores, so the till would hear nothing exactly when it matters.
 */
export const statusQuery = (n: 1 | 2 | 4): Buffer => Buffer.from([DLE, EOT, n]);

/**
 * ESC t n (Epson) / ESC GS t n (Star Line Mode): select the code page by the
 * printer's own number. The library only knows its built-in numbers, and clones
 * number pages differently, so the number comes from configuration.
 */
export function selectCodePage(model: PrinterModel, page: number): Buffer {
  if (!Number.isInteger(page) || page < 0 || page > 255) throw new RangeError('code page: 0-255');
  return model === 'epson' ? Buffer.from([ESC, 0x74, page]) : Buffer.from([ESC, GS, 0x74, page]);
}

/**
 * Epson ESC p 0 t1 t2: a 50 ms pulse on pin 2, then 500 ms off. The library's
 * openCashDrawer() sends `1B 70 00 1B 70 01` with no t1 t2, so the printer
 * takes the next bytes as the timing and many drawers never open.
 */
export const EPSON_DRAWER_KICK: Buffer = Buffer.from([ESC, 0x70, 0x00, 0x19, 0xfa]);

/**
 * Star Line Mode QR code: model 2, error level M, cell size, data, print.
 * The library's Star printQR() leaves out the data command's own header
 * (ESC GS y D 1 0), so the length bytes and the data print as text.
 */
export function starQrCode(data: string, cellSize = 6): Buffer {
  const payload = Buffer.from(data, 'latin1');
  if (payload.length === 0 || payload.length > 7089) throw new RangeError('QR data: 1-7089 bytes');
  return Buffer.concat([
    Buffer.from([ESC, GS, 0x79, 0x53, 0x30, 0x02]),
    Buffer.from([ESC, GS, 0x79, 0x53, 0x31, 0x01]),
    Buffer.from([ESC, GS, 0x79, 0x53, 0x32, cellSize]),
    Buffer.from([ESC, GS, 0x79, 0x44, 0x31, 0x00, payload.length & 0xff, payload.length >> 8]),
    payload,
    Buffer.from([ESC, GS, 0x79, 0x50]),
  ]);
}

/** The printer's number for each charset when the configuration gives none; Star has no known ISO-8859-15 number. */
export function defaultCodePage(model: PrinterModel, charset: 'windows-1252' | 'iso-8859-15'): number | null {
  if (model === 'epson') return charset === 'windows-1252' ? 16 : 40;
  return charset === 'windows-1252' ? 32 : null;
}
