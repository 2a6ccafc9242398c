import type { Database } from '../db/database';
import type { Metrics } from '../ops/metrics';
import { countQueued, projectQueuedBatch, recordFailedEntry } from './project-queued-batch';
import type { UploadPriority } from './upload-priority';

export interface ProjectorOptions {
  readonly metrics?: Metrics;
  /** Entries per transaction. */
  readonly batchSize?: number;
  /** A pass even without a wake: entries queued through another instance that died before projecting them. */
  readonly pollMs?: number;
  readonly onError?: (error: unknown) => void;
  /**
   * The least time from the start of one batch to the start of the next. Under a steady
   * load every push wakes the projector; spacing the batches lets each take the entries
   * of several pushes, so its fixed statements (lock, queue read, delete, commit) are paid
   * once for them.
   */
  readonly minBatchIntervalMs?: number;
  /** Bulk journal uploads of this instance, which go first (upload-priority.ts). */
  readonly priority?: Pick<UploadPriority, 'projectorWaitMs'>;
}

export interface Projector {
  /** Something was queued (a push committed): drain the queue now. */
  wake(): void;
  /** Resolves once a pass of this instance found nothing left to project (tests, shutdown). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** Retry while another instance holds the projection lock: it may finish before seeing our entries. */
const BUSY_RETRY_MS = 20;
/** An entry that fails alone this many times is parked for a person (docs/projections.md). */
const MAX_ATTEMPTS = 5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Projects the queued journal entries off the push path (docs/projections.md,
 * "The projector"). Each instance runs one; the projection lock makes their
 * batches take turns, so entries are projected in queue order and none twice
 * at once. A push wakes its own instance's projector right after its commit,
 * so the lag is the projection's own time; the poll covers entries queued
 * through an instance that stopped before projecting them.
 */
export function startProjector(db: Database, options: ProjectorOptions = {}): Projector {
  const batchSize = options.batchSize ?? 500;
  const { metrics } = options;
  let stopped = false;
  let again = false;
  let running: Promise<void> | undefined;
  let failures = 0;
  // After a failed batch, one entry at a time until the bad one is found.
  let alone = false;
  const minBatchIntervalMs = options.minBatchIntervalMs ?? 0;
  let lastBatchAt = Number.NEGATIVE_INFINITY;

  const drainOnce = async (): Promise<void> => {
    for (;;) {
      if (stopped) return;
      for (let wait = options.priority?.projectorWaitMs() ?? 0; wait > 0 && !stopped; ) {
        await sleep(wait);
        wait = options.priority?.projectorWaitMs() ?? 0;
      }
      const spacing = lastBatchAt + minBatchIntervalMs - performance.now();
      if (spacing > 0) await sleep(spacing);
      if (stopped) return;
      lastBatchAt = performance.now();
      const limit = alone ? 1 : batchSize;
      let outcome: Awaited<ReturnType<typeof projectQueuedBatch>>;
      try {
        outcome = await projectQueuedBatch(db, limit);
      } catch (error) {
        failures++;
        metrics?.projectionFailures.labels(alone ? 'entry' : 'batch').inc();
        options.onError?.(error);
        if (alone && (await recordFailedEntry(db, error, MAX_ATTEMPTS).catch(() => false))) {
          metrics?.projectionFailures.labels('parked').inc();
        }
        alone = true;
        await sleep(Math.min(5_000, 50 * 2 ** Math.min(failures, 7)));
        continue;
      }
      failures = 0;
      if (outcome.kind === 'busy') {
        await sleep(BUSY_RETRY_MS);
        continue;
      }
      alone = false;
      for (const lag of outcome.lagSeconds) {
        metrics?.projectionLagSeconds.observe(lag);
        metrics?.projectionLagQuantiles.observe(lag);
      }
      metrics?.projectedEntries.inc(outcome.taken);
      if (outcome.taken < limit) return;
    }
  };

  const drain = async (): Promise<void> => {
    do {
      again = false;
      await drainOnce();
    } while (again && !stopped);
    if (metrics && !stopped) metrics.projectionQueued.set(await countQueued(db).catch(() => 0));
  };

  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = undefined;
      });
  };

  const poll = setInterval(wake, options.pollMs ?? 1_000);
  poll.unref();
  wake();

  return {
    wake,
    async settled() {
      wake();
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(poll);
      while (running) await running;
    },
  };
}
