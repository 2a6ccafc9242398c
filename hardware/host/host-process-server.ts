import { isBridgeEvent } from '../../src/core/bridge/bridge-methods';
import {
  type HostMessage,
  type HostResponse,
  hostRequestSchema,
} from '../../src/core/bridge/host-process-protocol';
import { serveBridgeCall } from './bridge-handlers';
import type { DeviceHost } from './device-host';

/**
 * The part of Electron's `process.parentPort` the host uses. Declared here
 * so hardware/ does not depend on Electron's types; electron/main checks at
 * compile time that Electron's ParentPort fits it (host-process-types.ts).
 */
export interface HostParentPort {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

export function isHostParentPort(value: unknown): value is HostParentPort {
  if (typeof value !== 'object' || value === null) return false;
  return (
    typeof Reflect.get(value, 'on') === 'function' && typeof Reflect.get(value, 'postMessage') === 'function'
  );
}

/**
 * Serves the device host to the main process: requests are parsed, run
 * through the same `serveBridgeCall` as the agent, and answered by id;
 * every host event is posted on. A message that is not a request is
 * dropped (it has no id to answer), and logged for the field engineer.
 */
export function serveHostOverPort(port: HostParentPort, host: DeviceHost): () => void {
  const post = (message: HostMessage) => port.postMessage(message);
  const unsubscribe = host.onEvent((event, payload) => {
    if (isBridgeEvent(event)) post({ type: 'event', event, payload });
  });
  port.on('message', ({ data }) => {
    const request = hostRequestSchema.safeParse(data);
    if (!request.success) {
      console.error('device host: dropped a message that is not a request');
      return;
    }
    const { id, method, params } = request.data;
    void serveBridgeCall(host.handlers, method, params).then((result) => {
      const response: HostResponse = { type: 'response', id, result };
      post(response);
    });
  });
  post({ type: 'ready', devices: host.registry.list() });
  return unsubscribe;
}
