import type { Database } from '../db/database';
import type { ChangeHub } from '../sync/change-hub';
import { mirrorStockLevels } from './mirror-stock-levels';

export interface StockMirror {
  /** Resolves once no pass is running or due: tests and shutdown wait on it. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the stock mirror (mirror-stock-levels.ts) on start and after every
 * inventory change any instance announces, one pass at a time; changes
 * that arrive during a pass cause one more pass after it. A failed pass is
 * logged and retried on the next change: the checkpoints did not move.
 */
export function startStockMirror(
  db: Database,
  hub: ChangeHub,
  onError: (error: unknown) => void,
): StockMirror {
  let running: Promise<void> | null = null;
  let due = false;
  let stopped = false;

  const run = (): void => {
    if (stopped) return;
    if (running) {
      due = true;
      return;
    }
    due = false;
    running = (async () => {
      try {
        let pass = await mirrorStockLevels(db);
        while (pass.more && !stopped) pass = await mirrorStockLevels(db);
      } catch (error) {
        if (!stopped) onError(error);
      } finally {
        running = null;
        if (due) run();
      }
    })();
  };

  const unsubscribe = hub.watchAll((change) => {
    if (change === 'everything' || change.collection === 'inventory') run();
  });
  run();

  return {
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      unsubscribe();
      while (running) await running;
    },
  };
}
