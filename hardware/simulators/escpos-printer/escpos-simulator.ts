import { createServer, type Socket } from 'node:net';
import { EscPosDecoder, type PrintedReceipt } from './escpos-decoder';

// A network receipt printer on raw TCP (port 9100 style) for tests and demos.
// Like a real one, it ignores print data while paper-out, cover-open or
// offline, but still answers DLE EOT with the real bit patterns.

export type PrinterSimCondition = 'ok' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'offline';

export interface EscPosSimulatorOptions {
  readonly port?: number;
  readonly host?: string;
  readonly widthChars?: number;
  /** This printer's number for WPC1252 (16 on Epson; clones differ). */
  readonly wpc1252Page?: number;
}

export interface EscPosSimulator {
  readonly port: number;
  printed(): PrintedReceipt[];
  setCondition(condition: PrinterSimCondition): void;
  /** Paper runs out once the receipt being printed has `lines` lines; that receipt is torn off, never cut. */
  paperOutAfterLines(lines: number): void;
  drawerKicks(): number;
  unknownCommands(): string[];
  close(): Promise<void>;
}

/** Replies to DLE EOT 1, 2, 3, 4 (n=3 error causes: none). */
const REPLIES: Readonly<Record<PrinterSimCondition, readonly [number, number, number, number]>> = {
  ok: [0x12, 0x12, 0x12, 0x12],
  'paper-near-end': [0x12, 0x12, 0x12, 0x1e],
  'paper-out': [0x1a, 0x32, 0x12, 0x72],
  'cover-open': [0x1a, 0x16, 0x12, 0x12],
  offline: [0x1a, 0x12, 0x12, 0x12],
};

const prints = (c: PrinterSimCondition): boolean => c === 'ok' || c === 'paper-near-end';

export async function startEscPosSimulator(options: EscPosSimulatorOptions = {}): Promise<EscPosSimulator> {
  let condition: PrinterSimCondition = 'ok';
  let linesUntilPaperOut: number | null = null;
  let kicks = 0;
  const printed: PrintedReceipt[] = [];
  const decoders: EscPosDecoder[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const decoder: EscPosDecoder = new EscPosDecoder(options.widthChars ?? 42, options.wpc1252Page ?? 16, {
      statusQuery: (n) => {
        const reply = REPLIES[condition][n - 1];
        if (reply !== undefined) socket.write(Uint8Array.of(reply));
      },
      drawerKick: () => {
        kicks += 1;
      },
      cut: (receipt) => printed.push(receipt),
    });
    decoders.push(decoder);
    socket.on('data', (chunk: Buffer) => {
      decoder.write(chunk, () => {
        if (linesUntilPaperOut !== null && decoder.lineCount() >= linesUntilPaperOut) {
          linesUntilPaperOut = null;
          condition = 'paper-out';
          decoder.tear();
        }
        return prints(condition);
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    port,
    printed: () => [...printed],
    setCondition: (next) => {
      condition = next;
      linesUntilPaperOut = null;
    },
    paperOutAfterLines: (lines) => {
      linesUntilPaperOut = lines;
    },
    drawerKicks: () => kicks,
    unknownCommands: () => decoders.flatMap((d) => [...d.unknownCommands()]),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
