import { createStore } from 'zustand/vanilla';
import type { Money } from '../core/money';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import { pickupOrderSale } from '../core/orders/pickup-order-sale';
import { orderAmount, type PickupPaymentState, pickupPaymentState } from '../core/orders/pickup-payment';
import { t } from '../i18n/i18n';
import { cardTenderFrom } from './card-tender';
import { chargeKioskCard, type KioskCardResult, recoverKioskCard } from './kiosk-card-payment';
import type { PendingDeskCard, PickupPaymentPort } from './pickup-payment-port';

// Paying an order at the pickup desk (docs/pickup.md, "Paid at pickup"). An
// order the web shop did not charge is due; the desk hands nothing over
// until it is paid, one of two ways:
// - by card here: the attempt is kept (pending) before the terminal hears of
//   it; an approval journals a sale of the order's lines with that card tender,
//   naming the order (the sale core's completeSale); an unknown outcome is
//   asked of the terminal (payment.recover), never charged again, also after
//   a reload; a declined card leaves the order due;
// - at a till: the customer takes their pickup code to the till, which sells
//   the order (pickup-order-at-till.ts); the desk sees it paid when the
//   server's copy of the order arrives with its `payment`.
// An order already paid (online, by a till, by this desk) is never charged:
// a second attempt is refused in words.

export type DeskPayPhase =
  /** Nothing open. */
  | 'idle'
  | 'due'
  | 'charging'
  /** The terminal could not say whether it charged the card: ask it again. */
  | 'unknown'
  /** Sent to a till: waiting for its sale to reach the desk. */
  | 'at-till'
  | 'paid';

export interface PickupPaymentView {
  readonly orderId: string | undefined;
  readonly phase: DeskPayPhase;
  readonly amount: Money | undefined;
  readonly paid: PickupPaymentState | undefined;
  readonly message: string | undefined;
  readonly problem: string | undefined;
}

const initial: PickupPaymentView = {
  orderId: undefined,
  phase: 'idle',
  amount: undefined,
  paid: undefined,
  message: undefined,
  problem: undefined,
};

export function createPickupPaymentStore(port: PickupPaymentPort) {
  const store = createStore<PickupPaymentView>()(() => initial);
  let order: ClickCollectOrder | undefined;
  let stopWatching: (() => void) | undefined;
  let working: Promise<void> | undefined;

  const paidState = async (of: ClickCollectOrder) => pickupPaymentState(of, await port.ownSale(of.id));

  /** The order changed (replication, or this desk's sale): paid shows as paid, whatever the phase. */
  async function refresh(): Promise<void> {
    if (!order) return;
    const state = await paidState(order);
    const { phase } = store.getState();
    if (state.kind !== 'due') {
      store.setState({ phase: 'paid', paid: state, problem: undefined, message: paidWords(state) });
    } else if (phase === 'idle') {
      store.setState({ phase: 'due', amount: state.amount, paid: state });
    }
  }

  async function settle(result: KioskCardResult, pending: PendingDeskCard): Promise<void> {
    if (result.kind === 'unknown') {
      store.setState({ phase: 'unknown', message: undefined, problem: t('pickupApp.pay.unknown') });
      return;
    }
    if (result.kind !== 'paid') {
      await port.pending.clear();
      store.setState({ phase: 'due', message: undefined, problem: t(`pickupApp.pay.${result.kind}`) });
      return;
    }
    const of = order?.id === pending.orderId ? order : undefined;
    const empty = await port.emptyCart();
    const at = new Date(port.now()).toISOString();
    const sale = of
      ? pickupOrderSale({
          order: of,
          empty,
          lineIds: of.lines.map(() => port.newId()),
          tender: cardTenderFrom(result.approved, port.newId()),
          details: {
            saleId: pending.saleId,
            storeCode: port.till.storeCode,
            tillCode: port.till.tillCode,
            staffId: pending.staffId,
            startedAt: pending.startedAt,
            completedAt: at,
          },
        })
      : undefined;
    // Charged but not recorded: the pending attempt stays (it names the payment), staff must look.
    if (!sale?.ok) {
      store.setState({ phase: 'unknown', problem: t('pickupApp.pay.notRecorded') });
      return;
    }
    const journaled = await port.journalSale(sale.value, { id: port.newId(), recordedAt: at });
    if (!journaled.ok) {
      store.setState({ phase: 'unknown', problem: t('pickupApp.pay.notRecorded') });
      return;
    }
    await port.pending.clear();
    const paid: PickupPaymentState = {
      kind: 'paid-in-store',
      saleId: sale.value.saleId,
      receiptNumber: journaled.value.receiptNumber,
    };
    store.setState({ phase: 'paid', paid, problem: undefined, message: paidWords(paid) });
  }

  function once(task: () => Promise<void>): Promise<void> {
    working ??= task().finally(() => {
      working = undefined;
    });
    return working;
  }

  const api = {
    store,

    /** Follows the order on screen: due, or paid (online, by a till, here). */
    async open(next: ClickCollectOrder): Promise<void> {
      stopWatching?.();
      order = next;
      store.setState({ ...initial, orderId: next.id });
      stopWatching = port.watchOrder(next.id, (latest) => {
        if (latest) order = latest;
        void refresh();
      });
      await refresh();
      // A card attempt of this order left unsettled (a reload, a crash): ask the terminal, never charge again.
      const pending = await port.pending.read();
      if (pending?.orderId === next.id && store.getState().phase !== 'paid') {
        store.setState({ phase: 'unknown', problem: undefined, message: t('pickupApp.pay.checking') });
        await api.checkCard();
      }
    },

    close(): void {
      stopWatching?.();
      stopWatching = undefined;
      order = undefined;
      store.setState(initial);
    },

    /** True when the order may be handed over (paid one way or another). */
    async isPaid(of: ClickCollectOrder): Promise<boolean> {
      return (await paidState(of)).kind !== 'due';
    },

    /** Charges the order's total on the terminal. */
    payByCard(staffId: string): Promise<void> {
      return once(async () => {
        if (!order) return;
        const state = await paidState(order);
        if (state.kind !== 'due') {
          store.setState({ phase: 'paid', paid: state, problem: t('pickupApp.pay.alreadyPaid') });
          return;
        }
        if (!port.bridge) {
          store.setState({ problem: t('pickupApp.pay.noTerminal') });
          return;
        }
        const kept = await port.pending.read();
        if (kept) {
          // One card payment at a time, and never a second for an attempt whose outcome is unknown.
          store.setState({
            problem: t(kept.orderId === order.id ? 'pickupApp.pay.unknown' : 'pickupApp.pay.otherPending'),
          });
          if (kept.orderId === order.id) store.setState({ phase: 'unknown' });
          return;
        }
        const amount = orderAmount(order);
        const pending: PendingDeskCard = {
          orderId: order.id,
          paymentId: port.newId(),
          saleId: port.newId(),
          amountMinor: amount.minor,
          currency: amount.currency,
          staffId,
          startedAt: new Date(port.now()).toISOString(),
        };
        // Kept before the terminal hears of it: after a reload the desk knows which payment to ask about.
        await port.pending.save(pending);
        store.setState({ phase: 'charging', problem: undefined, message: t('pickupApp.pay.charging') });
        const result = await chargeKioskCard(port.bridge, pending, {
          hostWasUp: port.hostUp(),
          onProgress: (message) => store.setState({ message }),
        });
        await settle(result, pending);
      });
    },

    /** Asks the terminal what became of the card attempt whose outcome is unknown. */
    checkCard(): Promise<void> {
      return once(async () => {
        const pending = await port.pending.read();
        if (!pending || !port.bridge) return;
        store.setState({ message: t('pickupApp.pay.checking') });
        await settle(await recoverKioskCard(port.bridge, pending.paymentId), pending);
      });
    },

    /** The customer pays at a till (the cashier scans their pickup QR or types its code); the desk waits. */
    async sendToTill(): Promise<void> {
      if (!order) return;
      const state = await paidState(order);
      if (state.kind !== 'due') {
        store.setState({ phase: 'paid', paid: state, problem: t('pickupApp.pay.alreadyPaid') });
        return;
      }
      if (store.getState().phase === 'charging' || (await port.pending.read())) {
        store.setState({ problem: t('pickupApp.pay.otherPending') });
        return;
      }
      store.setState({ phase: 'at-till', problem: undefined, message: t('pickupApp.pay.atTillWaiting') });
    },

    /** Back from "at the till" to the choice (the customer will pay by card here after all). */
    backToChoice(): void {
      if (store.getState().phase === 'at-till') store.setState({ phase: 'due', message: undefined });
    },
  };
  return api;
}
export type PickupPaymentStore = ReturnType<typeof createPickupPaymentStore>;

function paidWords(state: PickupPaymentState): string {
  if (state.kind === 'paid-online') return t('pickupApp.pay.paidOnline');
  if (state.kind === 'paid-in-store')
    return state.receiptNumber
      ? t('pickupApp.pay.paidInStore', { receipt: state.receiptNumber })
      : t('pickupApp.pay.paidInStoreNoReceipt');
  return '';
}
