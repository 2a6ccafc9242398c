import { type BridgeError, hostUnreachable } from '../../src/core/bridge/bridge-error';
import {
  type BridgeEvent,
  type BridgeMethod,
  bridgeEvents,
  bridgeMethods,
  isBridgeEvent,
} from '../../src/core/bridge/bridge-methods';
import type { DeviceStatus } from '../../src/core/bridge/device-status';
import { type HostRequest, hostMessageSchema } from '../../src/core/bridge/host-process-protocol';
import { err, type Result } from '../../src/core/result';

/** What the supervisor needs of Electron's UtilityProcess (checked against it in main.ts). */
export interface HostChild {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(message: unknown): void;
  kill(): boolean;
}

export interface SupervisorTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface HostSupervisorOptions {
  /** Starts a new host process (utilityProcess.fork in main.ts). */
  readonly fork: () => HostChild;
  /** A validated bridge event for the window. */
  readonly onEvent: (event: BridgeEvent, payload: unknown) => void;
  readonly timers?: SupervisorTimers;
  /** First restart delay; doubles per failed start up to `maxBackoffMs`. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** A host that ran this long before exiting counts as healthy: back-off starts over. */
  readonly stableAfterMs?: number;
  /** A host not ready this long after its start is stuck (a driver hanging at open): it is killed and restarted. */
  readonly readyTimeoutMs?: number;
  readonly log?: (message: string) => void;
}

export interface HostSupervisor {
  /** Forwards one already validated call; resolves with a BridgeError while the host is down. */
  call(method: BridgeMethod, params: unknown): Promise<Result<unknown, BridgeError>>;
  /** True between the host's `ready` and its exit. */
  isUp(): boolean;
  /** Kills the host and stops restarting it (app quit). */
  stop(): void;
}

const realTimers: SupervisorTimers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Pending {
  readonly method: BridgeMethod;
  readonly resolve: (result: Result<unknown, BridgeError>) => void;
}

const RESTARTING = 'hardware service restarting';

/**
 * Keeps the hardware utility process running. While it is down every call
 * answers `host-unreachable` (retryable) at once, calls in flight when it
 * died get the same answer, and every device it had reported is shown as
 * disconnected until the new host says otherwise. Answers and events are
 * parsed against the bridge tables before they go anywhere.
 */
export function superviseHostProcess(options: HostSupervisorOptions): HostSupervisor {
  const timers = options.timers ?? realTimers;
  const initialBackoffMs = options.initialBackoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const log = options.log ?? ((message: string) => console.error(`device host: ${message}`));

  let child: HostChild | undefined;
  let up = false;
  let stopped = false;
  let startedAt = 0;
  let failedStarts = 0;
  let restartTimer: unknown;
  let readyTimer: unknown;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const devices = new Map<string, DeviceStatus>();

  function failPending(reason: string): void {
    for (const { resolve } of pending.values()) resolve(err(hostUnreachable(reason)));
    pending.clear();
  }

  function deviceStatus(status: DeviceStatus): void {
    devices.set(status.deviceId, status);
    options.onEvent('device-status', status);
  }

  function onMessage(from: HostChild, message: unknown): void {
    if (from !== child) return; // a late message from a host already replaced
    const parsed = hostMessageSchema.safeParse(message);
    if (!parsed.success) {
      log('dropped a message that does not follow the host protocol');
      return;
    }
    const data = parsed.data;
    if (data.type === 'ready') {
      timers.clearTimeout(readyTimer);
      up = true;
      for (const status of data.devices) deviceStatus(status);
      return;
    }
    if (data.type === 'event') {
      if (!isBridgeEvent(data.event)) return;
      const payload = bridgeEvents[data.event].safeParse(data.payload);
      if (!payload.success) {
        log(`dropped a malformed ${data.event} event`);
        return;
      }
      if (data.event === 'device-status') deviceStatus(payload.data as DeviceStatus);
      else options.onEvent(data.event, payload.data);
      return;
    }
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    if (!data.result.ok) {
      call.resolve(data.result);
      return;
    }
    const value = bridgeMethods[call.method].result.safeParse(data.result.value);
    call.resolve(
      value.success
        ? { ok: true, value: value.data }
        : err({
            code: 'bad-response',
            message: `${call.method}: the hardware host sent an answer this app does not understand`,
            retryable: false,
          }),
    );
  }

  function onExit(from: HostChild, code: number): void {
    if (from !== child) return;
    child = undefined;
    restartLater(code);
  }

  function restartLater(code: number): void {
    timers.clearTimeout(readyTimer);
    up = false;
    failPending(`the hardware service stopped (exit code ${code}) during the call; it is restarting`);
    for (const status of devices.values())
      deviceStatus({ ...status, state: 'disconnected', detail: RESTARTING });
    if (stopped) return;
    if (timers.now() - startedAt >= stableAfterMs) failedStarts = 0;
    const delay = Math.min(maxBackoffMs, initialBackoffMs * 2 ** failedStarts);
    failedStarts += 1;
    log(`exited with code ${code}; restarting in ${delay} ms`);
    restartTimer = timers.setTimeout(start, delay);
  }

  function start(): void {
    restartTimer = undefined;
    if (stopped) return;
    startedAt = timers.now();
    let started: HostChild;
    try {
      started = options.fork();
    } catch (error) {
      // fork throws only on bad arguments; treat it like an immediate exit.
      log(`could not start: ${error instanceof Error ? error.message : String(error)}`);
      child = undefined;
      restartLater(-1);
      return;
    }
    child = started;
    started.on('message', (message) => onMessage(started, message));
    started.on('exit', (code) => onExit(started, code));
    readyTimer = timers.setTimeout(() => {
      log(`not ready after ${readyTimeoutMs} ms; killing it`);
      started.kill();
    }, readyTimeoutMs);
  }

  start();

  return {
    call(method, params) {
      const target = child;
      if (!up || !target) return Promise.resolve(err(hostUnreachable('the hardware service is restarting')));
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { method, resolve });
        const request: HostRequest = { type: 'request', id, method, params };
        try {
          target.postMessage(request);
        } catch {
          pending.delete(id);
          resolve(err(hostUnreachable('the hardware service is not accepting calls')));
        }
      });
    },
    isUp: () => up,
    stop() {
      stopped = true;
      if (restartTimer !== undefined) timers.clearTimeout(restartTimer);
      timers.clearTimeout(readyTimer);
      const target = child;
      child = undefined;
      up = false;
      failPending('the app is closing');
      target?.kill();
    },
  };
}
