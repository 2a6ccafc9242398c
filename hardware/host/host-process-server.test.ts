import { describe, expect, it } from 'vitest';
import { type HostMessage, hostMessageSchema } from '../../src/core/bridge/host-process-protocol';
import { createDeviceHost, DeviceRegistry } from './device-host';
import { serveHostOverPort } from './host-process-server';
import { inMemoryHostChannel } from './in-memory-host-channel';

const printer = {
  deviceId: 'printer',
  kind: 'printer',
  name: 'Receipt printer',
  state: 'connected',
  simulated: true,
} as const;

function served() {
  const registry = new DeviceRegistry([printer]);
  const host = createDeviceHost(registry);
  const { port, child } = inMemoryHostChannel();
  const received: HostMessage[] = [];
  const waiters: Array<() => void> = [];
  child.on('message', (message) => {
    // Every message the host posts must follow the protocol.
    received.push(hostMessageSchema.parse(message));
    for (const wake of waiters.splice(0)) wake();
  });
  serveHostOverPort(port, host);
  const next = async (predicate: (m: HostMessage) => boolean): Promise<HostMessage> => {
    for (;;) {
      const found = received.find(predicate);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { host, registry, child, received, next };
}

describe('device host over the parent port', () => {
  it('announces itself ready with its devices', async () => {
    const { next } = served();
    expect(await next((m) => m.type === 'ready')).toEqual({ type: 'ready', devices: [printer] });
  });

  it('answers each request by its id through the shared bridge handlers', async () => {
    const { child, next } = served();
    child.postMessage({ type: 'request', id: 7, method: 'devices.status', params: {} });
    child.postMessage({ type: 'request', id: 8, method: 'drawer.open', params: {} });
    expect(await next((m) => m.type === 'response' && m.id === 7)).toEqual({
      type: 'response',
      id: 7,
      result: { ok: true, value: [printer] },
    });
    const drawer = await next((m) => m.type === 'response' && m.id === 8);
    expect(drawer).toMatchObject({ result: { ok: false, error: { code: 'device-not-configured' } } });
  });

  it('refuses unknown methods and bad params with a typed error', async () => {
    const { child, next } = served();
    child.postMessage({ type: 'request', id: 1, method: 'shell.exec', params: {} });
    child.postMessage({
      type: 'request',
      id: 2,
      method: 'display.show',
      params: { upper: 'x'.repeat(21), lower: '' },
    });
    expect(await next((m) => m.type === 'response' && m.id === 1)).toMatchObject({
      result: { ok: false, error: { code: 'unknown-method', retryable: false } },
    });
    expect(await next((m) => m.type === 'response' && m.id === 2)).toMatchObject({
      result: { ok: false, error: { code: 'bad-request', retryable: false } },
    });
  });

  it('drops messages that are not requests, and keeps serving', async () => {
    const { child, next, received } = served();
    child.postMessage({ type: 'request', id: 'one', method: 'devices.status', params: {} });
    child.postMessage('rm -rf /');
    child.postMessage({ type: 'request', id: 3, method: 'devices.status', params: {} });
    await next((m) => m.type === 'response' && m.id === 3);
    expect(received.filter((m) => m.type === 'response')).toHaveLength(1);
  });

  it('posts device status changes and scans as events', async () => {
    const { registry, host, next } = served();
    await next((m) => m.type === 'ready');
    registry.update({ ...printer, state: 'degraded', detail: 'paper near end' });
    host.emit('scan', { deviceId: 'scanner', source: 'hid', data: '4006381333931' });
    expect(await next((m) => m.type === 'event' && m.event === 'device-status')).toEqual({
      type: 'event',
      event: 'device-status',
      payload: { ...printer, state: 'degraded', detail: 'paper near end' },
    });
    expect(await next((m) => m.type === 'event' && m.event === 'scan')).toMatchObject({
      payload: { data: '4006381333931' },
    });
  });
});
