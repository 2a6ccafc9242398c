import { printReceiptParamsSchema } from '../core/bridge/bridge-methods';
import type { PosBridge } from '../core/bridge/pos-bridge';
import type { ReceiptDocument } from '../core/receipts';
import { t } from '../i18n/i18n';
import { bridgeErrorWords } from './device-words';

/** Where the receipt of the last sale stands; the sale itself is done whatever this says. */
export interface ReceiptPrintState {
  readonly jobId: string;
  readonly status: 'printing' | 'printed' | 'queued' | 'no-printer';
  /** For the cashier. */
  readonly message: string;
}

/**
 * The print job id of a receipt: derived from the receipt number, so every
 * retry of the same receipt is the same job and the host prints it once.
 */
export function receiptJobId(receiptNumber: string, saleId: string): string {
  const id = `receipt:${receiptNumber || saleId}`;
  return id.replace(/[^A-Za-z0-9._:-]/g, '-').slice(0, 64);
}

/** Prints (or reprints: same job id) the receipt and says how it went. Never throws. */
export async function printReceipt(
  bridge: PosBridge | undefined,
  jobId: string,
  document: ReceiptDocument,
): Promise<ReceiptPrintState> {
  if (!bridge) return { jobId, status: 'no-printer', message: t('till.print.noBridge') };
  // Checked here too (the host checks again): the frozen document becomes plain bridge params.
  const params = printReceiptParamsSchema.safeParse({ jobId, document });
  if (!params.success) {
    return {
      jobId,
      status: 'queued',
      message: t('sale.receiptUnprintable', { words: t('errors.receipt.invalid-receipt-document') }),
    };
  }
  const printed = await bridge.printReceipt(params.data);
  if (printed.ok) {
    const { printedNow, paperNearEnd } = printed.value;
    const message = printedNow ? t('till.print.printed') : t('till.print.alreadyPrinted');
    return {
      jobId,
      status: 'printed',
      message: paperNearEnd ? t('till.print.paperLow', { message }) : message,
    };
  }
  if (printed.error.code === 'device-not-configured') {
    return { jobId, status: 'no-printer', message: t('till.print.noPrinter') };
  }
  return {
    jobId,
    status: 'queued',
    message: t('till.print.queued', { words: bridgeErrorWords(printed.error) }),
  };
}
