// HID POS input reports as a Honeywell scanner in HID POS mode sends them
// (64 bytes each, as node-hid's 'data' event delivers them on Linux hidraw),
// one list per code scanned. Byte 61 is Honeywell's own code id, unused here.
// Written out byte for byte from that layout (docs/scanners.md): no HID
// device can be attached on the build machine, so none was captured live.

export const recordedHidReports = {
  /** EAN-13 3017620422003, AIM ]E0 */
  ean13: [
    '02 0d 5d 45 30 33 30 31 37 36 32 30 34 32 32 30 30 33 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 64 00 00',
  ],
  /** EAN-8 96385074, AIM ]E4 */
  ean8: [
    '02 08 5d 45 34 39 36 33 38 35 30 37 34 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 44 00 00',
  ],
  /** GS1 DataMatrix, AIM ]d2, 123 data bytes in three reports: (01)03760123456784 (11)261101 (17)261231 (3103)000750 (10)LOT-2026-11-23-A0042 GS (21)SN7Q4Z0000123456789X GS (22)BIO-NATURE-500G-FR1 GS (30)12 GS (3922)0549 */
  gs1DataMatrix: [
    '02 38 5d 64 32 30 31 30 33 37 36 30 31 32 33 34 35 36 37 38 34 31 31 32 36 31 31 30 31 31 37 32 36 31 32 33 31 33 31 30 33 30 30 30 37 35 30 31 30 4c 4f 54 2d 32 30 32 36 2d 31 31 2d 77 00 01',
    '02 38 5d 64 32 32 33 2d 41 30 30 34 32 1d 32 31 53 4e 37 51 34 5a 30 30 30 30 31 32 33 34 35 36 37 38 39 58 1d 32 32 42 49 4f 2d 4e 41 54 55 52 45 2d 35 30 30 47 2d 46 52 31 1d 33 30 77 00 01',
    '02 0b 5d 64 32 31 32 1d 33 39 32 32 30 35 34 39 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 77 00 00',
  ],
  /** QR code with a till receipt number, AIM ]Q1 */
  receiptQr: [
    '02 16 5d 51 31 50 4f 53 31 3a 52 3a 50 41 52 30 31 2d 30 33 2d 30 30 30 31 32 33 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 73 00 00',
  ],
  /** EAN-13 from a scanner set not to send AIM ids (bytes 2-4 zero) */
  ean13WithoutAim: [
    '02 0d 00 00 00 33 30 31 37 36 32 30 34 32 32 30 30 33 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 64 00 00',
  ],
} as const;

export type RecordedCode = keyof typeof recordedHidReports;

/** The recorded hex dumps as the buffers node-hid emits. */
export function reportBuffers(code: RecordedCode): Buffer[] {
  return recordedHidReports[code].map((hex) => Buffer.from(hex.replaceAll(' ', ''), 'hex'));
}
