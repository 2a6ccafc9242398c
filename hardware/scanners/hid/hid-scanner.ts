import { type BackoffOptions, DEVICE_BACKOFF, reconnectDelay } from '../../devices/reconnect-backoff';
import type { DeviceContext, ScannerDriver } from '../../host/device-drivers';
import type { HidScannerConfig } from '../scanner-config';
import { scannerStatusReporter } from '../scanner-status';
import type { HidBackend, HidConnection, HidDeviceInfo } from './hid-backend';
import { HID_POS_USAGE_PAGE, HidPosAssembler } from './hid-pos-report';

// A USB scanner in HID POS mode. node-hid has no plug event, so the driver
// looks for the device (with back-off while it is absent), opens it, and
// treats the 'error' node-hid emits on unplugging as "gone, look again".

export interface HidScannerOptions {
  readonly backend: HidBackend;
  readonly backoff?: BackoffOptions;
}

/** Honeywell's "switch to HID POS mode" feature report. */
const ENTER_HID_POS_MODE = [0xfe, 0x01];

function matches(
  config: HidScannerConfig,
  device: HidDeviceInfo,
): device is HidDeviceInfo & { path: string } {
  if (device.vendorId !== config.vendorId || device.productId !== config.productId || !device.path)
    return false;
  if (config.path) return device.path === config.path;
  // A scanner exposes a keyboard interface too; only the POS one sends reports
  // we can read. libusb-backed listings leave the usage page unset.
  return device.usagePage === undefined || device.usagePage === HID_POS_USAGE_PAGE;
}

function listingProblem(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_DLOPEN_FAILED' || /libusb|cannot open shared object/.test(text))
    return 'USB HID support is missing on this computer (libusb-1.0)';
  return `USB devices cannot be listed: ${text}`;
}

export function createHidScanner(
  config: HidScannerConfig,
  context: DeviceContext,
  options: HidScannerOptions,
): ScannerDriver {
  const { backend } = options;
  const status = scannerStatusReporter(config, context);
  const assembler = new HidPosAssembler();
  let connection: HidConnection | undefined;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const lookLater = () => {
    if (closed) return;
    failures += 1;
    timer = setTimeout(() => void look(), reconnectDelay(failures, options.backoff ?? DEVICE_BACKOFF));
  };

  const onReport = (report: Buffer) => {
    const assembled = assembler.push(report);
    if (assembled.kind === 'ignored') context.log('HID scanner report ignored', { reason: assembled.reason });
    if (assembled.kind !== 'code') return;
    context.emitScan({
      deviceId: config.deviceId,
      source: 'hid',
      data: assembled.data,
      ...(assembled.symbology ? { symbology: assembled.symbology } : {}),
    });
  };

  const lost = (opened: HidConnection, error: Error) => {
    if (connection !== opened) return;
    connection = undefined;
    assembler.reset();
    context.log('HID scanner lost', { error: error.message });
    void opened.close().catch(() => undefined);
    status('disconnected', 'unplugged');
    lookLater();
  };

  async function look(): Promise<void> {
    timer = undefined;
    let device: (HidDeviceInfo & { path: string }) | undefined;
    try {
      device = (await backend.devices()).find((candidate) => matches(config, candidate));
    } catch (error) {
      if (closed) return;
      status('disconnected', listingProblem(error));
      lookLater();
      return;
    }
    if (closed) return;
    if (!device) {
      status('disconnected', 'not plugged in');
      lookLater();
      return;
    }
    let opened: HidConnection;
    try {
      opened = await backend.open(device.path);
    } catch (error) {
      if (closed) return;
      status(
        'disconnected',
        `cannot open the scanner: ${error instanceof Error ? error.message : String(error)}`,
      );
      lookLater();
      return;
    }
    if (closed) {
      await opened.close().catch(() => undefined);
      return;
    }
    connection = opened;
    failures = 0;
    opened.on('data', onReport);
    opened.on('error', (error) => lost(opened, error));
    if (config.enableHidPosMode) {
      await opened
        .sendFeatureReport(ENTER_HID_POS_MODE)
        .catch((error: unknown) =>
          context.log('HID POS mode feature report refused', { error: String(error) }),
        );
    }
    if (connection === opened) status('connected');
  }

  status('connecting');
  void look();

  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = connection;
      connection = undefined;
      await current?.close().catch(() => undefined);
    },
  };
}
