import { describe, expect, it } from 'vitest';
import type { PaymentOutcome } from '../core/bridge/bridge-methods';
import type { PosBridge } from '../core/bridge/pos-bridge';
import type { Product } from '../core/catalog/product';
import { money } from '../core/money';
import type { KioskOrderInput } from '../core/orders/create-kiosk-order';
import { placeKioskOrder } from '../core/orders/place-kiosk-order';
import { err, ok, type Result } from '../core/result';
import type {
  KioskOrderRefusal,
  KioskPorts,
  KioskReservation,
  PendingKioskPayment,
} from './kiosk-port-types';
import { createKioskStore, kioskAmountDue } from './kiosk-store';

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

interface KioskFakes {
  /** What the server answers each reservation (held, confirmed, by default). */
  readonly reserve?: (input: KioskOrderInput) => Result<KioskReservation, KioskOrderRefusal>;
  /** What the terminal says when asked again about a payment (no answer by default). */
  readonly recovered?: PaymentOutcome;
}

function kioskWith(
  outcome: PaymentOutcome | 'lost',
  fulfilment: Partial<KioskPorts['fulfilment']> = {},
  fakes: KioskFakes = {},
) {
  const placed: KioskOrderInput[] = [];
  const reserved: KioskOrderInput[] = [];
  const released: string[] = [];
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
      deliveryTerms: async () => ({ fee: money(590), freeFrom: money(6000) }),
      checkAddress: async () => err([]),
      deliveryQuote: async () => ({ fee: money(0), deliveryBy: '2026-12-10' }),
      pickupDate: async () => '2026-12-09',
      ...fulfilment,
    },
    orders: {
      identity: () => ({ storeCode: 'PAR01', kioskId: 'kiosk-1' }),
      reserve: async (input) => {
        reserved.push(input);
        return fakes.reserve?.(input) ?? ok({ confirmed: true });
      },
      release: async (orderId) => {
        released.push(orderId);
      },
      place: async (input, placement) => {
        const order = placeKioskOrder(input, placement);
        if (!order.ok) return err({ code: 'not-recorded' });
        placed.push(input);
        return ok({ order: order.value, receiptNumber: 'PAR01-K1-000001' });
      },
      signTicket: async () => ok('POS1:T:X:Y'),
      emailReceipt: async () => 'queued' as const,
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
    recoverPayment: async () => {
      // A moment on the wire, as the host's answer takes.
      await new Promise((resolve) => setTimeout(resolve, 5));
      return fakes.recovered
        ? ok(fakes.recovered)
        : err({ code: 'host-unreachable', message: 'x', retryable: true });
    },
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
  const setPending = (p: PendingKioskPayment) => {
    pending = p;
  };
  return { kiosk, placed, reserved, released, charges, pending: () => pending, setPending };
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

  describe('home delivery with a fee', () => {
    const address = {
      name: 'Léa Martin',
      lines: ['3 rue Neuve'],
      postcode: '42000',
      city: 'Saint-Étienne',
      country: 'FR',
    };
    const withFee = (feeMinor: number) => ({
      checkAddress: async () => ok(address),
      deliveryQuote: async () => ({ fee: money(feeMinor), deliveryBy: '2026-12-10' }),
    });

    async function toDeliveryPayment(kiosk: ReturnType<typeof createKioskStore>) {
      await kiosk.start();
      await kiosk.showProduct(bottle);
      kiosk.addToCart(2);
      kiosk.go('delivery');
      kiosk.chooseDelivery();
      kiosk.dispatch({
        type: 'address',
        patch: { name: 'Léa Martin', street: '3 rue Neuve', postcode: '42000', city: 'st etienne' },
      });
      expect(await kiosk.confirmAddress()).toBe(true);
      kiosk.dispatch({ type: 'contact', patch: { name: 'Léa Martin', phone: '0612345678', consent: true } });
      kiosk.go('pay');
      expect(kiosk.store.getState().path.step).toBe('pay');
    }

    it('charges the goods and the fee, and the order carries the fee, the checked town and the consent', async () => {
      const { kiosk, placed, charges } = kioskWith({ ...approved, amountMinor: 888 }, withFee(590));
      await toDeliveryPayment(kiosk);
      expect(kioskAmountDue(kiosk.store.getState()).minor).toBe(298 + 590);
      await kiosk.payByCard();
      expect(charges).toEqual([888]);
      expect(placed).toHaveLength(1);
      const order = kiosk.store.getState().placed?.placed.order;
      expect(order?.deliveryFee).toEqual({ minor: 590, currency: 'EUR' });
      expect(order?.fulfilment).toEqual({ type: 'home-delivery', address });
      expect(order?.messagesConsentAt).toBe('2026-12-07T10:00:00.000Z');
    });

    it('will not make a ticket for a delivery that costs a fee: nothing placed, the customer is told to pay by card', async () => {
      const { kiosk, placed } = kioskWith(approved, withFee(590));
      await toDeliveryPayment(kiosk);
      await kiosk.payAtTill();
      expect(placed).toHaveLength(0);
      expect(kiosk.store.getState().notice).toBe('delivery-card-only');
    });

    it('a free delivery may be paid at the till; its order carries a zero fee', async () => {
      const { kiosk, placed } = kioskWith(approved, withFee(0));
      await toDeliveryPayment(kiosk);
      await kiosk.payAtTill();
      expect(placed).toHaveLength(1);
      expect(kiosk.store.getState().placed?.placed.order.deliveryFee).toEqual({ minor: 0, currency: 'EUR' });
    });

    it('a cart changed after the quote sends the customer back to the address before any charge', async () => {
      const { kiosk, placed, charges } = kioskWith(approved, withFee(590));
      await toDeliveryPayment(kiosk);
      const line = kiosk.store.getState().path.cart[0];
      kiosk.dispatch({ type: 'quantity', lineId: line?.lineId ?? '', quantity: 3 });
      expect(kiosk.store.getState().quote).toBeUndefined();
      kiosk.go('pay');
      await kiosk.payByCard();
      expect(charges).toEqual([]);
      expect(placed).toHaveLength(0);
      expect(kiosk.store.getState().path.step).toBe('delivery');
    });
  });
});

const declined: PaymentOutcome = { status: 'declined', paymentId: 'p', reason: '05', terminalReceipt: [] };

/** Lets the fire-and-forget calls (releases) run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the kiosk store and the server’s hold on the last units', () => {
  it('reserves before the terminal, under the id it journals the order with', async () => {
    const { kiosk, placed, reserved, released, charges } = kioskWith(approved);
    await toPayment(kiosk);
    await kiosk.payByCard();
    expect(charges).toEqual([298]);
    expect(reserved.map((input) => input.id)).toEqual([placed[0]?.id]);
    expect(reserved[0]?.lines.map((line) => [line.productId, line.quantity])).toEqual([['eau-15', 2]]);
    expect(kiosk.store.getState().placed?.placed.order.id).toBe(reserved[0]?.id);
    expect(kiosk.store.getState().placed?.stockUnconfirmed).toBe(false);
    // Placed: its hold stays, even when the next customer starts over.
    expect(kiosk.reset()).toBe(true);
    await settled();
    expect(released).toEqual([]);
  });

  it('stock short: the terminal is never called, nothing is placed or kept, and the product is named', async () => {
    const { kiosk, placed, charges, pending, released } = kioskWith(
      approved,
      {},
      {
        reserve: () =>
          err({ code: 'stock-short', shortages: [{ productId: 'eau-15', wanted: 2, available: 1 }] }),
      },
    );
    await toPayment(kiosk);
    await kiosk.payByCard();
    expect(charges).toEqual([]);
    expect(placed).toEqual([]);
    expect(pending()).toBeUndefined();
    const state = kiosk.store.getState();
    expect(state.notice).toBe('stock-short');
    expect(state.shortages).toEqual([
      { productId: 'eau-15', name: 'Eau minérale 1,5 L', wanted: 2, available: 1 },
    ]);
    expect(state.payment.phase).toBe('idle');
    expect(state.path.step).toBe('pay');
    // Nothing was held: a change of the cart has nothing to let go, and takes the refusal away.
    const lineId = state.path.cart[0]?.lineId ?? '';
    kiosk.setQuantity(lineId, 1);
    await settled();
    expect(released).toEqual([]);
    expect(kiosk.store.getState().notice).toBeUndefined();
  });

  it('at the till too: a refusal places nothing and prints no ticket', async () => {
    const { kiosk, placed } = kioskWith(
      approved,
      {},
      { reserve: () => err({ code: 'reservation-conflict' }) },
    );
    await toPayment(kiosk);
    await kiosk.payAtTill();
    expect(placed).toEqual([]);
    expect(kiosk.store.getState().notice).toBe('reservation-conflict');
    expect(kiosk.store.getState().path.step).toBe('pay');
  });

  it('the server out of reach: the order goes on with the journal, and the confirmation says the store confirms', async () => {
    const { kiosk, placed, charges } = kioskWith(approved, {}, { reserve: () => ok({ confirmed: false }) });
    await toPayment(kiosk);
    await kiosk.payByCard();
    expect(charges).toEqual([298]);
    expect(placed).toHaveLength(1);
    expect(kiosk.store.getState().placed?.stockUnconfirmed).toBe(true);
  });

  it('a declined card keeps the hold for another try under the same order; a changed cart lets it go', async () => {
    const { kiosk, reserved, released, charges } = kioskWith(declined);
    await toPayment(kiosk);
    await kiosk.payByCard();
    await kiosk.payByCard();
    expect(charges).toEqual([298, 298]);
    const [first, second] = reserved.map((input) => input.id);
    expect(second).toBe(first);
    await settled();
    expect(released).toEqual([]);

    kiosk.setQuantity(kiosk.store.getState().path.cart[0]?.lineId ?? '', 3);
    await settled();
    expect(released).toEqual([first]);
    kiosk.go('delivery');
    await kiosk.choosePickup('PAR01');
    kiosk.go('pay');
    await kiosk.payByCard();
    expect(reserved.at(-1)?.id).not.toBe(first);
    expect(reserved.at(-1)?.lines[0]?.quantity).toBe(3);
  });

  it('another pickup store is another hold: the old one is let go', async () => {
    const { kiosk, reserved, released } = kioskWith(declined);
    await toPayment(kiosk);
    await kiosk.payByCard();
    await kiosk.choosePickup('LYO01');
    await settled();
    expect(released).toEqual([reserved[0]?.id]);
  });

  it('start over, or the idle reset, lets go of a declined order’s hold', async () => {
    const { kiosk, reserved, released } = kioskWith(declined);
    await toPayment(kiosk);
    await kiosk.payByCard();
    expect(kiosk.reset()).toBe(true);
    await settled();
    expect(released).toEqual([reserved[0]?.id]);
  });

  it('paid at the till: the order placed keeps its hold', async () => {
    const { kiosk, reserved, released, placed } = kioskWith(approved);
    await toPayment(kiosk);
    await kiosk.payAtTill();
    expect(placed.map((input) => input.id)).toEqual([reserved[0]?.id]);
    kiosk.reset();
    await settled();
    expect(released).toEqual([]);
  });

  it('a payment found declined after a reload lets go of its order’s hold; found paid, it is placed once', async () => {
    const input = {
      id: '01890a5d-ac96-774b-bcce-b302099a8099',
      storeCode: 'PAR01',
      kioskId: 'kiosk-1',
      createdAt: '2026-12-07T09:59:00.000Z',
      currency: 'EUR',
      lines: [
        {
          lineId: 'l1',
          productId: 'eau-15',
          name: bottle.name,
          barcode: bottle.barcode,
          quantity: 2,
          unitPrice: { minor: 149, currency: 'EUR' as const },
          vatRateBps: 550,
        },
      ],
      contact: { name: 'Léa Martin', phone: '0612345678' },
      fulfilment: { type: 'store-pickup' as const, storeCode: 'PAR01' },
      paymentMethod: 'at-kiosk' as const,
    };
    const lost = kioskWith('lost', {}, { recovered: declined });
    lost.setPending({ paymentId: 'pay-1', amountMinor: 298, currency: 'EUR', input });
    await lost.kiosk.resumePending();
    await settled();
    expect(lost.placed).toEqual([]);
    expect(lost.released).toEqual([input.id]);
    expect(lost.pending()).toBeUndefined();

    const found = kioskWith('lost', {}, { recovered: { ...approved, paymentId: 'pay-1' } });
    found.setPending({ paymentId: 'pay-1', amountMinor: 298, currency: 'EUR', input });
    // "Check again" pressed while the kiosk is already asking: one answer places the order.
    await Promise.all([found.kiosk.resumePending(), found.kiosk.checkPayment()]);
    expect(found.placed.map((p) => p.id)).toEqual([input.id]);
    expect(found.charges).toEqual([]);
    expect(found.released).toEqual([]);
    expect(found.kiosk.store.getState().path.step).toBe('done');
    // The cart went with the reload: the confirmation says what the terminal charged, and where to collect.
    expect(found.kiosk.store.getState().placed?.total).toEqual(money(298));
    expect(found.kiosk.store.getState().placed?.storeName).toBe('Paris');
  });
});
