import { createStore } from 'zustand/vanilla';
import { defaultScanConfig, parseScan } from '../core/barcodes';
import { formatReceiptNumber } from '../core/journal/receipt-number';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import type {
  HandoverIdentification,
  HandoverLine,
  HandoverRemainderReason,
  HandoverSignature,
  OrderHandover,
} from '../core/orders/handover';
import { piecesLeft } from '../core/orders/pickup-queue';
import { allCounted, type ItemCounts, type WantedPieces } from '../core/orders/pickup-scan';
import type { ReceiptMailRequest } from '../core/orders/receipt-mail';
import type { Result } from '../core/result';
import { t } from '../i18n/i18n';
import { verifyForDesk } from './pickup-find';
import { scanOrderItem } from './pickup-item-scan';
import type { PickupPort } from './pickup-port';
import type { PickupRefusalLog } from './pickup-refusal-log';
import type { RefusedReturnDone } from './pickup-refused-return';
import { pickupSlipDocument } from './pickup-slip';
import { pickupSlipMail } from './pickup-slip-mail';
import { handoverErrorWords } from './pickup-words';
import type { ReceiptPrintState } from './receipt-printing';

// Handing an order over at the desk, step by step:
// 1. identify: the order's signature checks out offline (else nothing can be
//    handed over), and the customer shows their pickup code or an ID (only
//    the kind of document is kept, never its number);
// 2. items: each piece is scanned; a wrong item is refused by its name, the
//    missing ones are listed; all of them is a full handover, fewer a partial
//    one whose rest stays waiting with a reason;
// 3. sign: the customer signs on the screen; the signature is stored with the handover;
// 4. done: the handover is journaled and the order pushed (recordOrderHandover),
//    and the slip printed.

export type HandoverStep = 'identify' | 'items' | 'sign' | 'done';

export interface DoneHandover {
  readonly handover: OrderHandover;
  readonly order: ClickCollectOrder;
  readonly receiptNumber: string;
  readonly print: ReceiptPrintState | undefined;
  /** The slip by e-mail: handed to the server, or waiting in the desk's outbox; no address on the order. */
  readonly mail?: 'sent' | 'queued' | 'no-email';
  /** Pieces refused by the customer, returned at once (pickup-refused-return.ts), and how it went. */
  readonly refused?: {
    readonly lines: readonly HandoverLine[];
    readonly outcome: Result<RefusedReturnDone, string> | undefined;
  };
}

export interface PickupHandoverState {
  readonly order: ClickCollectOrder | undefined;
  readonly step: HandoverStep;
  /** False when nothing may be handed over: the signature did not check out, or the order is not waiting. */
  readonly trusted: boolean;
  readonly identification: HandoverIdentification | undefined;
  readonly counts: ItemCounts;
  /** Of the pieces scanned, those the customer refuses: handed over, then returned (docs/pickup.md). */
  readonly refused: ItemCounts;
  readonly partial: boolean;
  readonly remainderReason: HandoverRemainderReason | undefined;
  readonly signature: HandoverSignature | undefined;
  readonly busy: boolean;
  readonly message: string | undefined;
  readonly problem: string | undefined;
  readonly done: DoneHandover | undefined;
}

const initial: PickupHandoverState = {
  order: undefined,
  step: 'identify',
  trusted: false,
  identification: undefined,
  counts: {},
  refused: {},
  partial: false,
  remainderReason: undefined,
  signature: undefined,
  busy: false,
  message: undefined,
  problem: undefined,
  done: undefined,
};

/** What is left to hand over, line by line. */
export const wantedToHandOver = (order: ClickCollectOrder): WantedPieces => piecesLeft(order);

/** The pieces scanned, as handover lines in the order's line order (lines with none scanned left out). */
const linesOf = (order: ClickCollectOrder, counts: ItemCounts) =>
  order.lines
    .map((line) => ({ lineId: line.lineId, quantity: counts[line.lineId] ?? 0 }))
    .filter((line) => line.quantity > 0);

export interface PickupHandoverServices {
  readonly port: PickupPort;
  readonly refusals: PickupRefusalLog;
  /** Whether the order is paid (online, at a till, at this desk): nothing is handed over before. */
  readonly isPaid?: (order: ClickCollectOrder) => Promise<boolean>;
  /** Sends the slip by e-mail (receipt-mail-outbox.ts): 'sent', or 'queued' while the link is down. */
  readonly sendSlipMail?: (mail: ReceiptMailRequest) => Promise<'sent' | 'queued'>;
  /** The store's name, for the e-mail's subject. */
  readonly storeName?: () => Promise<string | undefined>;
  /** Returns the pieces the customer refused, once handed over (pickup-refused-return.ts). */
  readonly returnRefused?: (
    order: ClickCollectOrder,
    refused: readonly HandoverLine[],
    staffId: string,
  ) => Promise<Result<RefusedReturnDone, string>>;
}

export function createPickupHandoverStore({
  port,
  refusals,
  isPaid,
  returnRefused,
  sendSlipMail,
  storeName,
}: PickupHandoverServices) {
  const store = createStore<PickupHandoverState>()(() => initial);
  const problem = (words: string) => store.setState({ problem: words, message: undefined, busy: false });

  async function identifyByCode(raw: string): Promise<boolean> {
    const { order } = store.getState();
    if (!order) return false;
    const text = raw.trim();
    const scan = /^POS1:/i.test(text)
      ? parseScan(text, (await port.settings())?.scanConfig ?? defaultScanConfig)
      : undefined;
    const code = scan
      ? scan.ok && scan.value.kind === 'pickup'
        ? scan.value.pickupCode
        : undefined
      : text.toUpperCase();
    if (code !== order.pickupCode) {
      const words = t('pickupApp.identify.wrongCode');
      refusals.log({ input: text, reason: 'code-of-another-order', words, orderId: order.id });
      problem(words);
      return false;
    }
    store.setState({
      identification: { method: 'pickup-code-scanned', pickupCode: code },
      step: 'items',
      problem: undefined,
      message: t('pickupApp.identify.codeChecked'),
    });
    return true;
  }

  async function returnTheRefused(staffId: string): Promise<void> {
    const { done } = store.getState();
    if (!done?.refused || done.refused.outcome?.ok || !returnRefused) {
      store.setState({ busy: false });
      return;
    }
    store.setState({ busy: true });
    const outcome = await returnRefused(done.order, done.refused.lines, staffId);
    store.setState((s) =>
      s.done?.refused
        ? { busy: false, done: { ...s.done, refused: { ...s.done.refused, outcome } } }
        : { busy: false },
    );
  }

  return {
    store,

    /** Opens an order for handover; the customer is identified already when found by their code. */
    async open(
      order: ClickCollectOrder,
      identification: HandoverIdentification | undefined,
      input = '',
    ): Promise<void> {
      store.setState({ ...initial, order, busy: true });
      const verified = await verifyForDesk({ port, refusals }, order, input);
      if (!verified.ok) return store.setState({ busy: false, problem: verified.words });
      if (order.status !== 'ready-for-pickup' && order.status !== 'partially-handed-over') {
        return store.setState({
          busy: false,
          trusted: false,
          problem: t(`pickupApp.handover.notNow.${order.status}`),
        });
      }
      store.setState({
        busy: false,
        trusted: true,
        identification,
        step: identification ? 'items' : 'identify',
      });
    },

    close(): void {
      store.setState(initial);
    },

    identifyByCode,

    /** The clerk checked an ID: only its kind is recorded. */
    identifyById(document: Extract<HandoverIdentification, { method: 'id-checked' }>['document']): void {
      const { order, trusted } = store.getState();
      if (!order || !trusted) return;
      store.setState({
        identification: { method: 'id-checked', document },
        step: 'items',
        problem: undefined,
        message: undefined,
      });
    },

    /** A scan: the customer's code while identifying, an item after. */
    async scan(raw: string): Promise<void> {
      const { order, step, counts, trusted } = store.getState();
      if (!order || !trusted) return;
      if (step === 'identify') {
        await identifyByCode(raw);
        return;
      }
      if (step !== 'items') return;
      const outcome = await scanOrderItem(port, order, wantedToHandOver(order), counts, raw);
      if (outcome.ok) store.setState({ counts: outcome.counts, message: outcome.words, problem: undefined });
      else problem(outcome.words);
    },

    /** Hand over part of it: what was scanned goes, the rest stays with its reason. */
    choosePartial(reason: HandoverRemainderReason | undefined): void {
      store.setState({ partial: reason !== undefined, remainderReason: reason, problem: undefined });
    },

    /** On to the signature: all pieces scanned, or some with a reason for the rest. */
    toSignature(): boolean {
      const { order, counts, remainderReason, step } = store.getState();
      if (!order || step !== 'items') return false;
      const complete = allCounted(wantedToHandOver(order), counts);
      if (!complete) {
        if (linesOf(order, counts).length === 0) {
          problem(t('pickupApp.items.noneScanned'));
          return false;
        }
        if (!remainderReason) {
          store.setState({ partial: true });
          problem(t('pickupApp.items.reasonNeeded'));
          return false;
        }
      }
      store.setState({ step: 'sign', partial: !complete, problem: undefined, message: undefined });
      return true;
    },

    backToItems(): void {
      if (store.getState().step === 'sign') store.setState({ step: 'items', signature: undefined });
    },

    setSignature(signature: HandoverSignature | undefined): void {
      store.setState({ signature, problem: undefined });
    },

    /** Records the handover (journal, order, outbox) and prints the slip. */
    async confirm(staffId: string): Promise<boolean> {
      const { order, identification, counts, partial, remainderReason, signature, step, busy } =
        store.getState();
      if (!order || !identification || step !== 'sign' || busy) return false;
      if (!signature) {
        problem(t('pickupApp.sign.needed'));
        return false;
      }
      store.setState({ busy: true, problem: undefined });
      // Paid at pickup: the latest copy of the order (a till's sale may have arrived), or this desk's own sale.
      if (isPaid && !(await isPaid((await port.order(order.id)) ?? order))) {
        problem(t('pickupApp.pay.dueFirst'));
        return false;
      }
      const at = port.now();
      const handover: OrderHandover = {
        id: port.newId(),
        orderId: order.id,
        staffId,
        tillId: port.till.tillId,
        handedOverAt: new Date(at).toISOString(),
        lines: linesOf(order, counts),
        identification,
        ...(partial && remainderReason ? { remainderReason } : {}),
        signature,
      };
      const entryId = port.newId();
      const recorded = await port.handOver(handover, { id: entryId, recordedAt: new Date(at).toISOString() });
      if (!recorded.ok) {
        problem(handoverErrorWords(recorded.error));
        return false;
      }
      const sequence = (await port.entrySequence(entryId)) ?? 0;
      const receiptNumber = formatReceiptNumber({
        storeCode: port.till.storeCode,
        tillCode: port.till.tillCode,
        sequence,
      });
      const refusedLines = linesOf(order, store.getState().refused);
      const done: DoneHandover = {
        handover,
        order: recorded.value,
        receiptNumber,
        print: undefined,
        ...(refusedLines.length > 0 ? { refused: { lines: refusedLines, outcome: undefined } } : {}),
      };
      store.setState({
        busy: refusedLines.length > 0,
        step: 'done',
        order: recorded.value,
        done,
        message: t('pickupApp.done.recorded'),
      });
      if (refusedLines.length > 0) await returnTheRefused(staffId);
      return true;
    },

    /** One more piece of a scanned line refused by the customer (at most what was scanned). */
    refuseOne(lineId: string): void {
      const { counts, refused, step } = store.getState();
      if (step !== 'items') return;
      const now = refused[lineId] ?? 0;
      if (now >= (counts[lineId] ?? 0)) return;
      store.setState({ refused: { ...refused, [lineId]: now + 1 }, problem: undefined });
    },

    /** The customer takes the line's pieces after all. */
    unrefuse(lineId: string): void {
      const { refused, step } = store.getState();
      if (step !== 'items') return;
      const { [lineId]: _gone, ...rest } = refused;
      store.setState({ refused: rest });
    },

    /** Tries the return of the refused pieces again (the terminal was busy, say). */
    retryRefusedReturn: (staffId: string) => returnTheRefused(staffId),

    /** Sends the slip to the order's own e-mail (again: the server keeps the first). */
    async mailSlip(): Promise<void> {
      const { done } = store.getState();
      if (!done || !sendSlipMail) return;
      const name = (await storeName?.()) ?? port.till.storeCode;
      const mail = pickupSlipMail(done.order, done.handover, done.receiptNumber, name);
      const outcome = mail ? await sendSlipMail(mail) : 'no-email';
      store.setState((s) => (s.done ? { done: { ...s.done, mail: outcome } } : {}));
    },

    /** Prints (or prints again: same job) the handover slip. */
    async printSlip(): Promise<void> {
      const { done } = store.getState();
      if (!done) return;
      const print = await port.print(
        `pickup:${done.handover.id}`,
        pickupSlipDocument(done.order, done.handover, done.receiptNumber),
      );
      store.setState((s) => (s.done ? { done: { ...s.done, print } } : {}));
    },
  };
}
export type PickupHandoverStore = ReturnType<typeof createPickupHandoverStore>;
