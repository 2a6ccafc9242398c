import { createStore } from 'zustand/vanilla';
import type { QueuedPrintJob } from '../core/bridge/bridge-methods';
import type { PosBridge } from '../core/bridge/pos-bridge';
import { t } from '../i18n/i18n';
import { bridgeErrorWords } from './device-words';

// Every receipt waiting in the host's print queue, not only the last sale's:
// paper out during several sales leaves several. Each can be printed again by
// its job id (the host keeps its document), or all at once, oldest first; the
// host prints a job id once, however often it is asked.

export interface WaitingReceiptsState {
  readonly jobs: readonly QueuedPrintJob[];
  /** A retry is on its way: the buttons wait for it. */
  readonly busy: boolean;
  /** How the last retry went, for the cashier. */
  readonly message: string | undefined;
}

/** "receipt:PAR01-03-000123" → "PAR01-03-000123": the cashier knows receipts by number. */
export const receiptLabel = (jobId: string): string => jobId.replace(/^receipt:/, '');

export function createWaitingReceipts(
  bridge: PosBridge | undefined,
  /** A job printed: the sale screen stops showing it as waiting. */
  onPrinted: (jobId: string) => void = () => {},
) {
  const store = createStore<WaitingReceiptsState>()(() => ({ jobs: [], busy: false, message: undefined }));

  async function refresh(): Promise<void> {
    if (!bridge) return;
    const queue = await bridge.printQueue();
    // A host that does not answer keeps the last list: the jobs are still there.
    if (queue.ok) store.setState({ jobs: queue.value });
  }

  async function run(work: () => Promise<string>): Promise<void> {
    if (!bridge || store.getState().busy) return;
    store.setState({ busy: true, message: undefined });
    const message = await work();
    await refresh();
    store.setState({ busy: false, message });
  }

  return {
    store,
    refresh,

    /** Prints one waiting receipt again under its own job id. */
    retry(jobId: string): Promise<void> {
      return run(async () => {
        const printed = await bridge?.retryPrintJob(jobId);
        if (!printed) return '';
        if (!printed.ok)
          return t('till.print.jobFailed', {
            label: receiptLabel(jobId),
            words: bridgeErrorWords(printed.error),
          });
        onPrinted(jobId);
        return t('till.print.jobPrinted', { label: receiptLabel(jobId) });
      });
    },

    /** Every waiting receipt once, oldest first. */
    retryAll(): Promise<void> {
      return run(async () => {
        const results = await bridge?.retryQueuedPrintJobs();
        if (!results) return '';
        if (!results.ok) return t('till.print.allFailed', { words: bridgeErrorWords(results.error) });
        const printed = results.value.filter((r) => r.printed);
        for (const r of printed) onPrinted(r.jobId);
        const failed = results.value.find((r) => !r.printed);
        const count = t('till.print.countPrinted', { count: printed.length });
        return failed && !failed.printed
          ? t('till.print.countAndProblem', { count, words: bridgeErrorWords(failed.error) })
          : count;
      });
    },
  };
}

export type WaitingReceipts = ReturnType<typeof createWaitingReceipts>;
