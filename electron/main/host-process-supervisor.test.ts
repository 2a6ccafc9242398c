import { describe, expect, it } from 'vitest';
import type { PaymentTerminal } from '../../hardware/host/device-drivers';
import { createDeviceHost, DeviceRegistry } from '../../hardware/host/device-host';
import { serveHostOverPort } from '../../hardware/host/host-process-server';
import { type InMemoryHostChild, inMemoryHostChannel } from '../../hardware/host/in-memory-host-channel';
import type { DeviceStatus } from '../../src/core/bridge/device-status';
import { ok } from '../../src/core/result';
import { superviseHostProcess } from './host-process-supervisor';

// The real supervisor drives the real host server; only the utility process
// itself (Electron's fork) is replaced by an in-memory channel.

const printer: DeviceStatus = {
  deviceId: 'printer',
  kind: 'printer',
  name: 'Receipt printer',
  state: 'connected',
  simulated: true,
};

function manualTimers() {
  let now = 0;
  let handles = 0;
  const scheduled = new Map<number, { at: number; run: () => void; ms: number }>();
  return {
    delays: [] as number[],
    now: () => now,
    setTimeout(run: () => void, ms: number) {
      this.delays.push(ms);
      scheduled.set(++handles, { at: now + ms, run, ms });
      return handles;
    },
    clearTimeout(handle: unknown) {
      scheduled.delete(handle as number);
    },
    pending: () => scheduled.size,
    advance(ms: number) {
      now += ms;
      for (const [handle, timer] of [...scheduled]) {
        if (timer.at > now) continue;
        scheduled.delete(handle);
        timer.run();
      }
    },
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await settle();
  if (!condition()) throw new Error('condition never became true');
}

/** A terminal whose payment never ends: a call still in flight when the host dies. */
const hangingTerminal: PaymentTerminal = {
  start: () => new Promise(() => undefined),
  abort: async () => ok({ done: true }),
  recover: async (paymentId) => ok({ status: 'not-started', paymentId }),
  resolve: async ({ paymentId }) => ok({ status: 'not-started', paymentId }),
  close: async () => undefined,
};

const READY_TIMEOUT = 45_000;
/** The back-off delays scheduled, without the ready timeouts. */
const restartDelays = (delays: number[]) => delays.filter((ms) => ms !== READY_TIMEOUT);

/** `stuckStarts`: how many first hosts never get ready (a driver hanging at open). */
function harness(stuckStarts = 0) {
  const registry = new DeviceRegistry([printer]);
  const children: InMemoryHostChild[] = [];
  const events: Array<[string, unknown]> = [];
  const logs: string[] = [];
  const timers = manualTimers();
  const supervisor = superviseHostProcess({
    fork() {
      const { port, child } = inMemoryHostChannel();
      if (children.length >= stuckStarts)
        serveHostOverPort(port, createDeviceHost(registry, { terminal: hangingTerminal }));
      children.push(child);
      return child;
    },
    onEvent: (event, payload) => events.push([event, payload]),
    timers,
    readyTimeoutMs: READY_TIMEOUT,
    log: (message) => logs.push(message),
  });
  const current = () => children.at(-1) as InMemoryHostChild;
  return { supervisor, registry, children, current, events, logs, timers };
}

describe('hardware host supervisor', () => {
  it('forwards calls to the host once it is ready, and passes its events on', async () => {
    const { supervisor, registry, events } = harness();
    await until(supervisor.isUp);
    expect(events).toEqual([['device-status', printer]]);
    expect(await supervisor.call('devices.status', {})).toEqual(ok([printer]));
    registry.update({ ...printer, state: 'degraded', detail: 'paper near end' });
    await until(() => events.length === 2);
    expect(events[1]).toEqual(['device-status', { ...printer, state: 'degraded', detail: 'paper near end' }]);
  });

  it('answers host-unreachable before the host is ready', async () => {
    const { supervisor } = harness();
    expect(await supervisor.call('devices.status', {})).toMatchObject({
      ok: false,
      error: { code: 'host-unreachable', retryable: true },
    });
  });

  it('fails calls in flight when the host dies, shows its devices disconnected, and restarts it', async () => {
    const { supervisor, current, children, events, timers } = harness();
    await until(supervisor.isUp);
    const payment = supervisor.call('payment.start', {
      paymentId: 'pay-1',
      kind: 'payment',
      amountMinor: 1250,
      currency: 'EUR',
    });
    await settle();
    current().exit(134);
    expect(await payment).toMatchObject({ ok: false, error: { code: 'host-unreachable', retryable: true } });
    expect(events.at(-1)).toEqual([
      'device-status',
      { ...printer, state: 'disconnected', detail: 'hardware service restarting' },
    ]);
    expect(supervisor.isUp()).toBe(false);
    expect(await supervisor.call('devices.status', {})).toMatchObject({
      error: { code: 'host-unreachable' },
    });

    timers.advance(500);
    expect(children).toHaveLength(2);
    await until(supervisor.isUp);
    expect(events.at(-1)).toEqual(['device-status', printer]);
    expect(await supervisor.call('devices.status', {})).toEqual(ok([printer]));
  });

  it('backs off exponentially while the host keeps dying, and starts over after a stable run', async () => {
    const { supervisor, current, timers } = harness();
    for (let i = 0; i < 8; i++) {
      await until(supervisor.isUp);
      current().exit(1);
      await until(() => timers.pending() === 1);
      timers.advance(restartDelays(timers.delays).at(-1) ?? 0);
    }
    expect(restartDelays(timers.delays)).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);

    await until(supervisor.isUp);
    timers.advance(60_000);
    current().exit(1);
    await until(() => timers.pending() === 1);
    expect(restartDelays(timers.delays).at(-1)).toBe(500);
  });

  it('kills and restarts a host that never gets ready', async () => {
    const { supervisor, children, timers, logs } = harness(1);
    await settle();
    expect(supervisor.isUp()).toBe(false);
    timers.advance(READY_TIMEOUT);
    await until(() => timers.pending() === 1);
    expect(logs[0]).toBe(`not ready after ${READY_TIMEOUT} ms; killing it`);
    timers.advance(500);
    await until(supervisor.isUp);
    expect(children).toHaveLength(2);
  });

  it('refuses answers and events that do not match the bridge schemas', async () => {
    const { supervisor, current, events, logs } = harness();
    await until(supervisor.isUp);
    current().postFromHost({ type: 'event', event: 'scan', payload: { deviceId: 'x', data: '' } });
    current().postFromHost({ type: 'hello' });
    current().postFromHost({
      type: 'event',
      event: 'device-status',
      payload: { ...printer, state: 'on fire' },
    });
    await until(() => logs.length === 3);
    expect(events).toEqual([['device-status', printer]]);
    expect(logs).toEqual([
      'dropped a malformed scan event',
      'dropped a message that does not follow the host protocol',
      'dropped a malformed device-status event',
    ]);
  });

  it('turns an answer of the wrong shape into bad-response', async () => {
    const { supervisor, current } = harness();
    await until(supervisor.isUp);
    const child = current();
    // Intercept the request and answer it as a host of another build would.
    const sent: unknown[] = [];
    const realPost = child.postMessage.bind(child);
    child.postMessage = (message) => sent.push(message);
    const answer = supervisor.call('drawer.open', {});
    const request = sent[0] as { id: number };
    child.postFromHost({ type: 'response', id: request.id, result: { ok: true, value: { opened: 'yes' } } });
    expect(await answer).toMatchObject({ ok: false, error: { code: 'bad-response' } });
    child.postMessage = realPost;
  });

  it('stops for good: the host is killed and never restarted', async () => {
    const { supervisor, children, timers } = harness();
    await until(supervisor.isUp);
    supervisor.stop();
    await settle();
    expect(supervisor.isUp()).toBe(false);
    expect(timers.pending()).toBe(0);
    expect(children).toHaveLength(1);
    expect(await supervisor.call('devices.status', {})).toMatchObject({
      error: { code: 'host-unreachable' },
    });
  });
});
