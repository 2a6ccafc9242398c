import { configuredDevices } from '../agent/configured-devices';
import { createDeviceHost, type DeviceHost, DeviceRegistry } from './device-host';

export interface DeviceHostOptions {
  /** TILL_DEVICES: "simulated", "none", or a path to a device configuration file. */
  readonly devices: string;
  /** Where drivers keep their files (payment journal, print queue). */
  readonly dataDir: string;
}

/**
 * Builds the device host from the till's device configuration: the single
 * entry point the agent and the Electron utility process share.
 */
export async function loadDeviceHost(options: DeviceHostOptions): Promise<DeviceHost> {
  return createDeviceHost(new DeviceRegistry(configuredDevices(options.devices)));
}
