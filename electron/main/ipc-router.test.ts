import { describe, expect, it } from 'vitest';
import { bridgeMethods } from '../../src/core/bridge/bridge-methods';
import { ok } from '../../src/core/result';
import {
  BRIDGE_EVENT_CHANNEL,
  type InvokeEvent,
  type IpcMainLike,
  isTrustedSender,
  registerBridgeChannels,
  type SenderFrame,
  sendBridgeEvent,
} from './ipc-router';

// ipcMain is the one faked object: a map of the handlers registered on it.
function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const invoke = (channel: string, event: InvokeEvent, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };
  return { ipcMain, handlers, invoke };
}

const top = (url: string): SenderFrame => ({ url, parent: null });
const ours: InvokeEvent = { senderFrame: top('app://till/cashier') };

describe('bridge IPC channels', () => {
  it('registers one pos:<method> channel per bridge method, and removes them all', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const remove = registerBridgeChannels(ipcMain, async () => ok(null));
    expect([...handlers.keys()].sort()).toEqual(
      Object.keys(bridgeMethods)
        .map((m) => `pos:${m}`)
        .sort(),
    );
    remove();
    expect(handlers.size).toBe(0);
  });

  it('forwards a valid call from our page with the parsed params', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const forwarded: unknown[] = [];
    registerBridgeChannels(ipcMain, async (method, params) => {
      forwarded.push([method, params]);
      return ok({ done: true });
    });
    const lines = { upper: 'Yogurt 3 for 2', lower: 'Total 4.20' };
    expect(await invoke('pos:display.show', ours, lines)).toEqual(ok({ done: true }));
    expect(forwarded).toEqual([['display.show', lines]]);
  });

  it.each([
    ['another origin', { senderFrame: top('https://evil.example/') }],
    ['another app:// host', { senderFrame: top('app://other/cashier') }],
    ['an iframe of our page', { senderFrame: { url: 'app://till/x', parent: top('app://till/cashier') } }],
    ['a destroyed frame', { senderFrame: null }],
    ['a file:// page', { senderFrame: top('file:///tmp/index.html') }],
  ])('refuses %s before anything is forwarded', async (_name, event: InvokeEvent) => {
    const { ipcMain, invoke } = fakeIpcMain();
    let forwarded = 0;
    registerBridgeChannels(ipcMain, async () => {
      forwarded += 1;
      return ok(null);
    });
    expect(await invoke('pos:drawer.open', event, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden', retryable: false },
    });
    expect(forwarded).toBe(0);
  });

  it.each([
    ['pos:display.show', { upper: 'a line far longer than twenty', lower: '' }],
    ['pos:display.show', { upper: 'ok', lower: 'ok', extra: 1 }],
    ['pos:payment.start', { paymentId: 'p1', kind: 'payment', amountMinor: -5, currency: 'EUR' }],
    ['pos:payment.abort', { paymentId: 'bad id with spaces' }],
    ['pos:devices.status', undefined],
  ])('refuses bad params on %s before anything is forwarded', async (channel, params) => {
    const { ipcMain, invoke } = fakeIpcMain();
    let forwarded = 0;
    registerBridgeChannels(ipcMain, async () => {
      forwarded += 1;
      return ok(null);
    });
    expect(await invoke(channel, ours, params)).toMatchObject({
      ok: false,
      error: { code: 'bad-request', retryable: false },
    });
    expect(forwarded).toBe(0);
  });

  it('accepts only the top frame of app://till', () => {
    expect(isTrustedSender(ours)).toBe(true);
    expect(isTrustedSender({ senderFrame: top('app://till/kiosk?step=pay') })).toBe(true);
    expect(isTrustedSender({ senderFrame: top('app://till.evil/kiosk') })).toBe(false);
  });

  it('sends events on pos:event to a live window only', () => {
    const sent: unknown[][] = [];
    const window = {
      destroyed: false,
      isDestroyed: () => window.destroyed,
      send: (...args: unknown[]) => sent.push(args),
    };
    const scan = { deviceId: 'scanner', source: 'hid', data: '4006381333931' };
    sendBridgeEvent(window, 'scan', scan);
    window.destroyed = true;
    sendBridgeEvent(window, 'scan', scan);
    sendBridgeEvent(undefined, 'scan', scan);
    expect(sent).toEqual([[BRIDGE_EVENT_CHANNEL, 'scan', scan]]);
  });
});
