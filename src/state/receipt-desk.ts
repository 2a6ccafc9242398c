import QRCode from 'qrcode';
import { createStore } from 'zustand/vanilla';
import type { DisplayLines } from '../core/bridge/bridge-methods';
import type { JournalEntry } from '../core/journal/journal-entry';
import {
  buildSaleReceipt,
  type ReceiptContext,
  type ReceiptDocument,
  receiptToPlainText,
} from '../core/receipts';
import { digitalReceiptUrl } from '../core/receipts/digital-receipt';
import { decideReceiptPrint, type PrintDecision, type ReceiptException } from '../core/receipts/print-policy';
import type { CompletedSale } from '../core/sale/completed-sale';
import type { StoreSettings } from '../core/settings/store-settings';
import { receiptErrorWords } from '../i18n/error-words';
import { t } from '../i18n/i18n';
import { newId } from './ids';
import { receiptContextFrom } from './receipt-context';
import { printReceipt, type ReceiptPrintState, receiptJobId } from './receipt-printing';
import type { TillServices } from './till-services';

// The customer's receipt after a sale, under the AGEC law: the till asks
// (paper, QR, nothing) unless the store's setting says otherwise or a legal
// exception makes it print regardless (docs/receipts.md). A copy printed
// after the original is a DUPLICATA with its count, journalled first
// (`receipt.reprinted`), so the count on paper is the journal's.

export type ReceiptChoice = 'pending' | 'paper' | 'digital' | 'none';

export interface IssuedReceipt {
  readonly receiptNumber: string;
  readonly entryId: string;
  readonly entryHash: string;
  readonly decision: PrintDecision;
  readonly choice: ReceiptChoice;
  /** Where the customer opens the receipt (the QR code's content). */
  readonly digitalUrl: string;
  /** The QR code as SVG markup, once the customer chose the digital receipt. */
  readonly qrSvg: string | undefined;
  /** Whether the original went to the printer; a later paper is a DUPLICATA. */
  readonly originalSent: boolean;
  /** The last reprint count journalled for this receipt (0 = none). */
  readonly reprints: number;
}

export interface ReceiptDeskState {
  readonly receipt: IssuedReceipt | undefined;
  /** The last receipt or duplicate on its way to the printer. */
  readonly print: ReceiptPrintState | undefined;
  /** In words for the cashier. */
  readonly problem: string | undefined;
}

type DeskServices = Pick<TillServices, 'db' | 'journal' | 'bridge' | 'config'>;

export interface SaleToReceipt {
  readonly sale: CompletedSale;
  readonly entry: Pick<JournalEntry, 'id' | 'hash'>;
  readonly receiptNumber: string;
  readonly settings: StoreSettings;
  readonly cashierName: string;
  readonly staffId: string;
  readonly terminalSlips: readonly (readonly string[])[];
}

/** What the sale screen shows of the receipt: its text, or why there is none. */
export type IssueOutcome =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: string };

/** The pole display while the QR code is on screen (2 x 20), in the active language. */
const scanQrLines = (): DisplayLines => ({
  upper: t('receiptDesk.displayScanQr.upper'),
  lower: t('receiptDesk.displayScanQr.lower'),
});

export function createReceiptDesk(services: DeskServices) {
  const store = createStore<ReceiptDeskState>()(() => ({
    receipt: undefined,
    print: undefined,
    problem: undefined,
  }));
  const { bridge } = services;
  // What printing needs and the screen does not: the context and the original document.
  let current:
    | { context: ReceiptContext; sale: CompletedSale; staffId: string; original: ReceiptDocument }
    | undefined;
  let lastJob: { jobId: string; document: ReceiptDocument } | undefined;

  const update = (change: Partial<IssuedReceipt>) =>
    store.setState((s) => (s.receipt ? { receipt: { ...s.receipt, ...change } } : {}));

  async function send(jobId: string, document: ReceiptDocument): Promise<void> {
    lastJob = { jobId, document };
    store.setState({
      print: { jobId, status: 'printing', message: 'Impression du ticket…' },
      problem: undefined,
    });
    const print = await printReceipt(bridge, jobId, document);
    store.setState((s) => (s.print?.jobId === jobId ? { print } : {}));
  }

  async function legalGuaranteeIds(sale: CompletedSale): Promise<string[]> {
    const ids = [...new Set(sale.lines.filter((l) => l.voided === null).map((l) => l.productId))];
    const products = await services.db.catalog.getMany(ids);
    return ids.filter((id) => products.get(id)?.legalGuarantee === true);
  }

  /** How many copies of this receipt the journal already records. */
  async function journalledReprints(receiptNumber: string): Promise<number> {
    const entries = await services.db.journal.find({ selector: { kind: 'receipt.reprinted' } }).exec();
    return entries.filter(
      (e) => (e.toJSON().payload as { receiptNumber?: string }).receiptNumber === receiptNumber,
    ).length;
  }

  async function printOriginal(): Promise<void> {
    if (!current) return;
    update({ originalSent: true });
    await send(receiptJobId(current.original.receiptNumber, current.sale.saleId), current.original);
  }

  /** A copy after the original: journalled first, then printed with DUPLICATA n° <count>. */
  async function printDuplicate(): Promise<void> {
    const receipt = store.getState().receipt;
    if (!current || !receipt) return;
    const count = (await journalledReprints(receipt.receiptNumber)) + 1;
    const entry = await services.journal.append({
      kind: 'receipt.reprinted',
      payload: {
        receiptNumber: receipt.receiptNumber,
        entryId: receipt.entryId,
        entryHash: receipt.entryHash,
        reprintCount: count,
        staffId: current.staffId,
      },
      id: newId(),
      recordedAt: new Date().toISOString(),
    });
    if (!entry.ok) {
      store.setState({ problem: t('receiptDesk.duplicateNotJournalled') });
      return;
    }
    update({ reprints: count });
    const duplicate = buildSaleReceipt(current.sale, {
      ...current.context,
      duplicate: true,
      reprintCount: count,
      terminalSlips: [],
    });
    if (!duplicate.ok) {
      store.setState({
        problem: t('receiptDesk.duplicateProblem', { words: receiptErrorWords(duplicate.error) }),
      });
      return;
    }
    await send(`${receiptJobId(receipt.receiptNumber, current.sale.saleId)}:dup${count}`, duplicate.value);
  }

  return {
    store,

    /** The sale is journalled: build its receipt and decide whether it prints (printIfDecided) or the customer chooses. */
    async issue(input: SaleToReceipt, cardCancelled = false): Promise<IssueOutcome> {
      current = undefined;
      store.setState({ receipt: undefined, print: undefined, problem: undefined });
      const base = receiptContextFrom(
        input.settings,
        { receiptNumber: input.receiptNumber, entryHash: input.entry.hash },
        input.cashierName,
      );
      if (!base.ok) {
        store.setState({ problem: base.error.message });
        return { ok: false, problem: base.error.message };
      }
      const guaranteed = await legalGuaranteeIds(input.sale);
      const context: ReceiptContext = { ...base.value, legalGuaranteeProductIds: guaranteed };
      const document = buildSaleReceipt(input.sale, {
        ...context,
        terminalSlips: input.terminalSlips.map((lines) => [...lines]),
      });
      if (!document.ok) {
        const problem = t('sale.receiptProblem', { words: receiptErrorWords(document.error) });
        store.setState({ problem });
        return { ok: false, problem };
      }
      const exceptions: ReceiptException[] = [
        ...(guaranteed.length > 0 ? (['legal-guarantee'] as const) : []),
        ...(cardCancelled ? (['card-cancelled'] as const) : []),
      ];
      const decision = decideReceiptPrint(input.settings.receiptPrintMode ?? 'ask', exceptions);
      current = { context, sale: input.sale, staffId: input.staffId, original: document.value };
      store.setState({
        receipt: {
          receiptNumber: input.receiptNumber,
          entryId: input.entry.id,
          entryHash: input.entry.hash,
          decision,
          choice: decision.action === 'print' ? 'paper' : decision.action === 'none' ? 'none' : 'pending',
          digitalUrl: digitalReceiptUrl(services.config.syncUrl, input.entry),
          qrSvg: undefined,
          originalSent: false,
          reprints: 0,
        },
      });
      return { ok: true, text: receiptToPlainText(document.value, 42) };
    },

    /** After the drawer: prints the receipt issued last when the rule said print without asking. */
    async printIfDecided(): Promise<void> {
      const receipt = store.getState().receipt;
      if (receipt?.decision.action === 'print' && !receipt.originalSent) await printOriginal();
    },

    /** The customer wants paper: the original the first time, a journalled DUPLICATA after that. */
    async choosePaper(): Promise<void> {
      const receipt = store.getState().receipt;
      if (!receipt) return;
      update({ choice: 'paper' });
      if (receipt.originalSent) await printDuplicate();
      else await printOriginal();
    },

    /** The customer scans the receipt: the QR code on screen, and a word on the pole display. */
    async chooseDigital(): Promise<void> {
      const receipt = store.getState().receipt;
      if (!receipt) return;
      const qrSvg = await QRCode.toString(receipt.digitalUrl, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      });
      update({ choice: 'digital', qrSvg });
      if (bridge) await bridge.showOnDisplay(scanQrLines());
    },

    chooseNone(): void {
      update({ choice: 'none' });
    },

    /** Prints the waiting job again under the same id: the host prints it once, whatever happened before. */
    async retryPrint(): Promise<void> {
      if (!lastJob) return;
      await send(lastJob.jobId, lastJob.document);
    },

    /** The host printed `jobId` (retried from the list of waiting receipts): it no longer waits. */
    receiptPrinted(jobId: string): void {
      store.setState((s) =>
        s.print?.jobId === jobId && s.print.status === 'queued'
          ? { print: { jobId, status: 'printed', message: t('till.print.printed') } }
          : {},
      );
    },

    /** A new sale starts: the question is gone; a receipt still waiting for paper stays on screen. */
    nextSale(): void {
      store.setState((s) => ({
        receipt: undefined,
        problem: undefined,
        print: s.print?.status === 'queued' ? s.print : undefined,
      }));
    },
  };
}

export type ReceiptDesk = ReturnType<typeof createReceiptDesk>;
