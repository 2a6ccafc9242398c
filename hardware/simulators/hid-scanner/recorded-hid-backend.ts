import { EventEmitter } from 'node:events';
import type { HidBackend, HidConnection, HidDeviceInfo } from '../../scanners/hid/hid-backend';
import { HID_POS_SCANNER_USAGE, HID_POS_USAGE_PAGE } from '../../scanners/hid/hid-pos-report';
import { type RecordedCode, reportBuffers } from './recorded-hid-reports';

// The HID POS scanner simulator: a stand-in for node-hid at the outermost
// boundary (HID devices cannot be created here), playing recorded report
// buffers into the driver, and pulling the device out and back in the way
// node-hid shows it (an 'error' event, then absence from the listing).

export const SIMULATED_HID_SCANNER = {
  vendorId: 0x0c2e,
  productId: 0x0b61,
  posPath: '/dev/hidraw7',
  keyboardPath: '/dev/hidraw6',
} as const;

class RecordedConnection extends EventEmitter implements HidConnection {
  closed = false;
  constructor(readonly featureReports: number[][]) {
    super();
  }
  async sendFeatureReport(data: number[]): Promise<number> {
    this.featureReports.push([...data]);
    return data.length;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

export class RecordedHidBackend implements HidBackend {
  #plugged = true;
  #listingError: Error | undefined;
  #open: RecordedConnection | undefined;
  /** Every feature report the driver sent, in order. */
  readonly featureReports: number[][] = [];

  async devices(): Promise<HidDeviceInfo[]> {
    if (this.#listingError) throw this.#listingError;
    if (!this.#plugged) return [];
    const { vendorId, productId } = SIMULATED_HID_SCANNER;
    return [
      // The keyboard interface comes first, as on real scanners: it must be skipped.
      { vendorId, productId, path: SIMULATED_HID_SCANNER.keyboardPath, usagePage: 0x01, usage: 0x06 },
      {
        vendorId,
        productId,
        path: SIMULATED_HID_SCANNER.posPath,
        usagePage: HID_POS_USAGE_PAGE,
        usage: HID_POS_SCANNER_USAGE,
        product: 'Simulated HID POS scanner',
      },
    ];
  }

  async open(path: string): Promise<HidConnection> {
    if (!this.#plugged || path !== SIMULATED_HID_SCANNER.posPath)
      throw new Error(`cannot open device with path ${path}`);
    this.#open = new RecordedConnection(this.featureReports);
    return this.#open;
  }

  /** True while the driver holds the device open. */
  get isOpen(): boolean {
    return this.#open !== undefined && !this.#open.closed;
  }

  /** Plays one recorded code (or raw reports) into the open device; false if nobody listens. */
  scan(code: RecordedCode | readonly Buffer[]): boolean {
    const device = this.#open;
    if (!device || device.closed) return false;
    for (const report of typeof code === 'string' ? reportBuffers(code) : code) device.emit('data', report);
    return true;
  }

  unplug(): void {
    this.#plugged = false;
    // node-hid's read thread fails and emits this when the device goes away.
    this.#open?.emit('error', new Error('could not read from HID device'));
    this.#open = undefined;
  }

  replug(): void {
    this.#plugged = true;
  }

  /** Makes devices() fail as node-hid does without libusb, or fixes it again. */
  failListing(error: Error | undefined): void {
    this.#listingError = error;
  }
}
