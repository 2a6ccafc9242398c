import { reportBadConfig } from '../devices/bad-config-status';
import type { BackoffOptions } from '../devices/reconnect-backoff';
import type { DeviceContext, ScannerDriver } from '../host/device-drivers';
import type { HidBackend } from './hid/hid-backend';
import { createHidScanner } from './hid/hid-scanner';
import { nodeHidBackend } from './hid/node-hid-backend';
import { type ScannerConfig, scannerConfigSchema } from './scanner-config';
import { createSerialScanner } from './serial/serial-scanner';

// One scanner driver per configured HID POS or serial scanner. Both feed
// the same scan events; the renderer hands `symbology + data` to parseScan.

export interface ScannerOptions {
  /** Defaults to node-hid; the simulator passes recorded report buffers. */
  readonly hidBackend?: HidBackend;
  readonly backoff?: BackoffOptions;
}

export function createScanner(
  input: ScannerConfig,
  context: DeviceContext,
  options: ScannerOptions = {},
): ScannerDriver {
  const parsed = scannerConfigSchema.safeParse(input);
  if (!parsed.success) {
    reportBadConfig(input, 'scanner', parsed.error, context);
    return { close: async () => undefined };
  }
  const config = parsed.data;
  const backoff = options.backoff ? { backoff: options.backoff } : {};
  if (config.type === 'serial') return createSerialScanner(config, context, options.backoff);
  return createHidScanner(config, context, { backend: options.hidBackend ?? nodeHidBackend, ...backoff });
}
