import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceStatus } from '../../src/core/bridge/device-status';
import { createCustomerDisplay } from '../display/create-display';
import { createPaymentTerminal } from '../payment/create-terminal';
import { createReceiptPrinter } from '../printer/create-printer';
import { createScanner } from '../scanners/create-scanner';
import { type DemoDevices, startDemoDevices } from '../simulators/demo-devices';
import { type DeviceConfig, deviceSetting, parseDeviceConfig, readDeviceConfigFile } from './device-config';
import type { DeviceContext } from './device-drivers';
import { createDeviceHost, type DeviceHost, DeviceRegistry } from './device-host';

export interface DeviceHostOptions {
  /** TILL_DEVICES: "none", "simulated" (the demo simulators, started here), or a path to a device configuration file. */
  readonly devices: string;
  /** Where drivers keep their files (payment journal, print queue). */
  readonly dataDir: string;
  readonly log?: DeviceContext['log'];
}

/**
 * Builds the device host from the till's device configuration: the single
 * entry point the agent and the Electron utility process share. Drivers
 * return at once and connect in the background; their status reaches the
 * till through the registry.
 */
export async function loadDeviceHost(options: DeviceHostOptions): Promise<DeviceHost> {
  const setting = deviceSetting(options.devices);
  let demo: DemoDevices | undefined;
  let config: DeviceConfig;
  if (setting.kind === 'none') config = parseDeviceConfig({});
  else if (setting.kind === 'file') config = readDeviceConfigFile(setting.path);
  else {
    demo = await startDemoDevices();
    config = parseDeviceConfig(demo.config, 'demo devices');
  }
  const host = createDeviceHostFromConfig(config, options);
  const closeHost = host.close;
  return {
    ...host,
    async close() {
      await closeHost();
      await demo?.close();
    },
  };
}

const notConfigured = (deviceId: string, kind: DeviceStatus['kind'], name: string): DeviceStatus => ({
  deviceId,
  kind,
  name,
  state: 'not-configured',
  simulated: false,
});

export function createDeviceHostFromConfig(
  config: DeviceConfig,
  options: Pick<DeviceHostOptions, 'dataDir' | 'log'>,
): DeviceHost {
  const registry = new DeviceRegistry();
  // Scans are host events; the host exists only once its drivers do.
  let host: DeviceHost | undefined;
  const log =
    options.log ??
    ((message: string, details?: Record<string, unknown>) =>
      process.stderr.write(`${JSON.stringify({ level: 'info', message, ...details })}\n`));
  const context = (folder: string): DeviceContext => {
    const dataDir = join(options.dataDir, folder);
    mkdirSync(dataDir, { recursive: true });
    return {
      reportStatus: (status: DeviceStatus) => registry.update(status),
      emitScan: (scan) => host?.emit('scan', scan),
      dataDir,
      log,
    };
  };
  // The devices a till sells with, when its configuration has none: shown
  // as such on the status bar until they are configured.
  if (!config.printer) registry.update(notConfigured('printer', 'printer', 'Receipt printer'));
  if (!config.terminal) registry.update(notConfigured('terminal', 'payment-terminal', 'Card terminal'));
  host = createDeviceHost(registry, {
    ...(config.printer ? { printer: createReceiptPrinter(config.printer, context('printer')) } : {}),
    ...(config.terminal ? { terminal: createPaymentTerminal(config.terminal, context('payment')) } : {}),
    ...(config.display ? { display: createCustomerDisplay(config.display, context('display')) } : {}),
    scanners: config.scanners.map((scanner) => createScanner(scanner, context('scanners'))),
  });
  return host;
}
