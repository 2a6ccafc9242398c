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
 * "unplugged", not a new file). A FIFO with no reader would block the open
 * forever (and a libuv thread with it): it is probed non-blocking first, which
 * fails at once with ENXIO when nobody reads.
 */
async function openForWriting(path: string): Promise<FileHandle> {
  if ((await stat(path)).isFIFO()) {
    const probe = await open(path, constants.O_WRONLY | constants.O_NONBLOCK);
    await probe.close();
  }
  return open(path, constants.O_WRONLY | constants.O_APPEND);
}

export function filePrinterLink(path: string): PrinterLink {
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
              await opened.handle.write(bytes);
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
