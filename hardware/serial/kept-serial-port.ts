import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import type { BridgeError } from '../../src/core/bridge/bridge-error';
import { err, ok, type Result } from '../../src/core/result';
import { type BackoffOptions, DEVICE_BACKOFF, reconnectDelay } from '../devices/reconnect-backoff';
import { listSerialPorts } from './list-serial-ports';

// A serial device the till expects to stay plugged in: opened by path (USB
// adapters and ptys alike), reopened with back-off after it disappears or
// fails to open, until close(). The owner hears about every change of state
// and gets every chunk of data read; nothing here throws.

export type SerialLinkState =
  | { readonly state: 'connected' }
  | { readonly state: 'disconnected'; readonly detail: string };

export interface KeptSerialPortOptions {
  readonly path: string;
  readonly baudRate: number;
  readonly backoff?: BackoffOptions;
  /** Every (re)connection and loss; a failed reopen is reported once per new reason. */
  readonly onState: (state: SerialLinkState) => void;
  readonly onData?: (chunk: Buffer) => void;
  readonly log: (message: string, details?: Record<string, unknown>) => void;
  /** How often an open port's device node is checked for (POSIX paths only); default 1 s. */
  readonly presenceCheckMs?: number;
}

export interface KeptSerialPort {
  readonly isOpen: boolean;
  /** Writes and waits until the bytes left for the device. */
  write(bytes: Uint8Array): Promise<Result<void, BridgeError>>;
  close(): Promise<void>;
}

/** Cashier-readable reason an open failed. */
function openFailure(path: string, error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || /ENOENT|No such file/.test(error.message))
    return `not found at ${path} (unplugged?)`;
  if (code === 'EACCES' || /EACCES|Permission denied/.test(error.message))
    return `no permission to open ${path}`;
  if (/EBUSY|Resource busy|Cannot lock/.test(error.message)) return `${path} is in use by another program`;
  return `cannot open ${path}: ${error.message}`.slice(0, 200);
}

export function keepSerialPortOpen(options: KeptSerialPortOptions): KeptSerialPort {
  const { path, baudRate, onState, log } = options;
  let port: SerialPort | undefined;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let lastDetail: string | undefined;

  const disconnected = (detail: string) => {
    if (detail === lastDetail) return;
    lastDetail = detail;
    onState({ state: 'disconnected', detail });
    // For whoever sets the till up: which ports this computer does have (a
    // failing listing is only logged; ptys are never listed).
    if (detail.startsWith('not found'))
      void listSerialPorts(log).then(({ ports }) =>
        log('serial ports present', { wanted: path, present: ports.map((port) => port.path) }),
      );
  };

  const retryLater = () => {
    if (closed) return;
    failures += 1;
    timer = setTimeout(attempt, reconnectDelay(failures, options.backoff ?? DEVICE_BACKOFF));
  };

  function attempt(): void {
    timer = undefined;
    if (closed) return;
    const candidate = new SerialPort({ path, baudRate, autoOpen: false });
    // Errors after open (a write to a vanished device) arrive here; the
    // 'close' that follows a disconnect drives the reconnection.
    candidate.on('error', (error) => log('serial port error', { path, error: error.message }));
    candidate.open((error) => {
      if (closed) {
        if (!error) candidate.close();
        return;
      }
      if (error) {
        disconnected(openFailure(path, error));
        retryLater();
        return;
      }
      failures = 0;
      lastDetail = undefined;
      port = candidate;
      candidate.on('data', (chunk: Buffer) => options.onData?.(chunk));
      candidate.on('close', () => {
        if (port !== candidate) return;
        port = undefined;
        if (closed) return;
        log('serial device gone', { path });
        disconnected('unplugged');
        retryLater();
      });
      onState({ state: 'connected' });
    });
  }

  // An unplugged USB adapter's node vanishes from /dev. serialport usually
  // notices through a failed read and closes the port, but that depends on
  // the poller waking on the hang-up; one CI run waited 15 s for a 'close'
  // that did not come. So the open port's path is also checked: gone means
  // unplugged, whatever the poller says. (Windows COM names are not files.)
  const presence =
    path.startsWith('/') &&
    setInterval(() => {
      const current = port;
      if (!current || closed || existsSync(path)) return;
      port = undefined;
      log('serial device path vanished', { path });
      disconnected('unplugged');
      if (current.isOpen) current.close(() => undefined);
      retryLater();
    }, options.presenceCheckMs ?? 1_000);
  if (presence) presence.unref();

  attempt();

  return {
    get isOpen() {
      return port?.isOpen === true;
    },
    write(bytes) {
      const current = port;
      if (!current?.isOpen)
        return Promise.resolve(
          err({ code: 'device-disconnected', message: lastDetail ?? `${path} is not open`, retryable: true }),
        );
      return new Promise((resolve) => {
        current.write(Buffer.from(bytes), (error) => {
          if (error) {
            resolve(err({ code: 'device-write-failed', message: error.message, retryable: true }));
            return;
          }
          current.drain((drainError) =>
            resolve(
              drainError
                ? err({ code: 'device-write-failed', message: drainError.message, retryable: true })
                : ok(undefined),
            ),
          );
        });
      });
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (presence) clearInterval(presence);
      const current = port;
      port = undefined;
      if (current?.isOpen) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
  };
}
