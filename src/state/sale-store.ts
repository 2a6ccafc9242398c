import { createStore } from 'zustand/vanilla';
import type { DisplayLines, PaymentOutcome, RecoveredPayment } from '../core/bridge/bridge-methods';
import { addProduct, type Cart, type CartError, type ProductInput, priceCart, voidLine } from '../core/cart';
import type { Product } from '../core/catalog/product';
import { changeLines, itemLines, totalLines, welcomeLines } from '../core/display/pole-display-lines';
import { receiptNumberOf } from '../core/journal/journal-entry';
import { type Money, money } from '../core/money';
import type { Result } from '../core/result';
import {
  addTender,
  changeDue,
  completeSale,
  isSettled,
  type Payment,
  remainingDue,
  type Tender,
  type TenderInput,
} from '../core/sale';
import { linksForLines, type SaleLinks } from '../core/sale/sale-links';
import type { StaffMember } from '../core/staff/staff-member';
import {
  cartErrorWords,
  completeSaleErrorWords,
  journalErrorWords,
  tenderErrorWords,
} from '../i18n/error-words';
import { t } from '../i18n/i18n';
import type { Approvals } from './approvals-port';
import { cardNotPaidWords, cardTenderFrom } from './card-tender';
import { bridgeErrorWords } from './device-words';
import { openDrawer } from './drawer-kick';
import { newId } from './ids';
import { mayReturnToBasket, mayVoidLine, resumePayment } from './kept-tenders';
import { poleWords } from './pole-words';
import type { ReceiptDesk } from './receipt-desk';
import { emptyCart, handedOver } from './sale-basics';
import { voidedLines } from './sale-display';
import { scanProblemWords } from './sale-problem-words';
import type { CardAttempt, CompletedSaleView } from './sale-views';
import { lookupScan } from './scan-lookup';
import { findStaffByPin, type SignedInStaff } from './staff-sign-in';
import type { TillServices } from './till-services';

export type { CardAttempt, CompletedSaleView } from './sale-views';

export interface SaleState {
  readonly staff: SignedInStaff | undefined;
  readonly signedInAt: string | undefined;
  readonly cart: Cart;
  readonly startedAt: string | undefined;
  /** The sale's id, minted with its first line: approvals name it before it completes. */
  readonly saleId?: string | undefined;
  /** Set while the customer pays. */
  readonly payment: Payment | undefined;
  readonly completed: CompletedSaleView | undefined;
  readonly card: CardAttempt | undefined;
  /** Cash taken before "Retour au panier": it stays on the sale (kept-tenders.ts). */
  readonly kept: readonly Tender[];
  /** The terminal's slips of the card payments of this sale, printed with its receipt. */
  readonly cardSlips: readonly (readonly string[])[];
  /** The last problem, in words for the cashier. */
  readonly problem: string | undefined;
  /** A kiosk order paid, gift vouchers sold (the ticket and voucher flows set them; sale-links.ts). */
  readonly links: SaleLinks;
}

type SaleServices = Pick<TillServices, 'db' | 'journal' | 'findProductByBarcode' | 'sync' | 'bridge'>;

/** A basket and when it was started: what parking a sale sets aside. */
export interface OpenBasket {
  readonly cart: Cart;
  readonly startedAt: string | undefined;
  readonly saleId: string | undefined;
}

/** Where the open sale is kept (open-sale.ts): written before a card is charged. */
export interface SaleKeeper {
  save(state: SaleState): Promise<void>;
}

/** Whether money or articles are on the sale, so it must survive a reload and may not be dropped. */
export const holdsMoney = (s: SaleState): boolean =>
  s.kept.length > 0 || (s.payment?.tenders.length ?? 0) > 0 || s.card !== undefined;

/**
 * One cashier's sale, from sign-in to receipt. Every rule (prices, VAT,
 * promotions, tenders) is the core's; this store only sequences the steps,
 * mints ids and times, and writes the completed sale to the journal.
 */
/** `receipts`: the receipt of each completed sale (print on request, QR, duplicates); see receipt-desk.ts. */
export function createSaleStore(services: SaleServices, receipts: ReceiptDesk, keeper?: SaleKeeper) {
  const settings = async () => (await services.db.settings.findOne().exec())?.toMutableJSON();
  const store = createStore<SaleState>()(() => ({
    staff: undefined,
    signedInAt: undefined,
    cart: emptyCart(undefined),
    startedAt: undefined,
    payment: undefined,
    completed: undefined,
    card: undefined,
    kept: [],
    cardSlips: [],
    problem: undefined,
    links: {},
  }));
  const fail = (problem: string) => store.setState({ problem });
  const { bridge } = services;

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

  async function signInAs(staff: SignedInStaff): Promise<void> {
    // A sale kept through a reload whose session ran out goes on with whoever signs in.
    const open = store.getState();
    const cart = open.cart.lines.length > 0 || holdsMoney(open) ? open.cart : emptyCart(await settings());
    store.setState({ staff, signedInAt: new Date().toISOString(), cart, problem: undefined });
    // The customer-facing sign of the AGEC law: the receipt is printed only on request.
    if (cart.lines.length === 0) show(welcomeLines(t('display.welcome'), t('display.receiptOnRequest')));
  }

  return {
    store,

    async signIn(pin: string): Promise<boolean> {
      const staff = (await services.db.staff.find().exec()).map((doc) => doc.toMutableJSON() as StaffMember);
      const found = findStaffByPin(staff, pin);
      if (!found) {
        fail(staff.length === 0 ? t('till.signIn.noStaffYet') : t('till.signIn.wrongPin'));
        return false;
      }
      await signInAs(found);
      return true;
    },

    /** Someone whose PIN was checked elsewhere (sign-in-store.ts, session-lock-store.ts) takes the till. */
    signInAs,

    signOut() {
      const state = store.getState();
      if (state.card) return fail(t('till.payment.cardBusy'));
      if (holdsMoney(state)) return fail(t('openSale.signOutWithCash'));
      store.setState({
        staff: undefined,
        signedInAt: undefined,
        cart: emptyCart(undefined),
        startedAt: undefined,
        saleId: undefined,
        payment: undefined,
        completed: undefined,
        problem: undefined,
        links: {},
      });
      receipts.nextSale();
    },

    /** An exchange (return-store.ts): the returned articles' credit pays the basket first, then the payment starts. */
    takeExchangeCredit(credit: Tender): void {
      if (store.getState().payment) return;
      store.setState((s) => ({ kept: [credit, ...s.kept] }));
      this.startPayment();
    },

    /** The sale kept through a reload (open-sale.ts): it goes on where it stood. */
    restore(saved: Partial<SaleState>): void {
      store.setState({ ...saved, problem: undefined });
    },

    /** A paid sale restored after a crash before its journal entry: journal it now. */
    async finishRestored(): Promise<void> {
      const { payment, card } = store.getState();
      if (payment && !card && isSettled(payment)) await finish(payment);
    },

    /**
     * One scan at a time, in arrival order: a scanner can send the next code before the last is looked up.
     * `quantity`: pieces of that product ("3 ×" then the scan).
     */
    scan(raw: string, quantity = 1): Promise<void> {
      const run = scanQueue.then(() => scanOne(raw, quantity));
      scanQueue = run.catch(() => undefined);
      return run;
    },

    /** A product chosen on screen (search by name): one piece, in turn with the scans. */
    addProduct(product: Product): Promise<void> {
      const run = scanQueue.then(() => {
        if (store.getState().payment) return fail(t('till.payment.inProgress'));
        return addResolved(product, 1, undefined);
      });
      scanQueue = run.catch(() => undefined);
      return run;
    },

    /** A product chosen without a scan (a quick key): in the queue of scans, so lines keep their order. */
    addItem(product: Product, input: ProductInput): Promise<void> {
      const run = scanQueue.then(() => addResolved(product, input, undefined));
      scanQueue = run.catch(() => undefined);
      return run;
    },

    // ---- kiosk tickets and gift vouchers (basket-port.ts)
    /** A basket built by a flow (kiosk ticket, voucher line): a new sale if the last one was completed. */
    replaceBasket(cart: Cart, links: SaleLinks): void {
      const { completed, payment } = store.getState();
      if (payment) return;
      store.setState((s) => ({
        cart,
        links,
        completed: undefined,
        problem: undefined,
        startedAt: completed || !s.startedAt ? new Date().toISOString() : s.startedAt,
      }));
      if (completed) receipts.nextSale();
      show(totalLines(priceCart(cart).totals.total, poleWords()));
    },

    async emptyBasket(): Promise<Cart> {
      return emptyCart(await settings());
    },

    /** Tenders `amount` of gift voucher `code`, whose balance this till knew as `known`. */
    async payVoucher(code: string, amount: Money, known: Money): Promise<void> {
      const { payment, card } = store.getState();
      if (!payment || card) return;
      await tender(payment, { type: 'voucher', tenderId: newId(), amount, code, faceValue: known });
    },
    // ---- end kiosk tickets and gift vouchers

    /**
     * A change to the basket by one of the sale's flows (line-edit.ts, discount-flow.ts): only while
     * the basket is open (not paying). A refused change is told as the cart's words and changes nothing.
     */
    editCart(
      change: (cart: Cart) => Result<Cart, CartError>,
      display?: (cart: Cart) => DisplayLines,
    ): boolean {
      const { cart, staff, payment, completed } = store.getState();
      if (!staff || payment || (completed && cart.lines.length === 0)) return false;
      const changed = change(cart);
      if (!changed.ok) {
        fail(t('saleEdit.refused', { words: cartErrorWords(changed.error) }));
        return false;
      }
      store.setState({ cart: changed.value, problem: undefined });
      if (display) show(display(changed.value));
      return true;
    },

    /**
     * Swaps the open basket for `next` (parking a sale, resuming one): refused while money is on
     * the sale or a payment is open, or when the basket is no longer `expected`. Returns the basket
     * it replaced.
     */
    swapBasket(next: OpenBasket, expected?: Cart): OpenBasket | undefined {
      const state = store.getState();
      if (!state.staff || state.payment || holdsMoney(state)) return undefined;
      if (expected !== undefined && state.cart !== expected) return undefined;
      const previous = { cart: state.cart, startedAt: state.startedAt, saleId: state.saleId };
      store.setState({
        cart: next.cart,
        startedAt: next.startedAt,
        saleId: next.saleId,
        completed: undefined,
        problem: undefined,
      });
      if (state.completed) receipts.nextSale();
      return previous;
    },

    /** The open sale's id (minted now for a sale kept from before sales had one). */
    saleIdNow(): string {
      const current = store.getState().saleId;
      if (current) return current;
      const saleId = newId();
      store.setState({ saleId });
      return saleId;
    },

    /** An empty basket under the store's settings in force now. */
    async freshCart(): Promise<Cart> {
      return emptyCart(await settings());
    },

    /** Words for the cashier from one of the sale's flows. */
    tell(problem: string | undefined): void {
      store.setState({ problem });
    },

    /** Puts lines on the customer display, after whatever is already on its way. */
    show,

    voidLine(lineId: string) {
      const { cart, staff, kept, links } = store.getState();
      if (!staff) return;
      if (links.kioskOrder || links.clickCollectOrder) return fail(t('tickets.basketFixed'));
      if (!mayVoidLine(cart, kept, lineId)) return fail(t('openSale.emptyWithCash'));
      const voided = voidLine(cart, lineId, {
        byStaffId: staff.id,
        at: new Date().toISOString(),
        reason: 'correction caisse',
      });
      if (!voided.ok) {
        fail(t('sale.voidRefused', { words: cartErrorWords(voided.error) }));
        return;
      }
      store.setState({ cart: voided.value, problem: undefined });
      show(voidedLines(voided.value));
    },

    startPayment() {
      const priced = priceCart(store.getState().cart);
      if (priced.lines.length === 0) {
        fail(t('till.emptyCart'));
        return;
      }
      // Cash taken before going back to the basket is tendered first.
      const resumed = resumePayment(priced.totals.total, store.getState().kept);
      if (!resumed.ok) return fail(t('sale.paymentRefused', { words: tenderErrorWords(resumed.error) }));
      store.setState({ payment: resumed.value, kept: [], cardSlips: [], problem: undefined });
      if (isSettled(resumed.value)) void finish(resumed.value);
      else show(totalLines(remainingDue(resumed.value), poleWords()));
    },

    /** Back to the basket: cash already taken stays on the sale; a card charged cannot be left. */
    cancelPayment() {
      const { payment, card } = store.getState();
      if (!payment) return;
      if (card || !mayReturnToBasket(payment)) return fail(t('till.payment.started'));
      store.setState({ payment: undefined, kept: payment.tenders, problem: undefined });
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
      if (!bridge) return fail(t('till.payment.noTerminal'));
      const due = remainingDue(payment);
      const paymentId = newId();
      store.setState({
        card: { paymentId, phase: 'in-progress', message: t('till.payment.connecting') },
        problem: undefined,
      });
      // Stored before the terminal hears of it: after a crash the sale knows which payment to recover.
      await keeper?.save(store.getState());
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
            message: t('till.payment.unknownChecking'),
          },
        });
        // Ask the terminal at once; never charge again for this attempt.
        return recover(payment, paymentId);
      }
      store.setState({
        card: undefined,
        problem: t('till.payment.cardFailed', { words: bridgeErrorWords(result.error) }),
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
     * Settles the card payment whose outcome stays unknown, as decided after
     * checking the terminal's own journal. The `card-resolution` right (a
     * manager's by default) goes through the till's approvals
     * (approval-store.ts: the PIN prompt, and a `manager.approval` entry
     * naming who decided); the decision then goes to the host's durable
     * payment journal under the approver's id.
     */
    async resolveCardPayment(resolution: 'charged' | 'not-charged', approvals: Approvals): Promise<void> {
      const { payment, card, staff } = store.getState();
      if (!bridge || !payment || !card || card.phase !== 'outcome-unknown' || !staff) return;
      const approval = await approvals.require(staff, {
        action: 'card-resolution',
        subject: { type: 'card-resolution', paymentId: card.paymentId, resolution },
        reason: t(resolution === 'charged' ? 'till.payment.charged' : 'till.payment.notCharged'),
        amountMinor: remainingDue(payment).minor,
      });
      if (!approval.ok) return;
      // While the PIN was typed the payment may have been found out another way.
      if (store.getState().card?.paymentId !== card.paymentId) return;
      const resolved = await bridge.resolvePayment({
        paymentId: card.paymentId,
        resolution,
        approvedBy: approval.approverStaffId,
      });
      if (!resolved.ok)
        return fail(t('till.payment.decisionRefused', { words: bridgeErrorWords(resolved.error) }));
      await settleCard(payment, resolved.value);
    },
    // ---- end payment.resolve

    async abortCardPayment(): Promise<void> {
      const { card } = store.getState();
      if (!bridge || !card || card.phase !== 'in-progress') return;
      store.setState({ card: { ...card, message: t('till.payment.abortRequested') } });
      const aborted = await bridge.abortPayment(card.paymentId);
      if (!aborted.ok) fail(t('till.payment.abortFailed', { words: bridgeErrorWords(aborted.error) }));
    },
  };

  async function scanOne(raw: string, quantity: number): Promise<void> {
    const { payment, links } = store.getState();
    if (payment) return fail(t('till.payment.inProgress'));
    if (links.kioskOrder || links.clickCollectOrder) return fail(t('tickets.basketFixed'));
    const found = await lookupScan(raw, services.findProductByBarcode);
    if (found.kind !== 'product') return fail(scanProblemWords(found));
    if (quantity !== 1 && found.measure) return fail(t('saleEdit.quantityOnLabel'));
    const input =
      found.measure?.type === 'weight'
        ? { weightGrams: found.measure.grams }
        : found.measure?.type === 'price'
          ? { embeddedPrice: money(found.measure.minor, found.product.currency) }
          : quantity;
    await addResolved(found.product, input, raw.trim());
  }

  async function addResolved(product: Product, input: ProductInput, scannedCode: string | undefined) {
    if (store.getState().payment) return fail(t('till.payment.inProgress'));
    // A kiosk order's basket is the order as signed: nothing is added to it.
    if (store.getState().links.kioskOrder || store.getState().links.clickCollectOrder)
      return fail(t('tickets.basketFixed'));
    // Read after the lookup: the cart is whatever it is now.
    const { cart, completed } = store.getState();
    const base = completed ? emptyCart(await settings()) : cart;
    const added = addProduct(base, product, input, {
      lineId: newId(),
      ...(scannedCode === undefined ? {} : { scannedCode }),
    });
    if (!added.ok) return fail(t('sale.itemRefused', { words: cartErrorWords(added.error) }));
    store.setState((s) => ({
      cart: added.value,
      completed: undefined,
      problem: undefined,
      startedAt: completed || !s.startedAt ? new Date().toISOString() : s.startedAt,
      saleId: completed || !s.saleId ? newId() : s.saleId,
    }));
    if (completed) receipts.nextSale();
    const priced = priceCart(added.value);
    const line =
      priced.lines.find((l) => l.line.lineId === added.value.lines.at(-1)?.lineId) ?? priced.lines.at(-1);
    if (line) show(itemLines(line.line.name, line.net, priced.totals.total, poleWords()));
  }

  async function recover(payment: Payment, paymentId: string): Promise<void> {
    if (!bridge) return;
    store.setState({ card: { paymentId, phase: 'recovering', message: t('till.payment.checking') } });
    const recovered = await bridge.recoverPayment(paymentId);
    if (!recovered.ok) {
      store.setState({
        card: {
          paymentId,
          phase: 'outcome-unknown',
          message: t('till.payment.unknownCheck', { words: bridgeErrorWords(recovered.error) }),
        },
      });
      return;
    }
    await settleCard(payment, recovered.value);
  }

  async function settleCard(payment: Payment, outcome: PaymentOutcome | RecoveredPayment): Promise<void> {
    if (outcome.status === 'approved') {
      store.setState((s) => ({ card: undefined, cardSlips: [...s.cardSlips, [...outcome.terminalReceipt]] }));
      return tender(payment, cardTenderFrom(outcome, newId()));
    }
    store.setState({ card: undefined, problem: cardNotPaidWords(outcome) });
  }

  async function tender(payment: Payment, input: TenderInput): Promise<void> {
    const paid = addTender(payment, input);
    if (!paid.ok) return fail(t('sale.paymentRefused', { words: tenderErrorWords(paid.error) }));
    store.setState({ payment: paid.value, problem: undefined });
    if (isSettled(paid.value)) await finish(paid.value);
    else show(totalLines(remainingDue(paid.value), poleWords()));
  }

  async function finish(payment: Payment): Promise<void> {
    const { cart, staff, startedAt, cardSlips, links, saleId } = store.getState();
    if (!staff) return;
    const identity = services.sync.identity;
    const sale = completeSale(
      cart,
      payment,
      {
        saleId: saleId ?? newId(),
        storeCode: identity.storeCode,
        tillCode: identity.tillCode,
        staffId: staff.id,
        startedAt: startedAt ?? new Date().toISOString(),
        completedAt: new Date().toISOString(),
      },
      linksForLines(cart.lines, links),
    );
    if (!sale.ok) return fail(t('sale.saleRefused', { words: completeSaleErrorWords(sale.error) }));
    const entry = await services.journal.append({
      kind: 'sale.completed',
      payload: sale.value,
      id: newId(),
      recordedAt: new Date().toISOString(),
    });
    if (!entry.ok) return fail(t('sale.journalRefused', { words: journalErrorWords(entry.error) }));
    // From here the sale is done: the journal holds it, whatever the devices say.
    const receiptNumber = receiptNumberOf(entry.value) ?? '';
    const storeSettings = await settings();
    // The customer's card slips print with the receipt (only approved card payments left lines here).
    const terminalSlips = payment.tenders.some((t) => t.type === 'card') ? cardSlips.map((s) => [...s]) : [];
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
      : ({ ok: false, problem: t('receiptDesk.noSettingsYet') } as const);
    store.setState({
      payment: undefined,
      cart: emptyCart(storeSettings),
      links: {},
      startedAt: undefined,
      saleId: undefined,
      cardSlips: [],
      completed: {
        receiptNumber,
        // What the paper shows, card slips included.
        receiptText: issued.ok
          ? issued.text
          : [`${t('till.receipt.label')} ${receiptNumber}`, ...terminalSlips.flat()].join('\n'),
        change: changeDue(payment),
        total: payment.due,
      },
      // A receipt the desk could not issue (settings without a SIRET…) is reported on its panel.
      problem: issued.ok || storeSettings ? undefined : issued.problem,
    });
    show(changeLines(handedOver(payment), changeDue(payment), poleWords()));
    if (payment.tenders.some((t) => t.type === 'cash')) {
      const drawerProblem = await openDrawer(bridge);
      if (drawerProblem) fail(drawerProblem);
    }
    await receipts.printIfDecided();
  }
}

export type SaleStore = ReturnType<typeof createSaleStore>;
