import { z } from 'zod';

// Which scanners a till has, per till. Keyboard-wedge scanners need no
// entry here: they type into the renderer like a keyboard.

const common = {
  deviceId: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  simulated: z.boolean(),
};

const usbId = z.number().int().min(0).max(0xffff);

export const hidScannerConfigSchema = z.strictObject({
  type: z.literal('hid'),
  ...common,
  vendorId: usbId,
  productId: usbId,
  /** Pins one device when several of the same model are plugged in; otherwise the first HID POS interface. */
  path: z.string().min(1).optional(),
  /**
   * Send Honeywell's "enter HID POS mode" feature report (FE 01) on connect.
   * Harmless to leave on for Honeywell; other makes may reject it (a logged
   * failure, never a disconnection).
   */
  enableHidPosMode: z.boolean().default(true),
});

export const serialScannerConfigSchema = z.strictObject({
  type: z.literal('serial'),
  ...common,
  path: z.string().min(1),
  baudRate: z.number().int().positive().default(9600),
  /** What ends each code: CR (most scanners' default) or CR LF. */
  terminator: z.enum(['CR', 'CRLF']).default('CR'),
});

export const scannerConfigSchema = z.discriminatedUnion('type', [
  hidScannerConfigSchema,
  serialScannerConfigSchema,
]);
export type ScannerConfig = z.input<typeof scannerConfigSchema>;
export type HidScannerConfig = z.output<typeof hidScannerConfigSchema>;
export type SerialScannerConfig = z.output<typeof serialScannerConfigSchema>;
