import { afterEach, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../../src/core/bridge/bridge-methods';
import type { DeviceStatus } from '../../../src/core/bridge/device-status';
import type { DeviceContext } from '../../host/device-drivers';
import { createDeviceHost, DeviceRegistry } from '../../host/device-host';
import { RecordedHidBackend, SIMULATED_HID_SCANNER } from '../../simulators/hid-scanner/recorded-hid-backend';
import { reportBuffers } from '../../simulators/hid-scanner/recorded-hid-reports';
import { createScanner } from '../create-scanner';

// The HID POS driver behind the device host, fed recorded report buffers at
// the node-hid boundary (the only stand-in: no HID device can exist here).
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function waitUntil(check: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function hidScannerOnHost(
  backend: RecordedHidBackend,
  config: { path?: string; enableHidPosMode?: boolean } = {},
) {
  const registry = new DeviceRegistry();
  const statuses: DeviceStatus[] = [];
  registry.onChange((status) => statuses.push(status));
  const scans: ScanEvent[] = [];
  let emitScan: (scan: ScanEvent) => void = () => undefined;
  const context: DeviceContext = {
    reportStatus: (status) => registry.update(status),
    emitScan: (scan) => emitScan(scan),
    dataDir: '/nonexistent',
    log: () => undefined,
  };
  const scanner = createScanner(
    {
      type: 'hid',
      deviceId: 'scanner-hid',
      name: 'Handheld scanner',
      simulated: true,
      vendorId: SIMULATED_HID_SCANNER.vendorId,
      productId: SIMULATED_HID_SCANNER.productId,
      ...config,
    },
    context,
    { hidBackend: backend, backoff: { baseMs: 10, maxMs: 50 } },
  );
  const host = createDeviceHost(registry, { scanners: [scanner] });
  emitScan = (scan) => host.emit('scan', scan);
  host.onEvent((event, payload) => {
    if (event === 'scan') scans.push(payload as ScanEvent);
  });
  closers.push(() => host.close());
  const state = () => registry.list()[0]?.state;
  return { host, statuses, scans, state, registry };
}

describe('HID POS scanner driver', () => {
  it('opens the POS interface, switches the scanner to HID POS mode and emits whole codes', async () => {
    const backend = new RecordedHidBackend();
    const { scans, state, statuses } = hidScannerOnHost(backend);
    await waitUntil(() => state() === 'connected', 'connected');
    expect(statuses[0]).toMatchObject({ state: 'connecting', kind: 'scanner', name: 'Handheld scanner' });
    expect(backend.featureReports).toEqual([[0xfe, 0x01]]);

    expect(backend.scan('ean13')).toBe(true);
    expect(backend.scan('gs1DataMatrix')).toBe(true);
    expect(scans).toHaveLength(2);
    expect(scans[0]).toEqual({
      deviceId: 'scanner-hid',
      source: 'hid',
      data: '3017620422003',
      symbology: ']E0',
    });
    expect(scans[1]).toMatchObject({ source: 'hid', symbology: ']d2' });
    const parts = scans[1]?.data.split('\u001d') ?? [];
    expect(parts).toHaveLength(5);
    expect(parts[0]?.startsWith('0103760123456784')).toBe(true);
    expect(parts[1]).toBe('21SN7Q4Z0000123456789X');
    expect(parts[4]).toBe('39220549');
  });

  it('does not send the Honeywell feature report when told not to', async () => {
    const backend = new RecordedHidBackend();
    const { state } = hidScannerOnHost(backend, { enableHidPosMode: false });
    await waitUntil(() => state() === 'connected', 'connected');
    expect(backend.featureReports).toEqual([]);
  });

  it('reports an unplugged scanner and reads again once it is plugged back', async () => {
    const backend = new RecordedHidBackend();
    const { scans, state, statuses } = hidScannerOnHost(backend);
    await waitUntil(() => state() === 'connected', 'connected');
    // Only the first report of the DataMatrix: a code cut short by the unplug.
    backend.scan(reportBuffers('gs1DataMatrix').slice(0, 1));

    backend.unplug();
    await waitUntil(() => state() === 'disconnected', 'disconnected');
    expect(statuses.at(-1)).toMatchObject({ state: 'disconnected', detail: 'unplugged' });
    expect(backend.scan('ean13')).toBe(false);

    backend.replug();
    await waitUntil(() => state() === 'connected', 'reconnected');
    // The first half of the DataMatrix read before unplugging must not stick to the next code.
    backend.scan('ean8');
    expect(scans.map((scan) => scan.data)).toEqual(['96385074']);
    expect(statuses.map((s) => s.state).slice(-3)).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('turns a failing device listing (no libusb) into a status, then recovers', async () => {
    const backend = new RecordedHidBackend();
    const missing = Object.assign(new Error('libusb-1.0.so.0: cannot open shared object file'), {
      code: 'ERR_DLOPEN_FAILED',
    });
    backend.failListing(missing);
    const { state, registry } = hidScannerOnHost(backend);
    await waitUntil(() => state() === 'disconnected', 'listing failure reported');
    expect(registry.list()[0]?.detail).toBe('USB HID support is missing on this computer (libusb-1.0)');
    backend.failListing(undefined);
    await waitUntil(() => state() === 'connected', 'connected after the listing works');
  });

  it('waits for a scanner that is not plugged in, and for a pinned path only', async () => {
    const backend = new RecordedHidBackend();
    backend.unplug();
    const { state, registry } = hidScannerOnHost(backend, { path: SIMULATED_HID_SCANNER.posPath });
    await waitUntil(() => state() === 'disconnected', 'absent');
    expect(registry.list()[0]?.detail).toBe('not plugged in');
    backend.replug();
    await waitUntil(() => state() === 'connected', 'plugged in');

    const keyboardOnly = new RecordedHidBackend();
    const pinned = hidScannerOnHost(keyboardOnly, { path: '/dev/hidraw-elsewhere' });
    await waitUntil(() => pinned.state() === 'disconnected', 'pinned path absent');
    expect(keyboardOnly.isOpen).toBe(false);
  });
});
