import type { BridgeError } from '../../src/core/bridge/bridge-error';
import type { ReceiptDocument } from '../../src/core/receipts';
import { err, ok, type Result } from '../../src/core/result';
import type { PrintJournal, QueuedJob } from './print-journal';

export type { QueuedJob };

import type { PrinterLink, PrinterSession } from './printer-link';
import { conditionError, type PrinterCondition } from './printer-status';

// Receipts by job id: a job that printed is never printed again (the till
// retries after a timeout without knowing whether the first try got through),
// and a job that failed stays queued with the reason until a retry prints it.
// Everything that talks to the printer (jobs, drawer kicks, status polls) runs
// one at a time, so two receipts never interleave and status replies never cross.

export interface PrintedJob {
  readonly jobId: string;
  /** False when an earlier call with this job id had printed it already. */
  readonly printedNow: boolean;
  /** What the printer said after the job (paper may be near its end); null when it had printed before. */
  readonly condition: PrinterCondition | null;
}

export interface PrintQueueOptions {
  readonly link: PrinterLink;
  /** The document as this printer's bytes. */
  readonly build: (document: ReceiptDocument) => Promise<Buffer>;
  /** This printer's drawer kick. */
  readonly drawerKick: Buffer;
  readonly journal?: PrintJournal;
  readonly log?: (message: string, details?: Record<string, unknown>) => void;
}

async function readyStatus(s: PrinterSession): Promise<Result<PrinterCondition, BridgeError>> {
  const status = await s.status();
  if (!status.ok) return status;
  const problem = conditionError(status.value);
  return problem ? err(problem) : status;
}

const unbuildable = (message: string): BridgeError => ({
  code: 'receipt-unprintable',
  message: `Ticket impossible à mettre en page : ${message}`,
  retryable: false,
});

const unknownJob = (jobId: string): BridgeError => ({
  code: 'unknown-print-job',
  message: `Aucun ticket en attente sous ${jobId}`,
  retryable: false,
});

export class PrintQueue {
  readonly #printed = new Set<string>();
  readonly #queued = new Map<string, QueuedJob>();
  #tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PrintQueueOptions) {
    const saved = options.journal?.load();
    if (saved instanceof Error)
      options.log?.('print journal unreadable, starting empty', { error: saved.message });
    else if (saved) {
      for (const id of saved.printed) this.#printed.add(id);
      for (const job of saved.queued) this.#queued.set(job.jobId, job);
    }
  }

  /** Prints `document` as `jobId` unless that job already printed. */
  print(jobId: string, document: ReceiptDocument): Promise<Result<PrintedJob, BridgeError>> {
    return this.#serially(() => this.#run(jobId, document));
  }

  /**
   * Prints a queued job with the document it was queued with. Looked up in
   * turn, so a job another call printed meanwhile answers printedNow: false.
   */
  retry(jobId: string): Promise<Result<PrintedJob, BridgeError>> {
    return this.#serially(async () => {
      if (this.#printed.has(jobId)) return ok({ jobId, printedNow: false, condition: null });
      const job = this.#queued.get(jobId);
      if (!job) return err(unknownJob(jobId));
      return this.#run(jobId, job.document);
    });
  }

  queued(): QueuedJob[] {
    return [...this.#queued.values()];
  }

  /** DLE EOT status, between jobs (never in the middle of one). */
  status(): Promise<Result<PrinterCondition, BridgeError>> {
    return this.#serially(() => this.options.link.session((s) => s.status()));
  }

  /**
   * Sends the drawer kick, then asks status on the same line: the reply comes
   * after the printer has taken the kick in. An offline printer (paper out,
   * cover open) does not obey the kick and may obey it later, so it is not sent then.
   */
  openDrawer(): Promise<Result<PrinterCondition, BridgeError>> {
    return this.#serially(() =>
      this.options.link.session(async (s) => {
        const before = await readyStatus(s);
        if (!before.ok) return before;
        const sent = await s.send(this.options.drawerKick);
        if (!sent.ok) return sent;
        return s.status();
      }),
    );
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(work, work);
    this.#tail = next.catch(() => undefined);
    return next;
  }

  #save(): void {
    try {
      this.options.journal?.save({ printed: [...this.#printed], queued: this.queued() });
    } catch (error) {
      this.options.log?.('print journal not saved', { error: String(error) });
    }
  }

  async #run(jobId: string, document: ReceiptDocument): Promise<Result<PrintedJob, BridgeError>> {
    if (this.#printed.has(jobId)) return ok({ jobId, printedNow: false, condition: null });
    let bytes: Buffer;
    try {
      bytes = await this.options.build(document);
    } catch (error) {
      return err(unbuildable(error instanceof Error ? error.message : String(error)));
    }
    const result = await this.options.link.session(async (s) => {
      const before = await readyStatus(s);
      if (!before.ok) return before;
      const sent = await s.send(bytes);
      if (!sent.ok) return sent;
      // Paper can run out mid-receipt: the receipt is then torn and must print again in full.
      return readyStatus(s);
    });
    if (!result.ok) {
      this.#queued.set(jobId, { jobId, document, lastError: result.error });
      this.#save();
      return result;
    }
    this.#queued.delete(jobId);
    this.#printed.add(jobId);
    this.#save();
    return ok({ jobId, printedNow: true, condition: result.value });
  }
}
