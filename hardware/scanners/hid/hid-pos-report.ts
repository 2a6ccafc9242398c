import { isAimId } from '../aim-prefix';

// HID POS (usage page 0x8C, barcode scanner) input reports, as node-hid
// hands them over: byte 0 report id 0x02, byte 1 the number of data bytes
// in this report (at most 56), bytes 2-4 the AIM symbology id, bytes 5-60
// the data, and bit 0 of the last byte set when the code continues in the
// next report. Long codes (a GS1 DataMatrix with batch and serial) span
// several reports; the assembler joins them. Data is kept byte for byte as
// Latin-1, so the GS1 separator 0x1D arrives as U+001D.

export const HID_POS_USAGE_PAGE = 0x8c;
export const HID_POS_SCANNER_USAGE = 0x02;
export const HID_POS_REPORT_ID = 0x02;
const DATA_OFFSET = 5;
const MAX_DATA_PER_REPORT = 56;
/** Beyond any real symbol; a stuck continuation bit must not grow memory for ever. */
export const MAX_HID_CODE = 4096;

export type AssembledScan =
  | { readonly kind: 'code'; readonly data: string; readonly symbology?: string }
  | { readonly kind: 'partial' }
  | { readonly kind: 'ignored'; readonly reason: string };

export class HidPosAssembler {
  #parts: string[] = [];
  #length = 0;
  #symbology: string | undefined;

  /** Forgets a half-received code (after the device was lost). */
  reset(): void {
    this.#parts = [];
    this.#length = 0;
    this.#symbology = undefined;
  }

  push(report: Uint8Array): AssembledScan {
    if (report.length < DATA_OFFSET + 1)
      return { kind: 'ignored', reason: `short report (${report.length} bytes)` };
    if (report[0] !== HID_POS_REPORT_ID) return { kind: 'ignored', reason: `report id ${report[0]}` };
    const length = report[1] ?? 0;
    // The data may not run into the flags byte.
    if (length > MAX_DATA_PER_REPORT || DATA_OFFSET + length > report.length - 1) {
      this.reset();
      return { kind: 'ignored', reason: `data length ${length} does not fit a ${report.length}-byte report` };
    }
    const more = ((report[report.length - 1] ?? 0) & 0x01) === 1;
    if (this.#parts.length === 0) {
      const aim = Buffer.from(report.subarray(2, DATA_OFFSET)).toString('latin1');
      this.#symbology = isAimId(aim) ? aim : undefined;
    }
    this.#parts.push(Buffer.from(report.subarray(DATA_OFFSET, DATA_OFFSET + length)).toString('latin1'));
    this.#length += length;
    if (this.#length > MAX_HID_CODE) {
      this.reset();
      return { kind: 'ignored', reason: `code longer than ${MAX_HID_CODE} bytes` };
    }
    if (more) return { kind: 'partial' };
    const data = this.#parts.join('');
    const symbology = this.#symbology;
    this.reset();
    if (data === '') return { kind: 'ignored', reason: 'empty code' };
    return symbology ? { kind: 'code', data, symbology } : { kind: 'code', data };
  }
}
