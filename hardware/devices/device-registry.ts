import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../../src/core/bridge/device-status';

/** The current status of every configured device, and a change event. */
export class DeviceRegistry {
  readonly #statuses = new Map<string, DeviceStatus>();
  readonly #events = new EventEmitter<{ change: [DeviceStatus] }>();

  constructor(initial: readonly DeviceStatus[] = []) {
    for (const status of initial) this.#statuses.set(status.deviceId, status);
  }

  list(): DeviceStatus[] {
    return [...this.#statuses.values()];
  }

  update(status: DeviceStatus): void {
    const previous = this.#statuses.get(status.deviceId);
    if (previous && previous.state === status.state && previous.detail === status.detail) return;
    this.#statuses.set(status.deviceId, status);
    this.#events.emit('change', status);
  }

  onChange(listener: (status: DeviceStatus) => void): () => void {
    this.#events.on('change', listener);
    return () => this.#events.off('change', listener);
  }
}
