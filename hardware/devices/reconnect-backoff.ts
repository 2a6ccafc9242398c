// How long a device driver waits before trying its device again after
// `failures` failed attempts in a row: doubling from `baseMs` up to `maxMs`.
// Local devices come back within seconds (a cable pushed back in), so the
// ceiling is short; there is no jitter because nothing else competes for a
// till's own USB or serial port.

export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEVICE_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 5_000 };

export function reconnectDelay(failures: number, options: BackoffOptions = DEVICE_BACKOFF): number {
  if (failures <= 0) return 0;
  return Math.min(options.maxMs, options.baseMs * 2 ** Math.min(failures - 1, 20));
}
