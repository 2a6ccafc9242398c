import { connect, type Socket } from 'node:net';
import type { BridgeError } from '../../src/core/bridge/bridge-error';
import { err, ok, type Result } from '../../src/core/result';
import { type PrinterLink, StatusReader, unreachable } from './printer-link';

// A network printer on raw TCP (port 9100). One connection per job or status
// poll: printers often accept a single client, so we never hold it open and
// block the back office's own tools.

export interface TcpLinkOptions {
  readonly host: string;
  readonly port: number;
  /** How long to wait for a connection or a status reply. */
  readonly timeoutMs?: number;
}

export function tcpPrinterLink(options: TcpLinkOptions): PrinterLink {
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
    readsStatus: true,
    async session(work) {
      const socket = await open();
      if (!socket.ok) return socket;
      const reader = new StatusReader(socket.value, timeoutMs);
      socket.value.on('data', (chunk: Buffer) => reader.receive(chunk));
      socket.value.on('close', () => reader.end());
      try {
        return await work({
          status: () => reader.status(),
          send: (bytes) =>
            new Promise((resolve) => {
              socket.value.write(bytes, (error) =>
                resolve(error ? err(unreachable(error.message)) : ok(undefined)),
              );
            }),
        });
      } finally {
        socket.value.end();
      }
    },
    close: async () => {},
  };
}
