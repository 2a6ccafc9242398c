import type { RetryPacer } from './retry-pacer';

/**
 * One request loop (a collection's pull, or its push) with its own count of
 * consecutive failures: a pull failing while nothing needs pushing must not
 * lengthen the wait of the next sale's push.
 */
export function backoffLoop(pacer: RetryPacer, onSuccess?: () => void) {
  let failures = 0;
  let failedAt = pacer.failureMark();
  return async <R>(work: () => Promise<R>): Promise<R> => {
    await pacer.wait(failures, failedAt);
    try {
      const result = await work();
      failures = 0;
      onSuccess?.();
      return result;
    } catch (error) {
      failures++;
      failedAt = pacer.failureMark();
      throw error;
    }
  };
}

export interface CoalescedRetryLoopOptions {
  readonly pacer: RetryPacer;
  readonly signal: AbortSignal;
  /** One pass of the loop's work (pull until caught up, upload until caught up…). */
  readonly pass: () => Promise<void>;
  /** True while a pass runs or waits out its back-off, false once the loop rests. */
  readonly onActive?: (active: boolean) => void;
  /** A failed pass's message, and undefined once a pass succeeds after failures. */
  readonly onError?: (message: string | undefined) => void;
  /** After every pass that succeeded. */
  readonly onSuccess?: () => void;
}

export interface CoalescedRetryLoop {
  /** Runs a pass now, or once more after the one under way (any number of calls meanwhile make one). */
  run(): Promise<void>;
  /**
   * Runs `work` alone, when no pass is under way (a delta applied between passes); when one is, asks
   * for one more pass instead and answers 'busy'.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T | 'busy'>;
}

/**
 * A till's request loop (a collection's pull, the catalog's, the journal
 * upload): passes never overlap, requests that come while one runs are
 * coalesced into one more pass, and a failed pass is retried on the till's
 * back-off (its own count of consecutive failures, see RetryPacer) until one
 * succeeds or `signal` aborts.
 */
export function coalescedRetryLoop(options: CoalescedRetryLoopOptions): CoalescedRetryLoop {
  const { pacer, signal } = options;
  let running = false;
  let again = false;

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    options.onActive?.(true);
    let failures = 0;
    let failedAt = pacer.failureMark();
    try {
      do {
        again = false;
        try {
          await pacer.wait(failures, failedAt, signal);
          if (signal.aborted) return;
          await options.pass();
          if (failures > 0) options.onError?.(undefined);
          failures = 0;
          if (!signal.aborted) options.onSuccess?.();
        } catch (error) {
          if (signal.aborted) return;
          failures++;
          failedAt = pacer.failureMark();
          again = true;
          options.onError?.(error instanceof Error ? error.message : String(error));
        }
      } while (again && !signal.aborted);
    } finally {
      running = false;
      options.onActive?.(false);
    }
  };

  return {
    run,
    async exclusive(work) {
      if (running) {
        again = true;
        return 'busy';
      }
      running = true;
      try {
        return await work();
      } finally {
        running = false;
        if (again && !signal.aborted) void run();
      }
    },
  };
}
