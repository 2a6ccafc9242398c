import type { ChildProcess } from 'node:child_process';
import { type BackoffOptions, reconnectDelay } from '../../hardware/devices/reconnect-backoff';
import { type ServiceOptions, type ServiceProcess, startService } from './service-process';

// `npm start` keeps the demo up: when one of its services dies, it says
// which one and why (exit code or signal, and its last lines), and starts
// it again after 1 s, 2 s, 4 s … up to 30 s; the back-off starts over once
// a restarted service has stayed up for a minute. Stopping (Ctrl-C) cancels
// any pending restart and stops the service, even one still starting.

export const LAUNCHER_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 30_000 };

export interface SupervisedServiceOptions {
  readonly service: ServiceOptions;
  readonly backoff?: BackoffOptions;
  /** A service that ran this long is healthy again: the next failure waits the shortest delay. */
  readonly stableAfterMs?: number;
  /** How long a stop waits after SIGTERM before SIGKILL. */
  readonly stopGraceMs?: number;
  readonly log?: (line: string) => void;
  /** An exit that is the user's wish, not a failure (Electron's window closed): no restart. */
  readonly isFinalExit?: (code: number | null, signal: NodeJS.Signals | null) => boolean;
  readonly onFinalExit?: () => void;
  /** Each restarted process once it is ready (its URL may differ when its port is 0). */
  readonly onRestarted?: (service: ServiceProcess) => void;
  /** Injected in tests; startService by default. */
  readonly start?: (options: ServiceOptions) => Promise<ServiceProcess>;
}

export interface SupervisedService {
  /** The process serving now (the first one until a restart). */
  current(): ServiceProcess;
  /** Restarts so far. */
  restarts(): number;
  /** Cancels a pending restart and stops the running or starting process. Safe to call twice. */
  stop(): Promise<void>;
}

const LAST_LINES = 5;

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `killed by ${signal}`;
  return code === 0 ? 'exited with code 0 without being asked to stop' : `exited with code ${code}`;
}

/** Starts the service (rejecting if its first start fails) and keeps it running. */
export async function superviseService(options: SupervisedServiceOptions): Promise<SupervisedService> {
  const name = options.service.name;
  const backoff = options.backoff ?? LAUNCHER_BACKOFF;
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  const graceMs = options.stopGraceMs ?? 2_000;
  const log = options.log ?? ((line: string) => console.error(line));
  const start = options.start ?? startService;

  let stopped = false;
  let failures = 0;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;
  // The child being spawned, known before it is ready, so a stop never waits for a start.
  let starting: ChildProcess | undefined;
  let starts: Promise<unknown> = Promise.resolve();

  const launch = async (): Promise<ServiceProcess> => {
    const attempt = start({
      ...options.service,
      onSpawn: (child) => {
        starting = child;
        options.service.onSpawn?.(child);
      },
    });
    starts = attempt.catch(() => undefined);
    try {
      return await attempt;
    } finally {
      starting = undefined;
    }
  };

  const watch = (service: ServiceProcess) => {
    const startedAt = Date.now();
    service.child.once('exit', (code, signal) => {
      if (stopped) return;
      if (options.isFinalExit?.(code, signal)) {
        options.onFinalExit?.();
        return;
      }
      if (Date.now() - startedAt >= stableAfterMs) failures = 0;
      const last = service.output().split('\n').slice(-LAST_LINES).join('\n  ');
      log(
        `[start] ${name} died: ${describeExit(code, signal)}.${last.trim() ? ` Its last lines:\n  ${last}` : ''}`,
      );
      scheduleRestart();
    });
  };

  const scheduleRestart = () => {
    failures += 1;
    const delay = reconnectDelay(failures, backoff);
    log(`[start] restarting ${name} in ${delay} ms (failure ${failures} in a row)`);
    timer = setTimeout(() => {
      timer = undefined;
      void restart();
    }, delay);
  };

  const restart = async () => {
    if (stopped) return;
    try {
      const next = await launch();
      if (stopped) {
        await next.stop(graceMs);
        return;
      }
      restarts += 1;
      running = next;
      log(`[start] ${name} is running again (${next.url})`);
      watch(next);
      options.onRestarted?.(next);
    } catch (error) {
      if (stopped) return;
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      log(`[start] ${name} did not come back: ${why}`);
      scheduleRestart();
    }
  };

  let running = await launch();
  watch(running);

  return {
    current: () => running,
    restarts: () => restarts,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const child = starting;
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await starts;
        clearTimeout(kill);
      }
      await running.stop(graceMs);
    },
  };
}
