import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BridgeError } from '../../src/core/bridge/bridge-error';
import type {
  PrintedReceipt,
  PrintReceiptParams,
  RetriedPrintJob,
} from '../../src/core/bridge/bridge-methods';
import type { DeviceStatus } from '../../src/core/bridge/device-status';
import { receiptDocumentSchema } from '../../src/core/receipts';
import { err, ok, type Result } from '../../src/core/result';
import type { DeviceContext, ReceiptPrinterDriver } from '../host/device-drivers';
import { filePrinterLink } from './file-link';
import { PrintJournal } from './print-journal';
import { type PrintedJob, PrintQueue } from './print-queue';
import type { PrinterConfig } from './printer-config';
import type { PrinterLink } from './printer-link';
import { type PrinterCondition, toDeviceStatus, toDrawerStatus } from './printer-status';
import { buildReceipt, drawerKick } from './receipt-builder';
import { SerialPrinterLink } from './serial-link';
import { tcpPrinterLink } from './tcp-link';

// The receipt printer driver the device host uses: the print queue over the
// configured link, plus a background DLE EOT poll that keeps the printer's and
// the drawer's status in front of the cashier (paper near end, paper out,
// cover open, offline, drawer open). Returns at once; never throws.

const MAX_BACK_OFF_MS = 30_000;

function linkFor(config: PrinterConfig): PrinterLink {
  const { connection, timeoutMs } = config;
  if (connection.type === 'tcp')
    return tcpPrinterLink({ host: connection.host, port: connection.port, timeoutMs });
  if (connection.type === 'serial')
    return new SerialPrinterLink({ path: connection.path, baudRate: connection.baudRate, timeoutMs });
  return filePrinterLink(connection.path, timeoutMs);
}

/** Logos by asset id, read once; a missing one is logged and the receipt prints without it. */
function logoLoader(dir: string, log: DeviceContext['log']): (assetId: string) => Buffer | undefined {
  const cache = new Map<string, Buffer | undefined>();
  return (assetId) => {
    if (!cache.has(assetId)) {
      try {
        cache.set(assetId, readFileSync(join(resolve(dir), `${assetId}.png`)));
      } catch (error) {
        log('receipt logo not found, printing without it', { assetId, error: String(error) });
        cache.set(assetId, undefined);
      }
    }
    return cache.get(assetId);
  };
}

/** The queue on disk; if its directory cannot be made, the driver still prints (ids kept in memory only). */
function openJournal(dir: string, log: DeviceContext['log']): PrintJournal | undefined {
  try {
    return new PrintJournal(dir);
  } catch (error) {
    log('print journal unavailable: printed job ids kept in memory only', { dir, error: String(error) });
    return undefined;
  }
}

export function createReceiptPrinter(config: PrinterConfig, context: DeviceContext): ReceiptPrinterDriver {
  const link = linkFor(config);
  const printerId = { deviceId: config.deviceId, name: config.name, simulated: config.simulated };
  const drawerId = {
    deviceId: `${config.deviceId}-drawer`,
    name: `${config.name} – tiroir`,
    simulated: config.simulated,
  };
  const logo = logoLoader(config.logoDir, context.log);
  const queue = new PrintQueue({
    link,
    build: (document) =>
      buildReceipt(document, {
        model: config.model,
        codePage: config.codePage,
        charset: config.charset,
        widthChars: config.width,
        logo,
      }),
    drawerKick: drawerKick(config.model),
    journal: openJournal(join(context.dataDir, 'printers', config.deviceId), context.log),
    log: context.log,
  });

  const report = (status: DeviceStatus) => context.reportStatus(status);
  report({ ...printerId, kind: 'printer', state: 'connecting' });
  report({ ...drawerId, kind: 'drawer', state: 'connecting' });

  /** What the printer just told us (poll, job or kick), or why it could not. */
  function reportCondition(result: Result<PrinterCondition, BridgeError>): void {
    if (!result.ok) {
      report({
        ...printerId,
        kind: 'printer',
        state: 'disconnected',
        detail: result.error.message.slice(0, 200),
      });
      report(toDrawerStatus(null, drawerId));
      return;
    }
    if (!link.readsStatus) {
      // A device file answers nothing: say so rather than show a green light we cannot back.
      report({
        ...printerId,
        kind: 'printer',
        state: 'connected',
        detail: 'État du papier inconnu (sortie fichier)',
      });
      report({
        ...drawerId,
        kind: 'drawer',
        state: 'degraded',
        detail: 'État du tiroir inconnu (sortie fichier)',
      });
      return;
    }
    report(toDeviceStatus(result.value, printerId));
    report(toDrawerStatus(result.value, drawerId));
  }

  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  let polling: Promise<void> = Promise.resolve();

  async function poll(): Promise<void> {
    try {
      const result = await queue.status();
      if (closed) return;
      reportCondition(result);
      failures = result.ok || result.error.code !== 'printer-unreachable' ? 0 : failures + 1;
    } catch (error) {
      context.log('printer status poll failed', { error: String(error) });
    }
    schedule();
  }

  function schedule(): void {
    if (closed) return;
    // An unplugged printer is asked less and less often, up to every 30 s.
    const delay = Math.min(config.statusPollMs * 2 ** failures, MAX_BACK_OFF_MS);
    timer = setTimeout(() => {
      polling = poll();
    }, delay);
  }
  polling = poll();

  /** A job's result for the bridge, after telling the status line what the printer said. */
  async function answer(
    jobId: string,
    printed: Result<PrintedJob, BridgeError>,
  ): Promise<Result<PrintedReceipt, BridgeError>> {
    if (!printed.ok) {
      // Ask again rather than guess from the error: paper out still tells the drawer's state.
      if (printed.error.retryable) reportCondition(await queue.status());
      return printed;
    }
    const { condition } = printed.value;
    if (condition) reportCondition(ok(condition));
    return ok({
      jobId,
      printedNow: printed.value.printedNow,
      paperNearEnd: condition?.paperNearEnd ?? false,
    });
  }

  return {
    async print(params: PrintReceiptParams) {
      const document = receiptDocumentSchema.safeParse(params.document);
      if (!document.success)
        return err({
          code: 'bad-request',
          message: 'receipt document does not match its schema',
          retryable: false,
        });
      return answer(params.jobId, await queue.print(params.jobId, document.data));
    },

    async retry(jobId: string) {
      return answer(jobId, await queue.retry(jobId));
    },

    async retryQueued() {
      const results: RetriedPrintJob[] = [];
      // One after another, oldest first: the receipts come out in the order of the sales.
      for (const { jobId } of queue.queued()) {
        const printed = await answer(jobId, await queue.retry(jobId));
        results.push(
          printed.ok ? { printed: true, ...printed.value } : { printed: false, jobId, error: printed.error },
        );
      }
      return results;
    },

    queue() {
      return queue.queued().map((job) => ({
        jobId: job.jobId,
        reason: job.lastError.message.slice(0, 200),
        code: job.lastError.code,
      }));
    },

    async openDrawer() {
      const kicked = await queue.openDrawer();
      reportCondition(kicked.ok ? kicked : await queue.status());
      return kicked.ok ? ok({ opened: true as const }) : kicked;
    },

    async close() {
      closed = true;
      clearTimeout(timer);
      await polling;
      await link.close();
    },
  };
}
