import type { DeviceContext } from '../../hardware/host/device-drivers';
import { createDeviceHost, type DeviceDrivers, DeviceRegistry } from '../../hardware/host/device-host';
import type { BridgeEvent, BridgeEventPayload, ScanEvent } from '../../src/core/bridge/bridge-methods';
import type { DeviceStatus } from '../../src/core/bridge/device-status';

// A device host wired as the agent wires it (drivers report into the
// registry, scans go out as bridge events), with every bridge event the
// renderer would receive recorded.

export interface RecordedEvent {
  readonly event: BridgeEvent;
  readonly payload: BridgeEventPayload<BridgeEvent>;
}

export async function waitUntil(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function hostWith(build: (context: DeviceContext) => DeviceDrivers) {
  const registry = new DeviceRegistry();
  const events: RecordedEvent[] = [];
  let emitScan: (scan: ScanEvent) => void = () => undefined;
  const logs: string[] = [];
  const context: DeviceContext = {
    reportStatus: (status) => registry.update(status),
    emitScan: (scan) => emitScan(scan),
    dataDir: '/nonexistent',
    log: (message) => logs.push(message),
  };
  // Subscribed before any driver exists, so the first 'connecting' is seen too.
  registry.onChange((status) => events.push({ event: 'device-status', payload: status }));
  const host = createDeviceHost(registry, build(context));
  emitScan = (scan) => host.emit('scan', scan);
  host.onEvent((event, payload) => {
    if (event !== 'device-status') events.push({ event, payload });
  });
  const statuses = (deviceId: string) =>
    events
      .filter((e) => e.event === 'device-status' && (e.payload as DeviceStatus).deviceId === deviceId)
      .map((e) => e.payload as DeviceStatus);
  const scans = () => events.filter((e) => e.event === 'scan').map((e) => e.payload as ScanEvent);
  return { host, registry, events, statuses, scans, logs };
}
