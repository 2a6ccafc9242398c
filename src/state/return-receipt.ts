import QRCode from 'qrcode';
import type { JournalEntry } from '../core/journal/journal-entry';
import { buildReturnReceipt, type ReceiptDocument, receiptToPlainText } from '../core/receipts';
import { digitalReceiptUrl } from '../core/receipts/digital-receipt';
import { decideReceiptPrint, type PrintDecision } from '../core/receipts/print-policy';
import { err, ok, type Result } from '../core/result';
import type { CompletedReturn } from '../core/returns/completed-return';
import type { StoreSettings } from '../core/settings/store-settings';
import { receiptErrorWords } from '../i18n/error-words';
import { t } from '../i18n/i18n';
import { receiptContextFrom } from './receipt-context';
import { printReceipt, type ReceiptPrintState, receiptJobId } from './receipt-printing';
import type { TillServices } from './till-services';

// The return receipt, under the receipt desk's rule (docs/receipts.md): a card
// refund prints regardless (its slip goes with it); otherwise the store's
// setting decides, 'ask' by default: paper, QR (the digital receipt on the
// sync server) or nothing. It carries the original receipt number.

export interface IssuedReturnReceipt {
  readonly decision: PrintDecision;
  readonly choice: 'pending' | 'paper' | 'digital' | 'none';
  readonly text: string;
  readonly digitalUrl: string;
  readonly qrSvg: string | undefined;
  readonly print: ReceiptPrintState | undefined;
  choose(choice: 'paper' | 'digital' | 'none'): Promise<IssuedReturnReceipt>;
}

export interface ReturnToReceipt {
  readonly record: CompletedReturn;
  readonly entry: Pick<JournalEntry, 'id' | 'hash'>;
  readonly receiptNumber: string;
  readonly originalReceiptNumber: string | null;
  readonly settings: StoreSettings;
  readonly cashierName: string;
  /** The terminal's card refund slips, printed with the receipt. */
  readonly cardSlips: readonly (readonly string[])[];
}

export async function issueReturnReceipt(
  services: Pick<TillServices, 'config' | 'bridge'>,
  input: ReturnToReceipt,
): Promise<Result<IssuedReturnReceipt, string>> {
  const base = receiptContextFrom(
    input.settings,
    { receiptNumber: input.receiptNumber, entryHash: input.entry.hash },
    input.cashierName,
  );
  if (!base.ok) return err(base.error.message);
  const built = buildReturnReceipt(input.record, {
    ...base.value,
    originalReceiptNumber: input.originalReceiptNumber,
    terminalSlips: input.cardSlips.map((lines) => [...lines]),
  });
  if (!built.ok) return err(t('returns.receipt.problem', { words: receiptErrorWords(built.error) }));
  const document: ReceiptDocument = built.value;
  const decision = decideReceiptPrint(
    input.settings.receiptPrintMode ?? 'ask',
    input.cardSlips.length > 0 ? ['card-refund'] : [],
  );
  const jobId = receiptJobId(input.receiptNumber, input.record.returnId);
  const digitalUrl = digitalReceiptUrl(services.config.syncUrl, input.entry);

  const issued = (
    state: Omit<IssuedReturnReceipt, 'choose' | 'decision' | 'text' | 'digitalUrl'>,
  ): IssuedReturnReceipt => ({
    ...state,
    decision,
    text: receiptToPlainText(document, 42),
    digitalUrl,
    async choose(choice) {
      if (choice === 'paper') {
        return issued({ ...state, choice, print: await printReceipt(services.bridge, jobId, document) });
      }
      if (choice === 'digital') {
        const qrSvg = await QRCode.toString(digitalUrl, {
          type: 'svg',
          errorCorrectionLevel: 'M',
          margin: 2,
        });
        return issued({ ...state, choice, qrSvg });
      }
      return issued({ ...state, choice });
    },
  });
  const first = issued({
    choice: decision.action === 'print' ? 'paper' : decision.action === 'none' ? 'none' : 'pending',
    qrSvg: undefined,
    print: undefined,
  });
  return ok(decision.action === 'print' ? await first.choose('paper') : first);
}
