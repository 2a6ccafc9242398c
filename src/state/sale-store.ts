import { createStore } from 'zustand/vanilla';
import type { DisplayLines, PaymentOutcome, RecoveredPayment } from '../core/bridge/bridge-methods';
import { addProduct, type Cart, createCart, priceCart, voidLine } from '../core/cart';
import { changeLines, itemLines, totalLines } from '../core/display/pole-display-lines';
import { receiptNumberOf } from '../core/journal/journal-entry';
import { type Money, money, sumMoney } from '../core/money';
import {
  addTender,
  changeDue,
  completeSale,
  isSettled,
  type Payment,
  remainingDue,
  startPayment,
  type TenderInput,
} from '../core/sale';
import type { StoreSettings } from '../core/settings/store-settings';
import type { StaffMember } from '../core/staff/staff-member';
import { cardTenderFrom } from './card-tender';
import { bridgeErrorWords } from './device-words';
import { newId } from './ids';
import type { ReceiptDesk } from './receipt-desk';
import { RECEIPT_DESK_WORDS } from './receipt-desk-words';
import { lookupScan } from './scan-lookup';
import { findStaffByPin, type SignedInStaff } from './staff-sign-in';
import type { TillServices } from './till-services';

export interface CompletedSaleView {
  readonly receiptNumber: string;
  readonly receiptText: string;
  readonly change: Money;
  readonly total: Money;
}

/**
 * A card payment on the terminal. `outcome-unknown`: the link broke before
 * the terminal answered; only asking the terminal (recover) settles it, and
 * no other tender is taken meanwhile, since the card may have been charged.
 */
export interface CardAttempt {
  readonly paymentId: string;
  readonly phase: 'in-progress' | 'outcome-unknown' | 'recovering';
  /** What the terminal tells the customer, or what the till is doing. */
  readonly message: string;
}

export interface SaleState {
  readonly staff: SignedInStaff | undefined;
  readonly cart: Cart;
  readonly startedAt: string | undefined;
  /** Set while the customer pays. */
  readonly payment: Payment | undefined;
  readonly completed: CompletedSaleView | undefined;
  readonly card: CardAttempt | undefined;
  /** The last problem, in words for the cashier. */
  readonly problem: string | undefined;
}

type SaleServices = Pick<TillServices, 'db' | 'journal' | 'findProductByBarcode' | 'sync' | 'bridge'>;

// Till defaults until a settings screen exists: discounts above 10 % or 20 € need a manager.
const DISCOUNT_POLICY = {
  maxBpsWithoutApproval: 1_000,
  maxAmountWithoutApproval: { minor: 2_000, currency: 'EUR' },
  reasonsAlwaysNeedingApproval: ['staff'],
};

const emptyCart = (settings: StoreSettings | undefined): Cart =>
  createCart({
    currency: settings?.currency ?? 'EUR',
    discountPolicy: DISCOUNT_POLICY,
    promotions: settings?.promotions ?? [],
  });

/**
 * One cashier's sale, from sign-in to receipt. Every rule (prices, VAT,
 * promotions, tenders) is the core's; this store only sequences the steps,
 * mints ids and times, and writes the completed sale to the journal.
 */
/** What the customer handed over: cash as given (change included), other tenders at their amount. */
function handedOver(payment: Payment): Money {
  return sumMoney(
    payment.tenders.map((t) => (t.type === 'cash' ? t.given : t.amount)),
    payment.due.currency,
  );
}

/** `receipts`: the receipt of each completed sale (print on request, QR, duplicates); see receipt-desk.ts. */
export function createSaleStore(services: SaleServices, receipts: ReceiptDesk) {
  const settings = async () => (await services.db.settings.findOne().exec())?.toMutableJSON();
  const store = createStore<SaleState>()(() => ({
    staff: undefined,
    cart: emptyCart(undefined),
    startedAt: undefined,
    payment: undefined,
    completed: undefined,
    card: undefined,
    problem: undefined,
  }));
  const fail = (problem: string) => store.setState({ problem });
  const { bridge } = services;
  // Card receipts of the payment in progress, kept for the completed sale.
  let terminalReceipts: string[][] = [];

  // Display updates go one after another, so the customer never sees an older line last.
  let displayQueue: Promise<unknown> = Promise.resolve();
  let scanQueue: Promise<unknown> = Promise.resolve();
  // Whether a call can have reached the host: a payment sent while it was up and lost on the way is unknown, not failed.
  let hostUp = false;
  bridge?.onHostConnection((connected) => {
    hostUp = connected;
  });
  const show = (lines: DisplayLines) => {
    if (!bridge) return;
    displayQueue = displayQueue.then(() => bridge.showOnDisplay(lines));
  };

  return {
    store,

    async signIn(pin: string): Promise<boolean> {
      const staff = (await services.db.staff.find().exec()).map((doc) => doc.toMutableJSON() as StaffMember);
      const found = findStaffByPin(staff, pin);
      if (!found) {
        fail(staff.length === 0 ? 'Personnel pas encore synchronisé' : 'Code PIN incorrect');
        return false;
      }
      store.setState({ staff: found, cart: emptyCart(await settings()), problem: undefined });
      return true;
    },

    signOut() {
      if (store.getState().card) return fail('Paiement carte en cours : terminez-le avant de fermer');
      store.setState({
        staff: undefined,
        payment: undefined,
        completed: undefined,
        problem: undefined,
      });
      receipts.nextSale();
    },

    /** One scan at a time, in arrival order: a scanner can send the next code before the last is looked up. */
    scan(raw: string): Promise<void> {
      const run = scanQueue.then(() => scanOne(raw));
      scanQueue = run.catch(() => undefined);
      return run;
    },

    voidLine(lineId: string): void {
      const { cart, staff } = store.getState();
      if (!staff) return;
      const voided = voidLine(cart, lineId, {
        byStaffId: staff.id,
        at: new Date().toISOString(),
        reason: 'correction caisse',
      });
      if (!voided.ok) {
        fail(`Annulation refusée : ${voided.error.code}`);
        return;
      }
      store.setState({ cart: voided.value, problem: undefined });
      const total = priceCart(voided.value).totals.total;
      show(itemLines('Article annulé', money(0, total.currency), total));
    },

    startPayment(): void {
      const priced = priceCart(store.getState().cart);
      if (priced.lines.length === 0) {
        fail('Le panier est vide');
        return;
      }
      terminalReceipts = [];
      store.setState({ payment: startPayment(priced.totals.total), problem: undefined });
      show(totalLines(priced.totals.total));
    },

    cancelPayment(): void {
      const { payment, card } = store.getState();
      // A card already charged cannot be dropped by going back to the cart (cash is simply handed back).
      if (card || payment?.tenders.some((t) => t.type !== 'cash')) {
        fail('Paiement commencé : terminez-le');
        return;
      }
      store.setState({ payment: undefined, problem: undefined });
    },

    async payCash(givenMinor: number): Promise<void> {
      const { payment, card } = store.getState();
      if (!payment || card) return;
      await tender(payment, {
        type: 'cash',
        tenderId: newId(),
        given: money(givenMinor, payment.due.currency),
      });
    },

    /** Charges what is left to pay on the card terminal; one payment id per attempt. */
    async payCard(): Promise<void> {
      const { payment, card } = store.getState();
      if (!payment || card) return;
      if (!bridge)
        return fail('Carte : pas de terminal sur cette caisse, choisissez un autre moyen de paiement');
      const due = remainingDue(payment);
      const paymentId = newId();
      store.setState({
        card: { paymentId, phase: 'in-progress', message: 'Connexion au terminal…' },
        problem: undefined,
      });
      const stop = bridge.onPaymentProgress((progress) => {
        if (progress.paymentId !== paymentId) return;
        store.setState((s) =>
          s.card?.paymentId === paymentId ? { card: { ...s.card, message: progress.message } } : {},
        );
      });
      const sentToHost = hostUp;
      const result = await bridge.startPayment({
        paymentId,
        kind: 'payment',
        amountMinor: due.minor,
        currency: due.currency,
      });
      stop();
      if (result.ok) return settleCard(payment, result.value);
      const lostOnTheWay = sentToHost && ['host-unreachable', 'timeout'].includes(result.error.code);
      if (result.error.code === 'outcome-unknown' || lostOnTheWay) {
        store.setState({
          card: {
            paymentId,
            phase: 'outcome-unknown',
            message: 'Résultat inconnu : vérification auprès du terminal…',
          },
        });
        // Ask the terminal at once; never charge again for this attempt.
        return recover(payment, paymentId);
      }
      store.setState({
        card: undefined,
        problem: `Carte : ${bridgeErrorWords(result.error)}. Choisissez un autre moyen de paiement.`,
      });
    },

    /** Asks the terminal what became of the card payment whose outcome is unknown. */
    async checkCardPayment(): Promise<void> {
      const { payment, card } = store.getState();
      if (!payment || !card || card.phase !== 'outcome-unknown') return;
      await recover(payment, card.paymentId);
    },

    // ---- payment.resolve: the manager's way out when the terminal cannot tell
    /**
     * A manager settles the card payment whose outcome stays unknown (after
     * checking the terminal's own journal): the PIN must be an active
     * manager's; the decision goes to the host's durable payment journal.
     */
    async resolveCardPayment(managerPin: string, resolution: 'charged' | 'not-charged'): Promise<void> {
      const { payment, card } = store.getState();
      if (!bridge || !payment || !card || card.phase !== 'outcome-unknown') return;
      const staff = (await services.db.staff.find().exec()).map((doc) => doc.toMutableJSON() as StaffMember);
      const manager = findStaffByPin(staff, managerPin);
      if (manager?.role !== 'manager') return fail('Code responsable incorrect');
      const resolved = await bridge.resolvePayment({
        paymentId: card.paymentId,
        resolution,
        approvedBy: manager.id,
      });
      if (!resolved.ok) return fail(`Décision refusée : ${bridgeErrorWords(resolved.error)}`);
      await settleCard(payment, resolved.value);
    },
    // ---- end payment.resolve

    async abortCardPayment(): Promise<void> {
      const { card } = store.getState();
      if (!bridge || !card || card.phase !== 'in-progress') return;
      store.setState({ card: { ...card, message: 'Annulation demandée…' } });
      const aborted = await bridge.abortPayment(card.paymentId);
      if (!aborted.ok) fail(`Annulation : ${bridgeErrorWords(aborted.error)}`);
    },
  };

  async function scanOne(raw: string): Promise<void> {
    const { payment } = store.getState();
    if (payment) return fail('Paiement en cours : terminez-le ou annulez-le');
    const found = await lookupScan(raw, services.findProductByBarcode);
    if (found.kind === 'rejected') return fail(`Code refusé : ${found.message}`);
    if (found.kind === 'unknown-product') return fail(`Code inconnu : ${found.code}`);
    if (found.kind === 'not-a-product') return fail(`Ce code n’est pas un article (${found.scanKind})`);
    const input =
      found.measure?.type === 'weight'
        ? { weightGrams: found.measure.grams }
        : found.measure?.type === 'price'
          ? { embeddedPrice: money(found.measure.minor, found.product.currency) }
          : 1;
    // Read after the lookup: the cart is whatever it is now.
    const { cart, completed } = store.getState();
    const base = completed ? emptyCart(await settings()) : cart;
    const added = addProduct(base, found.product, input, { lineId: newId(), scannedCode: raw.trim() });
    if (!added.ok) return fail(`Article refusé : ${added.error.code}`);
    store.setState((s) => ({
      cart: added.value,
      completed: undefined,
      problem: undefined,
      startedAt: completed || !s.startedAt ? new Date().toISOString() : s.startedAt,
    }));
    if (completed) receipts.nextSale();
    const priced = priceCart(added.value);
    const line =
      priced.lines.find((l) => l.line.lineId === added.value.lines.at(-1)?.lineId) ?? priced.lines.at(-1);
    if (line) show(itemLines(line.line.name, line.net, priced.totals.total));
  }

  async function recover(payment: Payment, paymentId: string): Promise<void> {
    if (!bridge) return;
    store.setState({ card: { paymentId, phase: 'recovering', message: 'Vérification du paiement…' } });
    const recovered = await bridge.recoverPayment(paymentId);
    if (!recovered.ok) {
      store.setState({
        card: {
          paymentId,
          phase: 'outcome-unknown',
          message: `Résultat inconnu (${bridgeErrorWords(recovered.error)}) : vérifiez le paiement`,
        },
      });
      return;
    }
    await settleCard(payment, recovered.value);
  }

  async function settleCard(payment: Payment, outcome: PaymentOutcome | RecoveredPayment): Promise<void> {
    if (outcome.status === 'approved') {
      terminalReceipts.push([...outcome.terminalReceipt]);
      store.setState({ card: undefined });
      return tender(payment, cardTenderFrom(outcome, newId()));
    }
    const problem =
      outcome.status === 'declined'
        ? `Carte refusée : ${outcome.reason}`
        : outcome.status === 'aborted'
          ? `Paiement carte annulé : ${outcome.reason}`
          : 'Aucun débit : le terminal n’a pas pris ce paiement';
    store.setState({ card: undefined, problem: `${problem}. Choisissez un autre moyen de paiement.` });
  }

  /** Cash went in: open the drawer (the kick goes through the printer). */
  async function openDrawer(): Promise<void> {
    if (!bridge) return;
    const opened = await bridge.openDrawer();
    if (!opened.ok && opened.error.code !== 'device-not-configured') {
      fail(`Tiroir-caisse : ${bridgeErrorWords(opened.error)}`);
    }
  }

  async function tender(payment: Payment, input: TenderInput): Promise<void> {
    const paid = addTender(payment, input);
    if (!paid.ok) return fail(`Paiement refusé : ${paid.error.code}`);
    store.setState({ payment: paid.value, problem: undefined });
    if (isSettled(paid.value)) await finish(paid.value);
    else show(totalLines(remainingDue(paid.value)));
  }

  async function finish(payment: Payment): Promise<void> {
    const { cart, staff, startedAt } = store.getState();
    if (!staff) return;
    const identity = services.sync.identity;
    const sale = completeSale(cart, payment, {
      saleId: newId(),
      storeCode: identity.storeCode,
      tillCode: identity.tillCode,
      staffId: staff.id,
      startedAt: startedAt ?? new Date().toISOString(),
      completedAt: new Date().toISOString(),
    });
    if (!sale.ok) return fail(`Vente refusée : ${sale.error.code}`);
    const entry = await services.journal.append({
      kind: 'sale.completed',
      payload: sale.value,
      id: newId(),
      recordedAt: new Date().toISOString(),
    });
    if (!entry.ok) return fail(`Journal : ${entry.error.code}`);
    // From here the sale is done: the journal holds it, whatever the devices say.
    const receiptNumber = receiptNumberOf(entry.value) ?? '';
    const storeSettings = await settings();
    // The customer's card slips print with the receipt (only approved card payments left lines here).
    const terminalSlips = payment.tenders.some((t) => t.type === 'card') ? terminalReceipts : [];
    const issued = storeSettings
      ? await receipts.issue({
          sale: sale.value,
          entry: entry.value,
          receiptNumber,
          settings: storeSettings,
          cashierName: staff.displayName,
          staffId: staff.id,
          terminalSlips,
        })
      : ({ ok: false, problem: RECEIPT_DESK_WORDS['fr-FR'].noSettingsYet } as const);
    store.setState({
      payment: undefined,
      cart: emptyCart(storeSettings),
      startedAt: undefined,
      completed: {
        receiptNumber,
        // What the paper shows, card slips included.
        receiptText: issued.ok
          ? issued.text
          : [`Ticket ${receiptNumber}`, ...terminalSlips.flat()].join('\n'),
        change: changeDue(payment),
        total: payment.due,
      },
      // A receipt the desk could not issue (settings without a SIRET…) is reported on its panel.
      problem: issued.ok || storeSettings ? undefined : issued.problem,
    });
    show(changeLines(handedOver(payment), changeDue(payment)));
    if (payment.tenders.some((t) => t.type === 'cash')) await openDrawer();
    await receipts.printIfDecided();
  }
}

export type SaleStore = ReturnType<typeof createSaleStore>;
