import { connect, type Socket } from 'node:net';
import type { BridgeError } from '../../src/core/bridge/bridge-error';
import { err, ok, type Result } from '../../src/core/result';
import { statusQuery } from './escpos-bytes';
import { decodePrinterStatus, type PrinterCondition } from './printer-status';

// A network printer on raw TCP (port 9100). One connection per job: status
// queries and print data share it, so a status asked after the data is
// answered after the printer has taken that data in.

export interface PrinterSession {
  status(): Promise<Result<PrinterCondition, BridgeError>>;
  send(bytes: Uint8Array): Promise<Result<void, BridgeError>>;
}

/** What the print queue needs from a printer: a session to run a job in. */
export interface PrinterLink {
  session<T>(work: (s: PrinterSession) => Promise<Result<T, BridgeError>>): Promise<Result<T, BridgeError>>;
}

export interface TcpPrinterOptions {
  readonly host: string;
  readonly port: number;
  /** How long to wait for a connection or a status reply. */
  readonly timeoutMs?: number;
}

const unreachable = (detail: string): BridgeError => ({
  code: 'printer-unreachable',
  message: `Imprimante injoignable (${detail})`,
  retryable: true,
});

const noReply: BridgeError = {
  code: 'printer-no-reply',
  message: 'L’imprimante ne répond pas',
  retryable: true,
};

class TcpSession implements PrinterSession {
  readonly #waiting: ((byte: number | null) => void)[] = [];
  readonly #received: number[] = [];

  constructor(
    private readonly socket: Socket,
    private readonly timeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => {
      for (const byte of chunk) {
        const waiter = this.#waiting.shift();
        if (waiter) waiter(byte);
        else this.#received.push(byte);
      }
    });
    socket.on('close', () => {
      for (const waiter of this.#waiting.splice(0)) waiter(null);
    });
  }

  #reply(n: 1 | 2 | 4): Promise<number | null> {
    return new Promise((resolve) => {
      const early = this.#received.shift();
      if (early !== undefined) return resolve(early);
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
      this.socket.write(statusQuery(n));
    });
  }

  async status(): Promise<Result<PrinterCondition, BridgeError>> {
    const printer = await this.#reply(1);
    const offlineCause = printer === null ? null : await this.#reply(2);
    const paper = offlineCause === null ? null : await this.#reply(4);
    if (printer === null || offlineCause === null || paper === null) return err(noReply);
    return decodePrinterStatus({ printer, offlineCause, paper });
  }

  send(bytes: Uint8Array): Promise<Result<void, BridgeError>> {
    return new Promise((resolve) => {
      this.socket.write(bytes, (error) => resolve(error ? err(unreachable(error.message)) : ok(undefined)));
    });
  }
}

export function tcpPrinter(options: TcpPrinterOptions): PrinterLink {
  const timeoutMs = options.timeoutMs ?? 3000;
  const open = (): Promise<Result<Socket, BridgeError>> =>
    new Promise((resolve) => {
      const socket = connect({ host: options.host, port: options.port });
      const timer = setTimeout(() => {
        socket.destroy();
        resolve(err(unreachable('délai dépassé')));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(ok(socket));
      });
      socket.on('error', (error) => {
        clearTimeout(timer);
        resolve(err(unreachable(error.message)));
      });
    });

  return {
    async session(work) {
      const socket = await open();
      if (!socket.ok) return socket;
      try {
        return await work(new TcpSession(socket.value, timeoutMs));
      } finally {
        socket.value.end();
      }
    },
  };
}
