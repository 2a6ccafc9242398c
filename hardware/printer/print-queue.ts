import type { BridgeError } from '../../src/core/bridge/bridge-error';
import type { ReceiptDocument } from '../../src/core/receipts';
import { err, ok, type Result } from '../../src/core/result';
import { drawerKick } from './escpos-bytes';
import { conditionError, type PrinterCondition } from './printer-status';
import { type RenderOptions, renderReceipt } from './render-receipt';
import type { PrinterLink, PrinterSession } from './tcp-printer';

// Receipts by job id: a job that printed is never printed again (the till
// retries after a timeout without knowing whether the first try got through),
// and a job that failed stays queued with the reason until a retry prints it.
// Jobs run one at a time so two receipts never interleave on the printer.

export interface PrintedJob {
  readonly jobId: string;
  /** What the printer said after the job: paper may be near its end. */
  readonly condition: PrinterCondition;
}

export interface QueuedJob {
  readonly jobId: string;
  readonly document: ReceiptDocument;
  readonly lastError: BridgeError;
}

async function readyStatus(s: PrinterSession): Promise<Result<PrinterCondition, BridgeError>> {
  const status = await s.status();
  if (!status.ok) return status;
  const problem = conditionError(status.value);
  return problem ? err(problem) : status;
}

export class PrintQueue {
  readonly #done = new Map<string, PrintedJob>();
  readonly #queued = new Map<string, QueuedJob>();
  #tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly printer: PrinterLink,
    private readonly render: RenderOptions = {},
  ) {}

  /** Prints `document` as `jobId` unless that job already printed, in which case its result comes back. */
  print(jobId: string, document: ReceiptDocument): Promise<Result<PrintedJob, BridgeError>> {
    return this.#serially(() => this.#run(jobId, document));
  }

  /** Tries every queued job again, oldest first. */
  async retryQueued(): Promise<Result<PrintedJob, BridgeError>[]> {
    const results: Result<PrintedJob, BridgeError>[] = [];
    for (const job of [...this.#queued.values()]) results.push(await this.print(job.jobId, job.document));
    return results;
  }

  queued(): QueuedJob[] {
    return [...this.#queued.values()];
  }

  /**
   * Sends the 5-byte drawer kick (with its pulse timing, unlike the library's),
   * then asks for status on the same connection: the reply comes after the
   * printer has taken the kick in. An offline printer (paper out, cover open)
   * does not obey ESC p and may obey it later, so it is not sent then.
   */
  openDrawer(): Promise<Result<void, BridgeError>> {
    return this.#serially(() =>
      this.printer.session(async (s) => {
        const before = await readyStatus(s);
        if (!before.ok) return before;
        const sent = await s.send(drawerKick());
        if (!sent.ok) return sent;
        const status = await s.status();
        return status.ok ? ok(undefined) : status;
      }),
    );
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(work, work);
    this.#tail = next.catch(() => undefined);
    return next;
  }

  async #run(jobId: string, document: ReceiptDocument): Promise<Result<PrintedJob, BridgeError>> {
    const earlier = this.#done.get(jobId);
    if (earlier) return ok(earlier);
    const bytes = renderReceipt(document, this.render);
    const result = await this.printer.session(async (s) => {
      const before = await readyStatus(s);
      if (!before.ok) return before;
      const sent = await s.send(bytes);
      if (!sent.ok) return sent;
      // Paper can run out mid-receipt: the receipt is then torn and must print again in full.
      return readyStatus(s);
    });
    if (!result.ok) {
      this.#queued.set(jobId, { jobId, document, lastError: result.error });
      return result;
    }
    const printed: PrintedJob = { jobId, condition: result.value };
    this.#queued.delete(jobId);
    this.#done.set(jobId, printed);
    return ok(printed);
  }
}
