// Retry delay after `failures` consecutive failures: exponential from 1 s to
// 60 s with "full jitter", so a store's tills do not all retry at once when
// the link comes back. `random` is in [0, 1) and comes from the caller.
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;

export function backoffDelay(failures: number, random: number): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 16));
  return Math.floor(ceiling / 2 + (ceiling / 2) * random);
}
