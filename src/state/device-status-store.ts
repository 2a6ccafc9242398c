import { createStore } from 'zustand/vanilla';
import type { DeviceStatus } from '../core/bridge/device-status';

export interface DeviceStatusState {
  /** undefined: no hardware host configured; false: the host does not answer. */
  readonly hostConnected: boolean | undefined;
  readonly devices: Readonly<Record<string, DeviceStatus>>;
}

export const createDeviceStatusStore = () =>
  createStore<DeviceStatusState>()(() => ({ hostConnected: undefined, devices: {} }));

export type DeviceStatusStore = ReturnType<typeof createDeviceStatusStore>;
