import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BridgeError } from '../../src/core/bridge/bridge-error';
import { bridgeErrorSchema } from '../../src/core/bridge/bridge-error';
import { type ReceiptDocument, receiptDocumentSchema } from '../../src/core/receipts';

// The print queue on disk, so that "this job id already printed" and "this
// receipt is still waiting" survive a restart of the host: a till that
// retries after the host came back must not get a second receipt.

const MAX_REMEMBERED = 5000;

const journalSchema = z.object({
  printed: z.array(z.string()),
  queued: z.array(
    z.object({ jobId: z.string(), document: receiptDocumentSchema, lastError: bridgeErrorSchema }),
  ),
});

/** A receipt that has not printed yet, and why. */
export interface QueuedJob {
  readonly jobId: string;
  readonly document: ReceiptDocument;
  readonly lastError: BridgeError;
}

export interface PrintJournalState {
  readonly printed: readonly string[];
  readonly queued: readonly QueuedJob[];
}

export class PrintJournal {
  readonly #file: string;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.#file = join(dir, 'print-queue.json');
  }

  /** What the last run left; an unreadable journal starts empty (and is logged by the caller). */
  load(): PrintJournalState | Error {
    let text: string;
    try {
      text = readFileSync(this.#file, 'utf8');
    } catch {
      return { printed: [], queued: [] };
    }
    try {
      return journalSchema.parse(JSON.parse(text));
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  /** Written whole and renamed into place, so a crash mid-write leaves the previous state. */
  save(state: PrintJournalState): void {
    const body = JSON.stringify({ printed: state.printed.slice(-MAX_REMEMBERED), queued: state.queued });
    writeFileSync(`${this.#file}.tmp`, body);
    renameSync(`${this.#file}.tmp`, this.#file);
  }
}
