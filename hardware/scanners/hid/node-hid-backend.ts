import type { HidBackend, HidConnection } from './hid-backend';

// The real HID backend. node-hid is loaded on first use, inside the promise,
// so a missing native library (libusb-1.0.so.0 -> ERR_DLOPEN_FAILED) turns
// into a rejected call the driver reports, never a crash at start-up.

type NodeHid = typeof import('node-hid');

let loaded: Promise<NodeHid> | undefined;
const nodeHid = (): Promise<NodeHid> => {
  loaded ??= import('node-hid');
  return loaded;
};

export const nodeHidBackend: HidBackend = {
  async devices() {
    const hid = await nodeHid();
    return hid.devicesAsync();
  },
  async open(path) {
    const hid = await nodeHid();
    const device = await hid.HIDAsync.open(path);
    const connection: HidConnection = {
      on: (event: 'data' | 'error', listener: (value: Buffer & Error) => void) => device.on(event, listener),
      sendFeatureReport: (data) => device.sendFeatureReport(data),
      close: () => device.close(),
    };
    return connection;
  },
};
