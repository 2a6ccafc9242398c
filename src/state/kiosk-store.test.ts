import { describe, expect, it } from 'vitest';
import type { PaymentOutcome } from '../core/bridge/bridge-methods';
import type { PosBridge } from '../core/bridge/pos-bridge';
import type { Product } from '../core/catalog/product';
import { money } from '../core/money';
import type { KioskOrderInput } from '../core/orders/create-kiosk-order';
import { placeKioskOrder } from '../core/orders/place-kiosk-order';
import { err, ok } from '../core/result';
import type { KioskPorts, PendingKioskPayment } from './kiosk-port-types';
import { createKioskStore } from './kiosk-store';

// The kiosk store with fake ports and a fake terminal: what is placed,
// charged and kept for each card outcome, and what a reset leaves.

const bottle: Product = {
  id: 'eau-15',
  barcode: '3760000000017',
  name: 'Eau minérale 1,5 L',
  searchName: 'eau minerale 1 5 l',
  category: 'Boissons',
  priceMinor: 149,
  currency: 'EUR',
  vatRateBps: 550,
  unit: 'piece',
  active: true,
};

function kioskWith(outcome: PaymentOutcome | 'lost') {
  const placed: KioskOrderInput[] = [];
  let pending: PendingKioskPayment | undefined;
  const charges: number[] = [];
  let ids = 0;
  const ports: KioskPorts = {
    catalog: {
      categories: async () => [],
      productsInCategory: async () => [],
      search: async () => [bottle],
      lookupScan: async () => ({ kind: 'product', product: bottle, measure: undefined }),
    },
    stock: { availability: async () => [] },
    fulfilment: {
      pickupStores: async () => [{ code: 'PAR01', name: 'Paris', own: true }],
      checkAddress: async () => err([]),
      deliveryQuote: async () => ({ fee: money(0), deliveryBy: '2026-12-10' }),
      pickupDate: async () => '2026-12-09',
    },
    orders: {
      identity: () => ({ storeCode: 'PAR01', kioskId: 'kiosk-1' }),
      reserve: async () => ok({ confirmed: true }),
      release: async () => {},
      place: async (input, placement) => {
        const order = placeKioskOrder(input, placement);
        if (!order.ok) return err({ code: 'not-recorded' });
        placed.push(input);
        return ok({ order: order.value, receiptNumber: 'PAR01-K1-000001' });
      },
      signTicket: async () => ok('POS1:T:X:Y'),
      emailReceipt: async () => 'queued',
    },
    pending: {
      save: async (p) => {
        pending = p;
      },
      read: async () => pending,
      clear: async () => {
        pending = undefined;
      },
    },
  };
  const bridge = {
    onPaymentProgress: () => () => {},
    startPayment: async (params: { amountMinor: number }) => {
      charges.push(params.amountMinor);
      return outcome === 'lost'
        ? err({ code: 'outcome-unknown', message: 'x', retryable: true })
        : ok(outcome);
    },
    recoverPayment: async () => err({ code: 'host-unreachable', message: 'x', retryable: true }),
    printReceipt: async () => ok({ jobId: 'j', printedNow: true, paperNearEnd: false }),
  } as unknown as PosBridge;
  const kiosk = createKioskStore({
    ports,
    bridge,
    newId: () => `01890a5d-ac96-774b-bcce-b302099a80${String(10 + ids++).slice(-2)}`,
    now: () => new Date('2026-12-07T10:00:00.000Z'),
    cardAvailable: () => true,
    hostUp: () => true,
    setLanguage: () => {},
    readyWords: () => 'prêt',
  });
  return { kiosk, placed, charges, pending: () => pending };
}

async function toPayment(kiosk: ReturnType<typeof createKioskStore>) {
  await kiosk.start();
  await kiosk.showProduct(bottle);
  kiosk.addToCart(2);
  kiosk.go('delivery');
  await kiosk.choosePickup('PAR01');
  kiosk.dispatch({ type: 'contact', patch: { name: 'Léa Martin', phone: '0612345678', consent: true } });
  kiosk.go('pay');
  expect(kiosk.store.getState().path.step).toBe('pay');
}

const approved: PaymentOutcome = {
  status: 'approved',
  paymentId: 'p',
  kind: 'payment',
  amountMinor: 298,
  currency: 'EUR',
  reference: 'zvt/12/3',
  terminalReceipt: ['OK'],
};

describe('the kiosk store', () => {
  it('an approved card places the order paid, once, for the amount charged, and keeps nothing pending', async () => {
    const { kiosk, placed, charges, pending } = kioskWith(approved);
    await toPayment(kiosk);
    await kiosk.payByCard();
    expect(charges).toEqual([298]);
    expect(placed).toHaveLength(1);
    const state = kiosk.store.getState();
    expect(state.path.step).toBe('done');
    expect(state.placed?.placed.order.payment).toEqual({ type: 'kiosk-card', cardReference: 'zvt:12:3' });
    expect(state.path.contact.name).toBe('');
    expect(pending()).toBeUndefined();
  });

  it('a declined card places nothing, keeps nothing, and says so', async () => {
    const { kiosk, placed, pending } = kioskWith({
      status: 'declined',
      paymentId: 'p',
      reason: '05',
      terminalReceipt: [],
    });
    await toPayment(kiosk);
    await kiosk.payByCard();
    expect(placed).toEqual([]);
    expect(pending()).toBeUndefined();
    expect(kiosk.store.getState().notice).toBe('card-declined');
    expect(kiosk.store.getState().path.step).toBe('pay');
  });

  it('an outcome nobody can tell keeps the payment pending, charges once, and refuses to reset', async () => {
    const { kiosk, placed, charges, pending } = kioskWith('lost');
    await toPayment(kiosk);
    const paying = kiosk.payByCard();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(kiosk.store.getState().payment.phase).toBe('checking');
    expect(kiosk.reset()).toBe(false);
    expect(charges).toEqual([298]);
    expect(placed).toEqual([]);
    expect(pending()?.amountMinor).toBe(298);
    void paying;
  });

  it('a reset drops the cart and the contact', async () => {
    const { kiosk } = kioskWith(approved);
    await toPayment(kiosk);
    expect(kiosk.reset()).toBe(true);
    const state = kiosk.store.getState();
    expect(state.path.step).toBe('attract');
    expect(state.path.cart).toEqual([]);
    expect(state.path.contact).toEqual({ name: '', email: '', phone: '', consent: false });
  });
});
