import { backoffDelay } from '../../core/sync/backoff';

/**
 * Paces the retries of every request loop of one till: each collection's
 * pull and push, and the live stream. Each loop backs off on its own
 * failures (1 s doubling to 60 s, jittered), so a store whose link is down
 * sees a few attempts a minute rather than a steady stream. When a request
 * succeeds the link is back: every loop that failed before that retries at
 * once, so sales made during a long outage leave within seconds of the link
 * returning instead of after the longest back-off.
 *
 * Only successes count: a server answering 503 to everything must not turn
 * seven backed-off loops into ones that never wait.
 */
export interface RetryPacer {
  /** Note it when a request fails, and pass it to `wait`. */
  failureMark(): number;
  /**
   * Waits out the back-off after `failures` consecutive failures, or not at
   * all if the link was seen up since `mark`, or less if it is seen up meanwhile.
   */
  wait(failures: number, mark: number, signal?: AbortSignal): Promise<void>;
  /** A request succeeded: retry every loop that failed before now. */
  linkUp(): void;
}

export function createRetryPacer(random: () => number = Math.random): RetryPacer {
  const sleepers = new Set<() => void>();
  let upCount = 0;
  return {
    failureMark: () => upCount,
    wait(failures, mark, signal) {
      const delay = backoffDelay(failures, random());
      if (delay <= 0 || mark !== upCount || signal?.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          sleepers.delete(wake);
          signal?.removeEventListener('abort', wake);
          resolve();
        };
        const timer = setTimeout(wake, delay);
        sleepers.add(wake);
        signal?.addEventListener('abort', wake);
      });
    },
    linkUp() {
      upCount++;
      for (const wake of [...sleepers]) wake();
    },
  };
}
