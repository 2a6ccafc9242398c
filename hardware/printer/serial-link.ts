import { SerialPort } from 'serialport';
import type { BridgeError } from '../../src/core/bridge/bridge-error';
import { err, ok, type Result } from '../../src/core/result';
import { type PrinterLink, type PrinterSession, StatusReader, unreachable } from './printer-link';

// A serial receipt printer (RS-232 or USB-serial), backed by serialport. The
// port stays open between jobs (opening one resets some USB adapters) and is
// opened again after an error. The same object is a node-thermal-printer
// custom interface (isPrinterConnected + execute), so the library can print
// through it too; the driver itself sends through sessions, which also read
// DLE EOT replies, something the library's interfaces never do.

export interface SerialLinkOptions {
  readonly path: string;
  readonly baudRate: number;
  readonly timeoutMs?: number;
}

export class SerialPrinterLink implements PrinterLink {
  readonly readsStatus = true;
  #port: SerialPort | null = null;
  #reader: StatusReader | null = null;

  constructor(private readonly options: SerialLinkOptions) {}

  #open(): Promise<Result<{ port: SerialPort; reader: StatusReader }, BridgeError>> {
    if (this.#port?.isOpen && this.#reader)
      return Promise.resolve(ok({ port: this.#port, reader: this.#reader }));
    return new Promise((resolve) => {
      const port = new SerialPort({
        path: this.options.path,
        baudRate: this.options.baudRate,
        autoOpen: false,
      });
      port.on('error', () => undefined);
      port.open((error) => {
        if (error) return resolve(err(unreachable(error.message)));
        const reader = new StatusReader(port, this.options.timeoutMs ?? 3000);
        port.on('data', (chunk: Buffer) => reader.receive(chunk));
        port.on('close', () => {
          reader.end();
          if (this.#port === port) this.#port = null;
        });
        this.#port = port;
        this.#reader = reader;
        resolve(ok({ port, reader }));
      });
    });
  }

  async session<T>(
    work: (s: PrinterSession) => Promise<Result<T, BridgeError>>,
  ): Promise<Result<T, BridgeError>> {
    const opened = await this.#open();
    if (!opened.ok) return opened;
    const { port, reader } = opened.value;
    return work({
      status: () => reader.status(),
      send: (bytes) =>
        new Promise((resolve) => {
          port.write(Buffer.from(bytes), (error) => {
            if (error) return resolve(err(unreachable(error.message)));
            // drain: the bytes have left for the line before the status that follows is asked.
            port.drain((drainError) =>
              resolve(drainError ? err(unreachable(drainError.message)) : ok(undefined)),
            );
          });
        }),
    });
  }

  /** node-thermal-printer custom interface: true when the port opens. */
  async isPrinterConnected(): Promise<boolean> {
    return (await this.#open()).ok;
  }

  /** node-thermal-printer custom interface: sends the library's buffer as is. */
  async execute(buffer: Buffer): Promise<string> {
    const sent = await this.session((s) => s.send(buffer));
    if (!sent.ok) throw new Error(sent.error.message);
    return 'Print done';
  }

  close(): Promise<void> {
    const port = this.#port;
    this.#port = null;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }
}
