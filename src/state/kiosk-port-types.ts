import type { CategoryIcon } from '../core/catalog/categories';
import type { Product } from '../core/catalog/product';
import type { Money } from '../core/money';
import type { KioskOrderInput } from '../core/orders/create-kiosk-order';
import type { DeliveryAddressIssue } from '../core/orders/french-delivery';
import type { KioskOrder } from '../core/orders/kiosk-order';
import type { OrderIssue } from '../core/orders/order-issues';
import type { OrderLine } from '../core/orders/order-line';
import type { KioskOrderPlacement } from '../core/orders/place-kiosk-order';
import type { PostalAddress, PostalAddressInput } from '../core/orders/postal-address';
import type { Result } from '../core/result';
import type { ScanLookup } from './scan-lookup';

// What the kiosk's screens need from the catalog, the stock, the delivery
// rules and the order paths, as small interfaces ("ports"). The kiosk store
// (kiosk-store.ts) only talks to these. Today they are adapters over what the
// till already has (src/apps/kiosk/kiosk-ports.ts); the richer functions
// (a catalog search index, categories, stock with its age and dates, the
// server's reservation of the last units, French postal codes, delivery
// fees) replace an adapter without a screen noticing.

export interface KioskCategory {
  /** Stable key (the catalog's category text today). */
  readonly id: string;
  /** Words shown on the tile (already in the customer's language, or the catalog's). */
  readonly name: string;
  /** A picture for the tile (an image URL the page may load); without one the tile draws its icon. */
  readonly picture?: string;
  /** The shelf's pictogram (CATEGORY_ICONS); `other` for a key this build does not know. */
  readonly icon?: CategoryIcon;
}

export interface KioskCatalogPort {
  categories(): Promise<readonly KioskCategory[]>;
  productsInCategory(categoryId: string, limit: number): Promise<readonly Product[]>;
  /** Search as you type: accents and small typos forgiven where the search can, best first. */
  search(typed: string, limit: number): Promise<readonly Product[]>;
  /** A scanned code (product barcode or shelf label) to a product. */
  lookupScan(raw: string): Promise<ScanLookup>;
}

/** One place that has (or lacks) the product, with how old its figure is. */
export interface PlaceAvailability {
  readonly kind: 'this-store' | 'other-store' | 'warehouse';
  readonly code: string;
  /** The place's name for customers ("Lyon – Croix-Rousse"); the code when unknown. */
  readonly name: string;
  /** Pieces (or grams for products sold by weight). */
  readonly quantity: number;
  /** When this figure was true (ISO instant). */
  readonly asOf: string;
  /** Older than the setting: shown as "to be confirmed". */
  readonly stale: boolean;
  /** The date (YYYY-MM-DD) this place can have it picked up or delivered, when it has stock. */
  readonly readyBy: string | undefined;
}

export interface KioskStockPort {
  availability(product: Product, now: Date): Promise<readonly PlaceAvailability[]>;
}

export interface PickupStore {
  readonly code: string;
  readonly name: string;
  readonly own: boolean;
}

export interface DeliveryQuote {
  /** Added to the order's total (VAT included); zero when delivered free. */
  readonly fee: Money;
  /** The delivery date the customer is promised (YYYY-MM-DD). */
  readonly deliveryBy: string;
  /** What more in goods would make the delivery free; absent when free or never free. */
  readonly untilFree?: Money;
}

/** A problem of a typed address: its form (OrderIssue), or the postal check (code, town, where we deliver). */
export type AddressIssue = OrderIssue | DeliveryAddressIssue;

export type AddressCheck = Result<PostalAddress, readonly AddressIssue[]>;

/** What home delivery costs before an address is known: the store's fee, and from what goods total it is free. */
export interface DeliveryTerms {
  readonly fee: Money;
  readonly freeFrom: Money | undefined;
}

export interface KioskFulfilmentPort {
  /** This store first, then the stores a customer may pick an order up from. */
  pickupStores(): Promise<readonly PickupStore[]>;
  deliveryTerms(): Promise<DeliveryTerms>;
  /** The postal code, the town and the street checked; the whole address normalised. */
  checkAddress(address: PostalAddressInput): Promise<AddressCheck>;
  deliveryQuote(address: PostalAddress, lines: readonly OrderLine[], now: Date): Promise<DeliveryQuote>;
  /** The date a pickup order can be collected in `storeCode` (YYYY-MM-DD). */
  pickupDate(storeCode: string, lines: readonly OrderLine[], now: Date): Promise<string>;
}

/** A product the stock cannot cover: how many were wanted, the most one place can still give. */
export interface KioskShortage {
  readonly productId: string;
  readonly wanted: number;
  readonly available: number;
}

/** Why the order cannot be placed as it is, in terms the kiosk words for the customer. */
export type KioskOrderRefusal =
  | { readonly code: 'stock-short'; readonly shortages: readonly KioskShortage[] }
  /** A line names a place this store does not order from. */
  | { readonly code: 'unknown-location' }
  /** The order id was reserved before with other lines. */
  | { readonly code: 'reservation-conflict' }
  | { readonly code: 'invalid-order'; readonly issues: readonly OrderIssue[] }
  | { readonly code: 'not-recorded' };

/**
 * The stock held for an order. `confirmed`: the server holds it. Not
 * confirmed: the server could not be asked (offline, no answer in time);
 * the order may still be placed, the server reserves it when the journal
 * brings it, and the store confirms it with the customer.
 */
export interface KioskReservation {
  readonly confirmed: boolean;
}

export interface PlacedKioskOrder {
  readonly order: KioskOrder;
  /** The number of the kiosk's journal entry that carries it ("PAR01-K1-000004"). */
  readonly receiptNumber: string;
}

export interface KioskOrderPort {
  /** The kiosk's store and its own id, as the server enrolled it. */
  identity(): { readonly storeCode: string; readonly kioskId: string };
  /**
   * Holds the stock the order needs before the customer pays, under the
   * order's id (the server refuses what the stock cannot cover). Asked again
   * with the same id and lines, it is the same hold. Offline it answers ok,
   * not confirmed: the order goes with the journal and the server decides
   * when it arrives.
   */
  reserve(input: KioskOrderInput): Promise<Result<KioskReservation, KioskOrderRefusal>>;
  /**
   * Lets go of the hold of an order the kiosk will not place. Best effort,
   * never fails: a hold the server was not told about lapses by itself.
   */
  release(orderId: string): Promise<void>;
  /**
   * Journals the order (`kiosk-order.placed`) under the order's id; paid
   * already when `placement.payment` is given. An order journaled already
   * (a recovery after a reload) is answered as it was, never journaled twice.
   */
  place(
    input: KioskOrderInput,
    placement: KioskOrderPlacement,
  ): Promise<Result<PlacedKioskOrder, KioskOrderRefusal>>;
  /** The signed ticket (POS1:T:…) for an order to pay at the till. */
  signTicket(order: KioskOrder): Promise<Result<string, 'too-large' | 'no-key'>>;
  /**
   * Hands the receipt e-mail to the server, which sends it through the store's
   * mail relay: 'sent' when the server took it, 'queued' when it waits at the
   * kiosk for the link to come back.
   */
  emailReceipt(
    placed: PlacedKioskOrder,
    mail: { readonly subject: string; readonly text: string },
  ): Promise<'sent' | 'queued'>;
}

/** The card payment the kiosk started and has not settled: kept so a reload never charges twice. */
export interface PendingKioskPayment {
  readonly paymentId: string;
  readonly amountMinor: number;
  readonly currency: string;
  /** The order to place once the terminal says it was paid. */
  readonly input: KioskOrderInput;
}

export interface KioskPendingPaymentPort {
  save(pending: PendingKioskPayment): Promise<void>;
  read(): Promise<PendingKioskPayment | undefined>;
  clear(): Promise<void>;
}

export interface KioskPorts {
  readonly catalog: KioskCatalogPort;
  readonly stock: KioskStockPort;
  readonly fulfilment: KioskFulfilmentPort;
  readonly orders: KioskOrderPort;
  readonly pending: KioskPendingPaymentPort;
}
