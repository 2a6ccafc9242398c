import type { Product } from '../core/catalog/product';
import type { Money } from '../core/money';
import { type CurrencyCode, DEFAULT_CURRENCY } from '../core/money/currency';
import { normalizeContact } from '../core/orders/contact';
import type { KioskFulfilmentInput, KioskOrderInput } from '../core/orders/create-kiosk-order';
import type { KioskPaymentMethod } from '../core/orders/kiosk-order';
import { type KioskOrderTotals, kioskOrderTotals } from '../core/orders/kiosk-order-totals';
import type { OrderIssue } from '../core/orders/order-issues';
import { MAX_LINE_QUANTITY, type OrderLine } from '../core/orders/order-line';
import type { PostalAddressInput } from '../core/orders/postal-address';

// The customer's path through the kiosk, as plain data and a pure reducer:
// attract → find → product → cart → delivery → contact → pay → done. The
// kiosk store (kiosk-store.ts) adds the look-ups and the payment; this file
// holds every rule about what the path allows, so it is tested without a
// screen. Personal data (address, contact) lives only here, in memory, and a
// reset (idle or "start over") gives back the empty path.

export const KIOSK_STEPS = [
  'attract',
  'find',
  'product',
  'cart',
  'delivery',
  'contact',
  'pay',
  'done',
] as const;
export type KioskStep = (typeof KIOSK_STEPS)[number];

export type KioskLanguage = 'fr' | 'en';

/** Turned on from the attract screen; the next customer starts with them off. */
export interface KioskAccess {
  readonly highContrast: boolean;
  readonly largeText: boolean;
  /** Every control in the lower part of the screen (wheelchair reach). */
  readonly lowerLayout: boolean;
}

export interface KioskCartLine {
  readonly lineId: string;
  readonly productId: string;
  readonly barcode: string;
  readonly name: string;
  readonly unitPriceMinor: number;
  readonly currency: CurrencyCode;
  readonly vatRateBps: number;
  readonly quantity: number;
}

export interface AddressDraft {
  readonly name: string;
  readonly street: string;
  readonly extra: string;
  readonly postcode: string;
  readonly city: string;
}

export interface ContactDraft {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  /** Order messages only (ready, shipped): asked, never pre-ticked. */
  readonly consent: boolean;
}

export type FulfilmentChoice =
  | { readonly type: 'home-delivery' }
  | { readonly type: 'store-pickup'; readonly storeCode: string };

export interface KioskPathState {
  readonly step: KioskStep;
  readonly language: KioskLanguage;
  readonly access: KioskAccess;
  readonly cart: readonly KioskCartLine[];
  /** The product page open (step "product"). */
  readonly productId: string | undefined;
  readonly fulfilment: FulfilmentChoice | undefined;
  readonly address: AddressDraft;
  readonly contact: ContactDraft;
}

export const MAX_KIOSK_QUANTITY = Math.min(99, MAX_LINE_QUANTITY);

const EMPTY_ADDRESS: AddressDraft = { name: '', street: '', extra: '', postcode: '', city: '' };
const EMPTY_CONTACT: ContactDraft = { name: '', email: '', phone: '', consent: false };

export const initialKioskPath: KioskPathState = {
  step: 'attract',
  language: 'fr',
  access: { highContrast: false, largeText: false, lowerLayout: false },
  cart: [],
  productId: undefined,
  fulfilment: undefined,
  address: EMPTY_ADDRESS,
  contact: EMPTY_CONTACT,
};

export type KioskPathAction =
  | { readonly type: 'start' }
  | { readonly type: 'language'; readonly language: KioskLanguage }
  | { readonly type: 'toggle-access'; readonly mode: keyof KioskAccess }
  | { readonly type: 'show-product'; readonly productId: string }
  | { readonly type: 'go'; readonly step: KioskStep }
  | { readonly type: 'add'; readonly product: Product; readonly quantity: number; readonly lineId: string }
  | { readonly type: 'quantity'; readonly lineId: string; readonly quantity: number }
  | { readonly type: 'remove'; readonly lineId: string }
  | { readonly type: 'fulfilment'; readonly choice: FulfilmentChoice }
  | { readonly type: 'address'; readonly patch: Partial<AddressDraft> }
  | { readonly type: 'contact'; readonly patch: Partial<ContactDraft> }
  | { readonly type: 'placed' }
  | { readonly type: 'reset' };

const clampQuantity = (quantity: number) =>
  Math.max(1, Math.min(MAX_KIOSK_QUANTITY, Math.trunc(Number.isFinite(quantity) ? quantity : 1)));

/** Whether the path may move to `step` from where it stands (the screens' "next" and "back"). */
export function mayGo(state: KioskPathState, step: KioskStep): boolean {
  switch (step) {
    case 'attract':
    case 'find':
      return true;
    case 'product':
      return state.productId !== undefined;
    case 'cart':
      return state.step !== 'attract';
    case 'delivery':
      return state.cart.length > 0;
    case 'contact':
      return state.cart.length > 0 && state.fulfilment !== undefined;
    case 'pay':
      return (
        state.cart.length > 0 && state.fulfilment !== undefined && contactIssues(state.contact).length === 0
      );
    case 'done':
      return false;
  }
}

export function kioskPath(state: KioskPathState, action: KioskPathAction): KioskPathState {
  switch (action.type) {
    case 'start':
      return state.step === 'attract' ? { ...state, step: 'find' } : state;
    case 'language':
      return { ...state, language: action.language };
    case 'toggle-access':
      return { ...state, access: { ...state.access, [action.mode]: !state.access[action.mode] } };
    case 'show-product':
      return { ...state, step: 'product', productId: action.productId };
    case 'go':
      return mayGo(state, action.step) ? { ...state, step: action.step } : state;
    case 'add': {
      const { product } = action;
      if (!product.active || product.unit !== 'piece') return state;
      const quantity = clampQuantity(action.quantity);
      const existing = state.cart.find((line) => line.productId === product.id);
      const cart = existing
        ? state.cart.map((line) =>
            line === existing ? { ...line, quantity: clampQuantity(line.quantity + quantity) } : line,
          )
        : [
            ...state.cart,
            {
              lineId: action.lineId,
              productId: product.id,
              barcode: product.barcode,
              name: product.name,
              unitPriceMinor: product.priceMinor,
              currency: product.currency as CurrencyCode,
              vatRateBps: product.vatRateBps,
              quantity,
            },
          ];
      return { ...state, cart };
    }
    case 'quantity':
      return {
        ...state,
        cart: state.cart.map((line) =>
          line.lineId === action.lineId ? { ...line, quantity: clampQuantity(action.quantity) } : line,
        ),
      };
    case 'remove': {
      const cart = state.cart.filter((line) => line.lineId !== action.lineId);
      // An empty cart has nothing to deliver: back to finding products.
      const step =
        cart.length === 0 && ['delivery', 'contact', 'pay'].includes(state.step) ? 'find' : state.step;
      return { ...state, cart, step };
    }
    case 'fulfilment':
      return { ...state, fulfilment: action.choice };
    case 'address':
      return { ...state, address: { ...state.address, ...action.patch } };
    case 'contact':
      return { ...state, contact: { ...state.contact, ...action.patch } };
    case 'placed':
      // The order is journaled: the cart and the personal data are no longer needed on screen.
      return {
        ...state,
        step: 'done',
        cart: [],
        address: EMPTY_ADDRESS,
        contact: EMPTY_CONTACT,
        productId: undefined,
      };
    case 'reset':
      return initialKioskPath;
  }
}

/** The cart as order lines (snapshots of name, barcode, price and VAT). */
export function cartOrderLines(cart: readonly KioskCartLine[]): OrderLine[] {
  return cart.map((line) => ({
    lineId: line.lineId,
    productId: line.productId,
    name: line.name,
    barcode: line.barcode,
    quantity: line.quantity,
    unitPrice: { minor: line.unitPriceMinor, currency: line.currency },
    vatRateBps: line.vatRateBps,
  }));
}

/** The cart's total and VAT, with the delivery fee (VAT shared out like the order's) when there is one. */
export function cartTotals(cart: readonly KioskCartLine[], deliveryFee?: Money): KioskOrderTotals {
  return kioskOrderTotals({
    lines: cartOrderLines(cart),
    currency: cart[0]?.currency ?? DEFAULT_CURRENCY,
    deliveryFee,
  });
}

export function cartCount(cart: readonly KioskCartLine[]): number {
  return cart.reduce((sum, line) => sum + line.quantity, 0);
}

export type ContactIssue = OrderIssue['code'] | 'missing-consent';

/** What is missing or wrong in the contact form; consent to order messages is required (they say when to come). */
export function contactIssues(contact: ContactDraft): ContactIssue[] {
  const checked = normalizeContact(contact);
  const issues: ContactIssue[] = checked.ok ? [] : checked.error.map((issue) => issue.code);
  if (!contact.consent) issues.push('missing-consent');
  return issues;
}

export function addressInput(address: AddressDraft): PostalAddressInput {
  return {
    name: address.name,
    lines: [address.street, address.extra],
    postcode: address.postcode,
    city: address.city,
    country: 'FR',
  };
}

/** What the order needs, and nothing more: lines, contact, fulfilment and the payment chosen. */
export function kioskOrderInput(
  state: KioskPathState,
  ids: {
    readonly id: string;
    readonly storeCode: string;
    readonly kioskId: string;
    readonly createdAt: string;
  },
  paymentMethod: KioskPaymentMethod,
): KioskOrderInput {
  const fulfilment: KioskFulfilmentInput =
    state.fulfilment?.type === 'store-pickup'
      ? { type: 'store-pickup', storeCode: state.fulfilment.storeCode }
      : { type: 'home-delivery', address: addressInput(state.address) };
  const { name, email, phone } = state.contact;
  return {
    ...ids,
    currency: state.cart[0]?.currency ?? DEFAULT_CURRENCY,
    lines: cartOrderLines(state.cart),
    contact: {
      name,
      ...(email.trim() === '' ? {} : { email }),
      ...(phone.trim() === '' ? {} : { phone }),
    },
    fulfilment,
    paymentMethod,
  };
}

/** True while the path holds anything a customer typed or chose. */
export function holdsCustomerData(state: KioskPathState): boolean {
  return (
    state.cart.length > 0 ||
    Object.values(state.address).some((value) => value !== '') ||
    Object.values(state.contact).some((value) => value !== '' && value !== false)
  );
}
