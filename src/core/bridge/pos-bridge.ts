import type { Result } from '../result';
import type { BridgeError } from './bridge-error';
import type { DeviceStatus } from './device-status';

/**
 * The one way renderer code reaches store hardware. The Electron preload
 * (`window.pos`) and the browser-mode agent client both implement it, so the
 * screens never know which host they run in. Every call resolves: failures
 * are `BridgeError` values, never thrown.
 */
export interface PosBridge {
  readonly host: 'electron' | 'agent';
  /** The current status of every configured device. */
  deviceStatuses(): Promise<Result<DeviceStatus[], BridgeError>>;
  /** Called on every status change; returns the unsubscribe function. */
  onDeviceStatus(listener: (status: DeviceStatus) => void): () => void;
  /** Whether the host itself answers (the agent may be down; Electron's main always answers). */
  onHostConnection(listener: (connected: boolean) => void): () => void;
}
