import { describe, expect, it } from 'vitest';
import { createKioskOrder } from './create-kiosk-order';
import { EXAMPLE_IDS, EXAMPLE_KIOSK_INPUT, EXAMPLE_LINES, exampleKioskOrder } from './example-orders';
import { type KioskOrder, kioskOrderSchema } from './kiosk-order';
import {
  KIOSK_ORDER_EVENT_TYPES,
  KIOSK_ORDER_STATUSES,
  KIOSK_ORDER_TRANSITIONS,
  type KioskOrderEventType,
  type KioskOrderStatus,
} from './kiosk-order-status';
import { type KioskOrderEvent, transitionKioskOrder } from './transition-kiosk-order';

const AT = '2025-03-01T10:20:00+01:00';
const CARD = { type: 'kiosk-card', cardReference: 'TPE-000912-A' } as const;
const TILL = { type: 'till-sale', saleId: EXAMPLE_IDS.sale } as const;
const PICKUP = { type: 'store-pickup' } as const;

function eventOf(type: KioskOrderEventType, order: KioskOrder): KioskOrderEvent {
  if (type === 'pay') return { type, at: AT, payment: order.paymentMethod === 'at-kiosk' ? CARD : TILL };
  return { type, at: AT };
}

function apply(order: KioskOrder, ...types: KioskOrderEventType[]): KioskOrder {
  return types.reduce((current, type) => {
    const result = transitionKioskOrder(current, eventOf(type, current));
    if (!result.ok) throw new Error(`${current.status} --${type}--> ${JSON.stringify(result.error)}`);
    return result.value;
  }, order);
}

// How to reach each status; shipped needs a delivery, ready-for-pickup a pickup.
const PATHS: Record<KioskOrderStatus, { pickup: boolean; events: KioskOrderEventType[] }> = {
  draft: { pickup: false, events: [] },
  submitted: { pickup: false, events: ['submit'] },
  paid: { pickup: false, events: ['submit', 'pay'] },
  'sent-to-fulfilment': { pickup: false, events: ['submit', 'pay', 'send-to-fulfilment'] },
  shipped: { pickup: false, events: ['submit', 'pay', 'send-to-fulfilment', 'ship'] },
  'ready-for-pickup': { pickup: true, events: ['submit', 'pay', 'send-to-fulfilment', 'mark-ready'] },
  completed: { pickup: false, events: ['submit', 'pay', 'send-to-fulfilment', 'ship', 'complete'] },
  cancelled: { pickup: false, events: ['cancel'] },
};

function orderIn(status: KioskOrderStatus, pickup = PATHS[status].pickup): KioskOrder {
  const draft = exampleKioskOrder(pickup ? { fulfilment: PICKUP } : {});
  return apply(draft, ...PATHS[status].events);
}

// Written out by hand (not derived from the table) so a wrong table fails.
const LEGAL = [
  'draft --submit--> submitted',
  'draft --cancel--> cancelled',
  'submitted --pay--> paid',
  'submitted --cancel--> cancelled',
  'paid --send-to-fulfilment--> sent-to-fulfilment',
  'paid --cancel--> cancelled',
  'sent-to-fulfilment --ship--> shipped',
  'sent-to-fulfilment --mark-ready--> ready-for-pickup',
  'sent-to-fulfilment --cancel--> cancelled',
  'shipped --complete--> completed',
  'ready-for-pickup --complete--> completed',
  'ready-for-pickup --cancel--> cancelled',
];

describe('createKioskOrder', () => {
  it('builds a draft delivery order with normalised contact and address', () => {
    const order = createKioskOrder(EXAMPLE_KIOSK_INPUT);
    expect(order).toEqual({
      ok: true,
      value: {
        kind: 'kiosk',
        id: EXAMPLE_IDS.kioskOrder,
        storeCode: 'PAR01',
        kioskId: 'kiosk-1',
        createdAt: '2025-03-01T10:15:00+01:00',
        updatedAt: '2025-03-01T10:15:00+01:00',
        currency: 'EUR',
        lines: EXAMPLE_LINES,
        contact: { name: 'Camille Martin', email: 'camille.martin@example.fr', phone: '+33612345678' },
        fulfilment: {
          type: 'home-delivery',
          address: {
            name: 'Camille Martin',
            lines: ['12 rue des Lilas'],
            postcode: '75011',
            city: 'Paris',
            country: 'FR',
          },
        },
        paymentMethod: 'at-kiosk',
        payment: null,
        status: 'draft',
      },
    });
  });

  it('defaults store pickup to the kiosk store and accepts another store', () => {
    expect(exampleKioskOrder({ fulfilment: PICKUP }).fulfilment).toEqual({
      type: 'store-pickup',
      storeCode: 'PAR01',
    });
    expect(
      exampleKioskOrder({ fulfilment: { type: 'store-pickup', storeCode: 'LYO02' } }).fulfilment,
    ).toEqual({
      type: 'store-pickup',
      storeCode: 'LYO02',
    });
  });

  it('refuses an empty order', () => {
    expect(createKioskOrder({ ...EXAMPLE_KIOSK_INPUT, lines: [] })).toEqual({
      ok: false,
      error: [{ code: 'empty-order' }],
    });
  });

  it('refuses bad contact details', () => {
    expect(createKioskOrder({ ...EXAMPLE_KIOSK_INPUT, contact: { name: 'Camille' } })).toEqual({
      ok: false,
      error: [{ code: 'missing-email-and-phone' }],
    });
    expect(
      createKioskOrder({ ...EXAMPLE_KIOSK_INPUT, contact: { name: 'C', email: 'c@', phone: '12' } }),
    ).toEqual({
      ok: false,
      error: [
        { code: 'invalid-email', value: 'c@' },
        { code: 'invalid-phone', value: '12' },
      ],
    });
  });

  it('refuses a delivery without an address, or with a bad postcode', () => {
    expect(createKioskOrder({ ...EXAMPLE_KIOSK_INPUT, fulfilment: { type: 'home-delivery' } })).toEqual({
      ok: false,
      error: [{ code: 'missing-address' }],
    });
    const badPostcode = { ...EXAMPLE_KIOSK_INPUT.fulfilment.address, postcode: '7501' };
    expect(
      createKioskOrder({
        ...EXAMPLE_KIOSK_INPUT,
        fulfilment: { type: 'home-delivery', address: badPostcode },
      }),
    ).toEqual({ ok: false, error: [{ code: 'invalid-postcode', postcode: '7501', country: 'FR' }] });
  });

  it('reports every problem at once, including bad ids, times and lines', () => {
    const result = createKioskOrder({
      ...EXAMPLE_KIOSK_INPUT,
      id: 'not-a-uuid',
      createdAt: '2025-03-01 10:15',
      lines: [{ ...EXAMPLE_LINES[0], quantity: -1 }],
      contact: {},
      fulfilment: { type: 'home-delivery' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.map((i) => (i.code === 'invalid-field' ? i.path : i.code))).toEqual([
        'id',
        'createdAt',
        'lines.0.quantity',
        'missing-contact-name',
        'missing-email-and-phone',
        'missing-address',
      ]);
    }
  });

  it('refuses a line in another currency than the order', () => {
    const chf = { ...EXAMPLE_LINES[1], unitPrice: { minor: 450, currency: 'CHF' } };
    expect(createKioskOrder({ ...EXAMPLE_KIOSK_INPUT, lines: [EXAMPLE_LINES[0], chf] })).toEqual({
      ok: false,
      error: [{ code: 'line-currency-mismatch', lineId: 'l2', currency: 'CHF' }],
    });
  });
});

describe('kiosk order status machine', () => {
  it('has exactly the legal moves written above', () => {
    const table = Object.entries(KIOSK_ORDER_TRANSITIONS).flatMap(([from, moves]) =>
      Object.entries(moves).map(([event, to]) => `${from} --${event}--> ${to}`),
    );
    expect(table.sort()).toEqual([...LEGAL].sort());
  });

  it.each(LEGAL)('takes %s', (move) => {
    const [from, event, to] = move.split(/ --|--> /) as [
      KioskOrderStatus,
      KioskOrderEventType,
      KioskOrderStatus,
    ];
    const pickup = event === 'mark-ready' || from === 'ready-for-pickup';
    const result = transitionKioskOrder(orderIn(from, pickup), eventOf(event, orderIn(from, pickup)));
    expect(result.ok && result.value.status).toBe(to);
    if (result.ok) {
      expect(result.value.updatedAt).toBe(AT);
      expect(kioskOrderSchema.safeParse(result.value).success).toBe(true);
    }
  });

  it.each([
    ['draft', 'pay'],
    ['draft', 'ship'],
    ['draft', 'complete'],
    ['submitted', 'send-to-fulfilment'],
    ['submitted', 'submit'],
    ['paid', 'pay'],
    ['paid', 'ship'],
    ['sent-to-fulfilment', 'complete'],
    ['shipped', 'cancel'],
    ['shipped', 'mark-ready'],
    ['ready-for-pickup', 'ship'],
    ['completed', 'cancel'],
    ['cancelled', 'submit'],
    ['cancelled', 'pay'],
  ] as const)('refuses %s --%s-->', (from, event) => {
    const order = orderIn(from);
    expect(transitionKioskOrder(order, eventOf(event, order))).toEqual({
      ok: false,
      error: { code: 'illegal-transition', from, event },
    });
  });

  it('refuses every move not in the legal list, from every status', () => {
    let refused = 0;
    for (const from of KIOSK_ORDER_STATUSES) {
      for (const event of KIOSK_ORDER_EVENT_TYPES) {
        const moves: Record<string, string> = KIOSK_ORDER_TRANSITIONS[from];
        if (LEGAL.includes(`${from} --${event}--> ${moves[event]}`)) continue;
        const order = orderIn(from);
        expect(transitionKioskOrder(order, eventOf(event, order))).toEqual({
          ok: false,
          error: { code: 'illegal-transition', from, event },
        });
        refused++;
      }
    }
    expect(refused).toBe(KIOSK_ORDER_STATUSES.length * KIOSK_ORDER_EVENT_TYPES.length - LEGAL.length);
  });

  it('ships only deliveries and marks ready only pickups', () => {
    expect(transitionKioskOrder(orderIn('sent-to-fulfilment', true), { type: 'ship', at: AT })).toEqual({
      ok: false,
      error: { code: 'wrong-fulfilment', event: 'ship', fulfilment: 'store-pickup' },
    });
    expect(
      transitionKioskOrder(orderIn('sent-to-fulfilment', false), { type: 'mark-ready', at: AT }),
    ).toEqual({
      ok: false,
      error: { code: 'wrong-fulfilment', event: 'mark-ready', fulfilment: 'home-delivery' },
    });
  });

  it('keeps the proof of payment, and refuses one that does not match the chosen method', () => {
    const submitted = orderIn('submitted');
    expect(transitionKioskOrder(submitted, { type: 'pay', at: AT, payment: TILL })).toEqual({
      ok: false,
      error: { code: 'wrong-payment-method', paymentMethod: 'at-kiosk', proof: 'till-sale' },
    });
    const paid = transitionKioskOrder(submitted, { type: 'pay', at: AT, payment: CARD });
    expect(paid.ok && paid.value.payment).toEqual(CARD);
  });

  it('lets the till pay a pay-at-till order with its sale id', () => {
    const atTill = apply(exampleKioskOrder({ paymentMethod: 'at-till' }), 'submit');
    const paid = transitionKioskOrder(atTill, { type: 'pay', at: AT, payment: TILL });
    expect(paid.ok && paid.value).toMatchObject({ status: 'paid', payment: TILL });
  });

  it('refuses malformed events as values', () => {
    const submitted = orderIn('submitted');
    const pan = {
      type: 'pay',
      at: AT,
      payment: { type: 'kiosk-card', cardReference: '4970101122334455' },
    } as const;
    expect(transitionKioskOrder(submitted, pan)).toMatchObject({
      ok: false,
      error: { code: 'invalid-event' },
    });
    expect(transitionKioskOrder(submitted, { type: 'cancel', at: 'yesterday' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-event' },
    });
  });

  it('schema refuses an order whose payment contradicts its status', () => {
    const paid = orderIn('paid');
    expect(kioskOrderSchema.safeParse(paid).success).toBe(true);
    expect(kioskOrderSchema.safeParse({ ...paid, payment: null }).success).toBe(false);
    expect(kioskOrderSchema.safeParse({ ...orderIn('submitted'), payment: CARD }).success).toBe(false);
    expect(kioskOrderSchema.safeParse({ ...paid, payment: TILL }).success).toBe(false);
    expect(
      kioskOrderSchema.safeParse({ ...orderIn('shipped'), fulfilment: { ...PICKUP, storeCode: 'PAR01' } })
        .success,
    ).toBe(false);
  });
});
