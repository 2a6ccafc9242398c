// The node-hid boundary, narrowed to what the HID POS scanner driver uses,
// so tests can stand in recorded report buffers for a real device (no HID
// device can be created on a machine without /dev/uhid).

export interface HidDeviceInfo {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string | undefined;
  readonly usagePage?: number | undefined;
  readonly usage?: number | undefined;
  readonly product?: string | undefined;
}

export interface HidConnection {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  /** node-hid's only sign that the device was unplugged. */
  on(event: 'error', listener: (error: Error) => void): unknown;
  sendFeatureReport(data: number[]): Promise<number>;
  close(): Promise<void>;
}

export interface HidBackend {
  /** May reject, e.g. ERR_DLOPEN_FAILED when libusb is missing. */
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidConnection>;
}
