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
