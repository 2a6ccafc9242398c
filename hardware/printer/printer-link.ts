import type { BridgeError } from '../../src/core/bridge/bridge-error';
import { err, type Result } from '../../src/core/result';
import { statusQuery } from './printer-commands';
import { decodePrinterStatus, type PrinterCondition } from './printer-status';

// What the print queue needs from a printer, whatever the wire (TCP, serial,
// device file): a session in which to ask status and send bytes. A status
// asked after the data on the same line is answered after the printer has
// taken that data in, so "paper ran out during this receipt" is seen.

export interface PrinterSession {
  status(): Promise<Result<PrinterCondition, BridgeError>>;
  send(bytes: Uint8Array): Promise<Result<void, BridgeError>>;
}

export interface PrinterLink {
  /** False for a device file: nothing comes back, so paper and cover are unknown. */
  readonly readsStatus: boolean;
  session<T>(work: (s: PrinterSession) => Promise<Result<T, BridgeError>>): Promise<Result<T, BridgeError>>;
  close(): Promise<void>;
}

export const unreachable = (detail: string): BridgeError => ({
  code: 'printer-unreachable',
  message: `Imprimante injoignable (${detail})`,
  retryable: true,
});

const noReply: BridgeError = {
  code: 'printer-no-reply',
  message: 'L’imprimante ne répond pas',
  retryable: true,
};

export interface ByteStream {
  write(bytes: Uint8Array, done?: (error?: Error | null) => void): unknown;
}

/**
 * Asks DLE EOT 1, 2, 4 over a byte stream and matches each reply byte to its
 * query. Bytes left over from an earlier exchange are dropped first, so a late
 * reply can never be read as the answer to the next question.
 */
export class StatusReader {
  readonly #waiting: ((byte: number | null) => void)[] = [];
  readonly #received: number[] = [];

  constructor(
    private readonly stream: ByteStream,
    private readonly timeoutMs: number,
  ) {}

  /** Feed every byte the printer sends. */
  receive(chunk: Uint8Array): void {
    for (const byte of chunk) {
      const waiter = this.#waiting.shift();
      if (waiter) waiter(byte);
      else this.#received.push(byte);
    }
  }

  /** The line closed: nobody will answer. */
  end(): void {
    for (const waiter of this.#waiting.splice(0)) waiter(null);
  }

  #reply(n: 1 | 2 | 4): Promise<number | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const i = this.#waiting.indexOf(settle);
        if (i >= 0) this.#waiting.splice(i, 1);
        resolve(null);
      }, this.timeoutMs);
      const settle = (byte: number | null): void => {
        clearTimeout(timer);
        resolve(byte);
      };
      this.#waiting.push(settle);
      this.stream.write(statusQuery(n));
    });
  }

  async status(): Promise<Result<PrinterCondition, BridgeError>> {
    this.#received.length = 0;
    const printer = await this.#reply(1);
    const offlineCause = printer === null ? null : await this.#reply(2);
    const paper = offlineCause === null ? null : await this.#reply(4);
    if (printer === null || offlineCause === null || paper === null) return err(noReply);
    return decodePrinterStatus({ printer, offlineCause, paper });
  }
}
