import { constants } from 'node:fs';
import { access, type FileHandle, open, stat } from 'node:fs/promises';
import type { BridgeError } from '../../src/core/bridge/bridge-error';
import { err, ok, type Result } from '../../src/core/result';
import type { PrinterLink } from './printer-link';
import type { PrinterCondition } from './printer-status';

// A printer behind a device file (/dev/usb/lp0, a FIFO, a spool file): bytes
// go in, nothing comes back. Not the library's file interface: it retries a
// failed write in the background for minutes after reporting the failure, so
// a job the till was told had failed could still print, and then print again
// on retry. Here a write either completes before we answer or did not happen.

/** Nothing can be read back: the printer is taken as ready; the driver tells the cashier status is unknown. */
const ASSUMED_READY: PrinterCondition = {
  online: true,
  coverOpen: false,
  paperNearEnd: false,
  paperOut: false,
  error: false,
  drawerOpen: false,
};

const cannotWrite = (detail: string): BridgeError => ({
  code: 'printer-unreachable',
  message: `Imprimante injoignable (${detail})`,
  retryable: true,
});

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Opens for writing, appending, never creating (a missing /dev/usb/lp0 is
 * "unplugged", not a new file). A FIFO is opened non-blocking: with no reader
 * a blocking open would hang forever (and a libuv thread with it), while a
 * non-blocking one fails at once with ENXIO. (Probing, closing and opening
 * again does not work: closing the probe is end-of-file for the reader.)
 */
async function openForWriting(path: string): Promise<FileHandle> {
  const fifo = (await stat(path)).isFIFO();
  return open(path, constants.O_WRONLY | constants.O_APPEND | (fifo ? constants.O_NONBLOCK : 0));
}

const isErrno = (error: unknown, code: string): boolean =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === code;

/** Writes every byte; on a non-blocking FIFO a full pipe (EAGAIN) is waited out until the deadline. */
async function writeAll(handle: FileHandle, bytes: Uint8Array, deadline: number): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    } catch (error) {
      if (!isErrno(error, 'EAGAIN') || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

export function filePrinterLink(path: string, timeoutMs = 3000): PrinterLink {
  return {
    readsStatus: false,
    async session(work) {
      // Opened on the first write only: a status poll must not open and close
      // a FIFO (its reader would see end of file between receipts).
      const opened: { handle: FileHandle | null } = { handle: null };
      try {
        return await work({
          status: async () => {
            try {
              await access(path, constants.W_OK);
              return ok(ASSUMED_READY);
            } catch (error) {
              return err(cannotWrite(reason(error)));
            }
          },
          send: async (bytes): Promise<Result<void, BridgeError>> => {
            try {
              opened.handle ??= await openForWriting(path);
              await writeAll(opened.handle, bytes, Date.now() + timeoutMs);
              return ok(undefined);
            } catch (error) {
              return err(cannotWrite(reason(error)));
            }
          },
        });
      } finally {
        await opened.handle?.close().catch(() => undefined);
      }
    },
    close: async () => {},
  };
}
