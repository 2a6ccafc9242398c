// Cuts a serial scanner's byte stream into codes at CR or CR LF. Bytes are
// read as Latin-1 so the GS1 separator (0x1D) and any byte survive as one
// character each; barcodes are ASCII, so nothing is lost. A stray LF left by
// a scanner sending CR LF to a till set to CR is dropped, not made part of
// the next code. A runaway line (wrong terminator set, noise on the line)
// is thrown away at the limit rather than growing for ever.

export type ScanTerminator = 'CR' | 'CRLF';

export const MAX_SCAN_LINE = 4096;

export class ScanLineSplitter {
  #buffer = '';
  /** Lines dropped because they reached MAX_SCAN_LINE without a terminator. */
  overflows = 0;

  constructor(private readonly terminator: ScanTerminator) {}

  push(chunk: Uint8Array): string[] {
    this.#buffer += Buffer.from(chunk).toString('latin1');
    const separator = this.terminator === 'CR' ? '\r' : '\r\n';
    const parts = this.#buffer.split(separator);
    this.#buffer = parts.pop() ?? '';
    if (this.#buffer.length >= MAX_SCAN_LINE) {
      this.#buffer = '';
      this.overflows += 1;
    }
    const lines = parts.map((line) => line.replace(/^\n+/, '')).filter((line) => line !== '');
    // A whole over-long line can also arrive in one chunk.
    const fitting = lines.filter((line) => line.length <= MAX_SCAN_LINE);
    this.overflows += lines.length - fitting.length;
    return fitting;
  }
}
