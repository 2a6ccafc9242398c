import { createServer, type Server, type Socket } from 'node:net';
import { SerialPort } from 'serialport';
import type { SimModel } from './command-parser';
import { type DecodedReceipt, EscPosDecoder, type SimCharset } from './escpos-decoder';
import { PRINTER_SIM_CONDITIONS, type PrinterSimCondition, printsIn, STATUS_REPLIES } from './sim-condition';
import { startSimulatorPage } from './simulator-page';

// A receipt printer for tests and the demo: raw TCP (port 9100 style) and,
// on request, a serial line (a socat pty). Like a real one it ignores print
// data while paper-out, cover-open or offline, but still answers DLE EOT with
// the real bit patterns, and reports its drawer (pin 3) in DLE EOT 1.

export type { PrinterSimCondition };
export { PRINTER_SIM_CONDITIONS };

export interface EscposPrinterSimulatorOptions {
  /** TCP port for print data; 0 picks a free one. */
  readonly port?: number;
  /** Port of the demo page on 127.0.0.1 (decoded receipts, fault buttons); none when absent. */
  readonly httpPort?: number;
  readonly host?: string;
  /** Which command set it understands. */
  readonly model?: SimModel;
  readonly widthChars?: number;
  /** This printer's code page numbers, when they differ from the model's defaults (clones). */
  readonly codePages?: Readonly<Record<number, SimCharset>>;
}

export interface EscposPrinterSimulator {
  readonly host: string;
  readonly port: number;
  readonly httpUrl?: string;
  /** Every receipt cut so far, oldest first, as text with its barcode and QR payloads. */
  receipts(): DecodedReceipt[];
  condition(): PrinterSimCondition;
  setCondition(condition: PrinterSimCondition): void;
  /** Paper runs out once the receipt being printed has `lines` lines; that receipt is torn off, never cut. */
  paperOutAfterLines(lines: number): void;
  drawerKicks(): number;
  drawerOpen(): boolean;
  /** The cashier pushes the drawer shut. */
  closeDrawer(): void;
  unknownCommands(): string[];
  /** Also listens on a serial line (the far end of a socat pty pair). */
  attachSerial(path: string): Promise<void>;
  close(): Promise<void>;
}

interface Stream {
  write(bytes: Uint8Array): void;
}

export async function startEscposPrinterSimulator(
  options: EscposPrinterSimulatorOptions = {},
): Promise<EscposPrinterSimulator> {
  const host = options.host ?? '127.0.0.1';
  let condition: PrinterSimCondition = 'ok';
  let linesUntilPaperOut: number | null = null;
  let kicks = 0;
  let drawerIsOpen = false;
  const received: DecodedReceipt[] = [];
  const decoders: EscPosDecoder[] = [];
  const sockets = new Set<Socket>();
  const ports: SerialPort[] = [];

  /** One decoder per connection: each receives its own stream of commands. */
  function attach(stream: Stream): (chunk: Buffer) => void {
    const decoder: EscPosDecoder = new EscPosDecoder(
      {
        model: options.model ?? 'epson',
        widthChars: options.widthChars ?? 42,
        ...(options.codePages ? { codePages: options.codePages } : {}),
      },
      {
        statusQuery: (n) => {
          const reply = STATUS_REPLIES[condition][n - 1];
          if (reply === undefined) return;
          stream.write(Uint8Array.of(n === 1 && drawerIsOpen ? reply | 0x04 : reply));
        },
        drawerKick: () => {
          kicks += 1;
          drawerIsOpen = true;
        },
        cut: (receipt) => received.push(receipt),
      },
    );
    decoders.push(decoder);
    return (chunk) =>
      decoder.write(chunk, () => {
        if (linesUntilPaperOut !== null && decoder.lineCount() >= linesUntilPaperOut) {
          linesUntilPaperOut = null;
          condition = 'paper-out';
          decoder.tear();
        }
        return printsIn(condition);
      });
  }

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on('data', attach(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  const simulator: EscposPrinterSimulator = {
    host,
    port,
    receipts: () => [...received],
    condition: () => condition,
    setCondition: (next) => {
      condition = next;
      linesUntilPaperOut = null;
    },
    paperOutAfterLines: (lines) => {
      linesUntilPaperOut = lines;
    },
    drawerKicks: () => kicks,
    drawerOpen: () => drawerIsOpen,
    closeDrawer: () => {
      drawerIsOpen = false;
    },
    unknownCommands: () => decoders.flatMap((d) => [...d.unknownCommands()]),
    attachSerial: (path) =>
      new Promise<void>((resolve, reject) => {
        const serial = new SerialPort({ path, baudRate: 19200, autoOpen: false });
        serial.open((error) => {
          if (error) return reject(error);
          ports.push(serial);
          serial.on('data', attach(serial));
          serial.on('error', () => undefined);
          resolve();
        });
      }),
    close: async () => {
      await page?.close();
      for (const serial of ports) if (serial.isOpen) serial.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const page =
    options.httpPort === undefined ? undefined : await startSimulatorPage(simulator, options.httpPort);
  return page ? { ...simulator, httpUrl: page.url } : simulator;
}
