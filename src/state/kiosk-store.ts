import { createStore } from 'zustand/vanilla';
import { printReceiptParamsSchema } from '../core/bridge/bridge-methods';
import type { PosBridge } from '../core/bridge/pos-bridge';
import type { Product } from '../core/catalog/product';
import { type Money, money } from '../core/money';
import { createKioskOrder, type KioskOrderInput } from '../core/orders/create-kiosk-order';
import type { KioskPaymentMethod } from '../core/orders/kiosk-order';
import type { PostalAddress } from '../core/orders/postal-address';
import type { KioskReservationRefusalCode } from '../core/orders/stock-reservation';
import type { ReceiptDocument } from '../core/receipts';
import {
  type ChargeOptions,
  chargeKioskCard,
  type KioskCardResult,
  recoverKioskCard,
} from './kiosk-card-payment';
import {
  kioskOrderNumber,
  kioskOrderReceiptDocument,
  kioskReceiptMail,
  kioskTicketDocument,
} from './kiosk-documents';
import {
  addressInput,
  cartOrderLines,
  cartTotals,
  initialKioskPath,
  type KioskLanguage,
  type KioskPathAction,
  type KioskPathState,
  type KioskStep,
  kioskOrderInput,
  kioskPath,
} from './kiosk-path';
import type {
  AddressIssue,
  DeliveryQuote,
  DeliveryTerms,
  KioskCategory,
  KioskOrderRefusal,
  KioskPorts,
  PendingKioskPayment,
  PickupStore,
  PlaceAvailability,
  PlacedKioskOrder,
} from './kiosk-port-types';

// The kiosk's state for its screens: the customer's path (kiosk-path.ts) and
// what the look-ups, the payment and the printer answered. Problems are
// codes (`KioskNotice`) the screens word in the customer's language; the
// technical detail is for the staff corner only. Everything here is memory:
// a reset drops it, and clears the one thing ever written to storage during
// a path, the pending card payment, once it is settled.

export type KioskNotice =
  | 'card-declined'
  | 'card-cancelled'
  | 'card-unavailable'
  | 'card-unknown'
  | 'paid-not-recorded'
  | KioskStockNotice
  | 'order-invalid'
  | 'not-recorded'
  | 'print-failed'
  | 'ticket-failed'
  | 'scan-unknown'
  | 'scan-not-product'
  | 'email-queued'
  /** A home delivery with a fee is paid by card here: a till rings up goods, not the fee. */
  | 'delivery-card-only';

/**
 * The server's answers about the stock, said in its words (`kiosk.refusal.<code>`): the first three
 * refused the hold (nothing charged or placed); `stock-unconfirmed`: the server could not be asked, the
 * order goes on and the store confirms it.
 */
export const KIOSK_STOCK_NOTICES = {
  'stock-short': 'stock-short',
  'unknown-location': 'unknown-location',
  'reservation-conflict': 'reservation-conflict',
  'stock-unconfirmed': 'server-unreachable',
} as const satisfies Record<string, KioskReservationRefusalCode>;
export type KioskStockNotice = keyof typeof KIOSK_STOCK_NOTICES;

/** `stuck`: the card was charged and the order could not be journaled; staff take over (never reset). */
export type KioskPaymentPhase = 'idle' | 'reserving' | 'charging' | 'checking' | 'placing' | 'stuck';

export interface PlacedView {
  readonly placed: PlacedKioskOrder;
  readonly number: string;
  readonly method: KioskPaymentMethod;
  readonly fulfilment: 'home-delivery' | 'store-pickup';
  /** The pickup store's name, for a pickup. */
  readonly storeName: string | undefined;
  /** YYYY-MM-DD: delivery or pickup from. */
  readonly readyBy: string;
  readonly total: Money;
  /** The signed ticket's text (pay at the till), shown as a QR code too. */
  readonly ticket: string | undefined;
  readonly ticketPrinted: boolean;
  readonly terminalReceipt: readonly string[];
  readonly receipt:
    | 'none'
    | 'printing'
    | 'printed'
    | 'print-failed'
    | 'emailing'
    | 'emailed'
    | 'email-queued';
  readonly hasEmail: boolean;
  /** The stock could not be reserved with the server (offline): the store confirms the order. */
  readonly stockUnconfirmed: boolean;
}

/** A product of the cart the stock could not cover, named for the customer. */
export interface KioskShortLine {
  readonly productId: string;
  readonly name: string;
  readonly wanted: number;
  readonly available: number;
}

export interface KioskState {
  readonly path: KioskPathState;
  readonly categories: readonly KioskCategory[];
  readonly query: string;
  readonly category: string | undefined;
  readonly results: readonly Product[];
  readonly searching: boolean;
  readonly product: Product | undefined;
  readonly availability: readonly PlaceAvailability[] | undefined;
  readonly pickupStores: readonly PickupStore[];
  readonly deliveryTerms: DeliveryTerms | undefined;
  readonly addressIssues: readonly AddressIssue[];
  readonly checkedAddress: PostalAddress | undefined;
  readonly quote: DeliveryQuote | undefined;
  readonly pickupDate: string | undefined;
  readonly payment: { readonly phase: KioskPaymentPhase; readonly message: string | undefined };
  readonly notice: KioskNotice | undefined;
  /** With the notice 'stock-short': which products, and how many are left. */
  readonly shortages: readonly KioskShortLine[];
  readonly placed: PlacedView | undefined;
}

export interface KioskStoreDeps {
  readonly ports: KioskPorts;
  readonly bridge: PosBridge | undefined;
  readonly newId: () => string;
  readonly now: () => Date;
  /** Whether the card terminal can take a payment now (host up, terminal connected). */
  readonly cardAvailable: () => boolean;
  /** Whether the hardware host answered (a lost call may then hide a charge). */
  readonly hostUp: () => boolean;
  readonly setLanguage: (language: KioskLanguage) => void;
  /** Words for "delivered on …" / "ready in … from …" printed on the receipt. */
  readonly readyWords: (
    view: Pick<PlacedView, 'fulfilment' | 'readyBy' | 'storeName'>,
    language: KioskLanguage,
  ) => string;
}

const SEARCH_LIMIT = 24;
const RECOVER_TRIES = 5;
const RECOVER_PAUSE_MS = 3_000;

const initialState = (): KioskState => ({
  path: initialKioskPath,
  categories: [],
  query: '',
  category: undefined,
  results: [],
  searching: false,
  product: undefined,
  availability: undefined,
  pickupStores: [],
  deliveryTerms: undefined,
  addressIssues: [],
  checkedAddress: undefined,
  quote: undefined,
  pickupDate: undefined,
  payment: { phase: 'idle', message: undefined },
  notice: undefined,
  shortages: [],
  placed: undefined,
});

const refusalNotice = (refusal: KioskOrderRefusal): KioskNotice => {
  switch (refusal.code) {
    case 'stock-short':
    case 'unknown-location':
    case 'reservation-conflict':
      return refusal.code;
    case 'invalid-order':
      return 'order-invalid';
    case 'not-recorded':
      return 'not-recorded';
  }
};

/** What a hold covers: the lines' products and quantities, and where the order goes. */
const holdKey = (path: KioskPathState): string =>
  JSON.stringify([
    path.fulfilment?.type === 'store-pickup' ? path.fulfilment.storeCode : (path.fulfilment?.type ?? ''),
    path.cart.map((line) => [line.productId, line.quantity]),
  ]);

/**
 * The order being paid for: its id, minted once and kept while the cart and
 * the fulfilment stay as they were, so a second try (after a declined card,
 * or at the till) is the same order and the same hold on the server.
 */
interface OrderDraft {
  readonly orderId: string;
  readonly key: string;
  /** The server was asked to hold its stock (it may hold it even when no answer came). */
  held: boolean;
  /** The server answered with the hold (false: offline, the store confirms). */
  confirmed: boolean;
}

export function createKioskStore(deps: KioskStoreDeps) {
  const { ports } = deps;
  const store = createStore<KioskState>()(initialState);
  /** A change to the cart or the address makes the delivery's check and quote (fee, free threshold, date) stale. */
  const STALES_DELIVERY: ReadonlySet<KioskPathAction['type']> = new Set([
    'add',
    'quantity',
    'remove',
    'address',
  ]);
  const dispatch = (action: KioskPathAction) =>
    store.setState((s) => ({
      path: kioskPath(s.path, action),
      ...(STALES_DELIVERY.has(action.type) ? { quote: undefined, checkedAddress: undefined } : {}),
    }));
  // Each search answers only if it is still the latest one typed.
  let searchTurn = 0;
  // Bumped by a reset: answers that arrive for an earlier customer are dropped.
  let customer = 0;
  let draft: OrderDraft | undefined;

  /** Lets go of the draft's hold, without waiting: a hold the server was not told about lapses by itself. */
  const dropDraft = () => {
    const dropped = draft;
    draft = undefined;
    if (dropped?.held) void ports.orders.release(dropped.orderId).catch(() => undefined);
  };

  // The cart or the fulfilment changed (an edit, "start over", the idle reset): the hold no longer fits the
  // order, so it is let go, and the next payment reserves under a new order id. A placed order's draft is
  // gone before its cart is cleared, so a placed order never loses its hold.
  store.subscribe((next, previous) => {
    if (next.path.cart === previous.path.cart && next.path.fulfilment === previous.path.fulfilment) return;
    if (draft && draft.key !== holdKey(next.path)) {
      dropDraft();
      if (next.notice === 'stock-short' || next.notice === 'reservation-conflict')
        store.setState({ notice: undefined, shortages: [] });
    }
  });

  const paying = () => store.getState().payment.phase !== 'idle';
  const setPhase = (phase: KioskPaymentPhase, message?: string) =>
    store.setState({ payment: { phase, message } });

  async function runSearch(load: () => Promise<readonly Product[]>): Promise<void> {
    const turn = ++searchTurn;
    store.setState({ searching: true });
    const results = await load().catch(() => [] as readonly Product[]);
    if (turn === searchTurn) store.setState({ results, searching: false });
  }

  const deliveryTotal = (): Money => {
    const { path, quote } = store.getState();
    return cartTotals(path.cart, path.fulfilment?.type === 'home-delivery' ? quote?.fee : undefined).total;
  };

  function orderInputFor(method: KioskPaymentMethod): KioskOrderInput {
    const { path, quote, checkedAddress } = store.getState();
    const { storeCode, kioskId } = ports.orders.identity();
    const key = holdKey(path);
    if (draft?.key !== key) {
      dropDraft();
      draft = { orderId: deps.newId(), key, held: false, confirmed: false };
    }
    const createdAt = deps.now().toISOString();
    const input = kioskOrderInput(path, { id: draft.orderId, storeCode, kioskId, createdAt }, method);
    const delivery = path.fulfilment?.type === 'home-delivery';
    return {
      ...input,
      // The address as checked (La Poste's town name), and the fee the customer was shown.
      ...(delivery && checkedAddress
        ? { fulfilment: { type: 'home-delivery', address: checkedAddress } }
        : {}),
      ...(delivery && quote ? { deliveryFeeMinor: quote.fee.minor } : {}),
      // The contact step does not go on without the consent: it was given before this moment.
      ...(path.contact.consent ? { messagesConsentAt: createdAt } : {}),
    };
  }

  /** A delivery whose fee is not zero: paid by card only. */
  const feeToPay = (): boolean => {
    const { path, quote } = store.getState();
    return path.fulfilment?.type === 'home-delivery' && (quote?.fee.minor ?? 0) > 0;
  };

  /** Holds the order's stock on the server; a refusal is said in words and stops the payment. */
  async function reserve(input: KioskOrderInput): Promise<boolean> {
    setPhase('reserving');
    const reserved = await ports.orders.reserve(input);
    if (!reserved.ok) {
      setPhase('idle');
      const { cart } = store.getState().path;
      const shortages =
        reserved.error.code === 'stock-short'
          ? reserved.error.shortages.map((short) => ({
              ...short,
              name: cart.find((line) => line.productId === short.productId)?.name ?? short.productId,
            }))
          : [];
      store.setState({ notice: refusalNotice(reserved.error), shortages });
      return false;
    }
    if (draft?.orderId === input.id) {
      draft.held = true;
      draft.confirmed = reserved.value.confirmed;
    }
    store.setState({ notice: reserved.value.confirmed ? undefined : 'stock-unconfirmed', shortages: [] });
    return true;
  }

  async function finishPlaced(
    placed: PlacedKioskOrder,
    extra: { ticket?: string; terminalReceipt?: readonly string[]; charged?: Money },
  ) {
    // Placed: its hold stays with it on the server (the cart is cleared below, which must not release it).
    const stockUnconfirmed = draft?.orderId === placed.order.id && !draft.confirmed;
    if (draft?.orderId === placed.order.id) draft = undefined;
    const { quote, pickupDate } = store.getState();
    // After a reload the stores are not read yet: the confirmation names the pickup store all the same.
    const pickupStores =
      store.getState().pickupStores.length > 0
        ? store.getState().pickupStores
        : await ports.fulfilment.pickupStores().catch(() => []);
    const fulfilment = placed.order.fulfilment;
    const storeName =
      fulfilment.type === 'store-pickup'
        ? (pickupStores.find((s) => s.code === fulfilment.storeCode)?.name ?? fulfilment.storeCode)
        : undefined;
    const lines = placed.order.lines;
    const readyBy =
      fulfilment.type === 'home-delivery'
        ? (quote?.deliveryBy ?? deps.now().toISOString().slice(0, 10))
        : (pickupDate ?? (await ports.fulfilment.pickupDate(fulfilment.storeCode, lines, deps.now())));
    const view: PlacedView = {
      placed,
      number: kioskOrderNumber(placed.order.id),
      method: placed.order.paymentMethod,
      fulfilment: fulfilment.type,
      storeName,
      readyBy,
      // Paid by card: what the terminal charged (after a reload, the cart is no longer in memory).
      total: extra.charged ?? deliveryTotal(),
      ticket: extra.ticket,
      ticketPrinted: false,
      terminalReceipt: extra.terminalReceipt ?? [],
      receipt: 'none',
      hasEmail: placed.order.contact.email !== undefined,
      stockUnconfirmed,
    };
    store.setState({ placed: view, notice: undefined });
    dispatch({ type: 'placed' });
  }

  async function print(document: ReceiptDocument, jobId: string): Promise<boolean> {
    if (!deps.bridge) return false;
    // Checked here (the host checks again): the frozen document becomes plain bridge params.
    const params = printReceiptParamsSchema.safeParse({ jobId, document });
    if (!params.success) return false;
    const printed = await deps.bridge.printReceipt(params.data);
    return printed.ok;
  }

  async function settleCard(result: KioskCardResult, pending: PendingKioskPayment): Promise<void> {
    switch (result.kind) {
      case 'paid': {
        setPhase('placing');
        const placed = await ports.orders.place(pending.input, {
          placedAt: deps.now().toISOString(),
          payment: { type: 'kiosk-card', cardReference: result.cardReference },
        });
        if (!placed.ok) {
          // Paid but not recorded: the pending payment stays (it holds the order), staff take over.
          setPhase('stuck');
          store.setState({ notice: 'paid-not-recorded' });
          return;
        }
        await ports.pending.clear();
        setPhase('idle');
        await finishPlaced(placed.value, {
          terminalReceipt: result.terminalReceipt,
          charged: money(pending.amountMinor, pending.currency as Money['currency']),
        });
        return;
      }
      case 'unknown':
        setPhase('checking');
        store.setState({ notice: 'card-unknown' });
        return;
      default:
        await ports.pending.clear();
        setPhase('idle');
        // Not placed. The customer's own order keeps its hold (another card, or the till); one found
        // after a reload no longer has its customer's cart, so its hold is let go now.
        if (draft?.orderId !== pending.input.id)
          void ports.orders.release(pending.input.id).catch(() => undefined);
        store.setState({
          notice:
            result.kind === 'declined'
              ? 'card-declined'
              : result.kind === 'cancelled'
                ? 'card-cancelled'
                : 'card-unavailable',
        });
    }
  }

  // One recovery at a time ("check again" while the kiosk is already asking): two answers "paid" must not
  // both place the order.
  let recovering: Promise<void> | undefined;

  /** Asks the terminal again, a few times, about a payment whose outcome is unknown. */
  function recoverPending(pending: PendingKioskPayment): Promise<void> {
    recovering ??= recoverOnce(pending).finally(() => {
      recovering = undefined;
    });
    return recovering;
  }

  async function recoverOnce(pending: PendingKioskPayment): Promise<void> {
    const { bridge } = deps;
    if (!bridge) return;
    setPhase('checking');
    for (let attempt = 0; attempt < RECOVER_TRIES; attempt++) {
      const result = await recoverKioskCard(bridge, pending.paymentId);
      if (result.kind !== 'unknown') return settleCard(result, pending);
      await new Promise((resolve) => setTimeout(resolve, RECOVER_PAUSE_MS));
    }
    store.setState({ notice: 'card-unknown' });
  }

  const actions = {
    store,
    dispatch,

    /** The category tiles, read once (at the kiosk's start, so the first customer does not wait). */
    async loadCategories(): Promise<void> {
      if (store.getState().categories.length > 0) return;
      const categories = await ports.catalog.categories().catch(() => []);
      store.setState({ categories });
    },

    async start(): Promise<void> {
      dispatch({ type: 'start' });
      await actions.loadCategories();
    },

    chooseLanguage(language: KioskLanguage): void {
      dispatch({ type: 'language', language });
      deps.setLanguage(language);
    },

    go(step: KioskStep): void {
      if (paying()) return;
      dispatch({ type: 'go', step });
      if (step === 'delivery' || step === 'cart') void actions.loadPickupStores();
    },

    async type(query: string): Promise<void> {
      store.setState({ query, category: undefined });
      if (query.trim() === '') {
        searchTurn++;
        store.setState({ results: [], searching: false });
        return;
      }
      await runSearch(() => ports.catalog.search(query, SEARCH_LIMIT));
    },

    async chooseCategory(categoryId: string | undefined): Promise<void> {
      store.setState({ category: categoryId, query: '' });
      if (categoryId === undefined) {
        searchTurn++;
        store.setState({ results: [] });
        return;
      }
      await runSearch(() => ports.catalog.productsInCategory(categoryId, SEARCH_LIMIT));
    },

    async showProduct(product: Product): Promise<void> {
      const turn = customer;
      store.setState({ product, availability: undefined, notice: undefined });
      dispatch({ type: 'show-product', productId: product.id });
      const availability = await ports.stock.availability(product, deps.now()).catch(() => []);
      if (turn === customer && store.getState().product?.id === product.id) store.setState({ availability });
    },

    /** A scanned code: the product's page, or a notice in words. */
    async scan(raw: string): Promise<void> {
      const { path } = store.getState();
      if (paying() || path.step === 'done' || ['delivery', 'contact', 'pay'].includes(path.step)) return;
      if (path.step === 'attract') await actions.start();
      const found = await ports.catalog.lookupScan(raw);
      if (found.kind === 'product') return actions.showProduct(found.product);
      store.setState({ notice: found.kind === 'unknown-product' ? 'scan-unknown' : 'scan-not-product' });
    },

    addToCart(quantity: number): void {
      const { product } = store.getState();
      if (!product) return;
      dispatch({ type: 'add', product, quantity, lineId: deps.newId() });
    },

    setQuantity(lineId: string, quantity: number): void {
      if (!paying()) dispatch({ type: 'quantity', lineId, quantity });
    },

    remove(lineId: string): void {
      if (!paying()) dispatch({ type: 'remove', lineId });
    },

    async loadPickupStores(): Promise<void> {
      if (store.getState().pickupStores.length > 0) return;
      const [pickupStores, deliveryTerms] = await Promise.all([
        ports.fulfilment.pickupStores().catch(() => []),
        ports.fulfilment.deliveryTerms().catch(() => undefined),
      ]);
      store.setState({ pickupStores, deliveryTerms });
    },

    async choosePickup(storeCode: string): Promise<void> {
      dispatch({ type: 'fulfilment', choice: { type: 'store-pickup', storeCode } });
      const lines = cartOrderLines(store.getState().path.cart);
      const pickupDate = await ports.fulfilment
        .pickupDate(storeCode, lines, deps.now())
        .catch(() => undefined);
      store.setState({ pickupDate, quote: undefined });
    },

    chooseDelivery(): void {
      dispatch({ type: 'fulfilment', choice: { type: 'home-delivery' } });
      store.setState({ pickupDate: undefined });
    },

    /** Checks the address; on success the delivery is quoted and the path goes on to the contact. */
    async confirmAddress(): Promise<boolean> {
      const { path } = store.getState();
      const checked = await ports.fulfilment.checkAddress(addressInput(path.address));
      if (!checked.ok) {
        store.setState({ addressIssues: checked.error, checkedAddress: undefined });
        return false;
      }
      const quote = await ports.fulfilment.deliveryQuote(
        checked.value,
        cartOrderLines(path.cart),
        deps.now(),
      );
      store.setState({ addressIssues: [], checkedAddress: checked.value, quote });
      dispatch({ type: 'go', step: 'contact' });
      return true;
    },

    /** Pays on the kiosk's card terminal, then journals the order as paid. */
    async payByCard(): Promise<void> {
      const { bridge } = deps;
      if (paying()) return;
      if (!bridge || !deps.cardAvailable()) {
        store.setState({ notice: 'card-unavailable' });
        return;
      }
      // The cart or the address changed since the delivery was quoted: the customer confirms the address
      // again and sees the new fee before anything is charged.
      if (store.getState().path.fulfilment?.type === 'home-delivery' && !store.getState().quote) {
        dispatch({ type: 'go', step: 'delivery' });
        return;
      }
      const input = orderInputFor('at-kiosk');
      if (!createKioskOrder(input).ok) {
        store.setState({ notice: 'order-invalid' });
        return;
      }
      store.setState({ notice: undefined });
      if (!(await reserve(input))) return;
      const total = deliveryTotal();
      const pending: PendingKioskPayment = {
        paymentId: deps.newId(),
        amountMinor: total.minor,
        currency: total.currency,
        input,
      };
      // Kept before the terminal hears of it: after a reload the kiosk asks about this payment, never charges again.
      await ports.pending.save(pending);
      setPhase('charging');
      const options: ChargeOptions = {
        hostWasUp: deps.hostUp(),
        onProgress: (message) => setPhase('charging', message),
      };
      const result = await chargeKioskCard(bridge, pending, options);
      if (result.kind === 'unknown') {
        await settleCard(result, pending);
        return recoverPending(pending);
      }
      await settleCard(result, pending);
    },

    /** Asks the terminal again about the payment whose outcome is unknown. */
    async checkPayment(): Promise<void> {
      const pending = await ports.pending.read();
      if (pending) await recoverPending(pending);
    },

    /** A payment kept from before a reload: settle it with the terminal, and place its order if it was paid. */
    async resumePending(): Promise<void> {
      const pending = await ports.pending.read();
      if (!pending || !deps.bridge) return;
      store.setState({ notice: undefined });
      dispatch({ type: 'start' });
      await recoverPending(pending);
    },

    /** Journals the order to pay at the till and prints its signed ticket. */
    async payAtTill(): Promise<void> {
      if (paying()) return;
      if (feeToPay()) {
        store.setState({ notice: 'delivery-card-only' });
        return;
      }
      const input = orderInputFor('at-till');
      store.setState({ notice: undefined });
      if (!(await reserve(input))) return;
      setPhase('placing');
      const placed = await ports.orders.place(input, { placedAt: deps.now().toISOString() });
      if (!placed.ok) {
        setPhase('idle');
        store.setState({ notice: refusalNotice(placed.error) });
        return;
      }
      const signed = await ports.orders.signTicket(placed.value.order);
      const ticket = signed.ok ? signed.value : undefined;
      setPhase('idle');
      await finishPlaced(placed.value, ticket === undefined ? {} : { ticket });
      if (ticket === undefined) {
        store.setState({ notice: 'ticket-failed' });
        return;
      }
      const language = store.getState().path.language;
      const printed = await print(
        kioskTicketDocument(placed.value.order, ticket, placed.value.receiptNumber, language),
        `kiosk-ticket-${placed.value.order.id}`,
      );
      store.setState((s) => ({
        placed: s.placed ? { ...s.placed, ticketPrinted: printed } : s.placed,
        notice: printed ? s.notice : 'print-failed',
      }));
    },

    async printReceipt(): Promise<void> {
      const { placed, path } = store.getState();
      if (!placed || placed.receipt === 'printing') return;
      store.setState({ placed: { ...placed, receipt: 'printing' } });
      const printed = await print(
        kioskOrderReceiptDocument(
          placed.placed.order,
          placed.placed.receiptNumber,
          deps.readyWords(placed, path.language),
          placed.terminalReceipt,
          path.language,
        ),
        `kiosk-receipt-${placed.placed.order.id}`,
      );
      store.setState((s) => ({
        placed: s.placed ? { ...s.placed, receipt: printed ? 'printed' : 'print-failed' } : s.placed,
      }));
    },

    async emailReceipt(): Promise<void> {
      const { placed } = store.getState();
      if (!placed?.hasEmail || placed.receipt === 'emailing') return;
      const { path, pickupStores } = store.getState();
      const mail = kioskReceiptMail(
        placed.placed.order,
        placed.placed.receiptNumber,
        deps.readyWords(placed, path.language),
        pickupStores.find((s) => s.own)?.name ?? placed.placed.order.storeCode,
        path.language,
      );
      store.setState({ placed: { ...placed, receipt: 'emailing' } });
      const sent = await ports.orders.emailReceipt(placed.placed, mail);
      store.setState((s) => ({
        placed: s.placed ? { ...s.placed, receipt: sent === 'sent' ? 'emailed' : 'email-queued' } : s.placed,
      }));
    },

    dismissNotice(): void {
      store.setState({ notice: undefined, shortages: [] });
    },

    /**
     * Back to the attract screen for the next customer: the path, every answer
     * and the personal data in memory are dropped; never while a payment runs.
     */
    reset(): boolean {
      if (paying()) return false;
      customer++;
      searchTurn++;
      store.setState({ ...initialState(), categories: store.getState().categories });
      deps.setLanguage(initialKioskPath.language);
      return true;
    },
  };
  return actions;
}

export type KioskStore = ReturnType<typeof createKioskStore>;

/** The amount the customer pays: the cart, and the delivery fee for a home delivery. */
export function kioskAmountDue(state: KioskState): Money {
  if (state.path.cart.length === 0) return money(0);
  const delivery = state.path.fulfilment?.type === 'home-delivery';
  return cartTotals(state.path.cart, delivery ? state.quote?.fee : undefined).total;
}
