import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
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

export function filePrinterLink(path: string): PrinterLink {
  return {
    readsStatus: false,
    async session(work) {
      let handle: Awaited<ReturnType<typeof open>>;
      try {
        // Write-only, appending, and never creating: a missing /dev/usb/lp0 is "unplugged", not a new file.
        handle = await open(path, constants.O_WRONLY | constants.O_APPEND);
      } catch (error) {
        return err(cannotWrite(error instanceof Error ? error.message : String(error)));
      }
      try {
        return await work({
          status: async () => ok(ASSUMED_READY),
          send: async (bytes): Promise<Result<void, BridgeError>> => {
            try {
              await handle.write(bytes);
              return ok(undefined);
            } catch (error) {
              return err(cannotWrite(error instanceof Error ? error.message : String(error)));
            }
          },
        });
      } finally {
        await handle.close().catch(() => undefined);
      }
    },
    close: async () => {},
  };
}
