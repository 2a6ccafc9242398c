import { describe, expect, it } from 'vitest';
import { type ClickCollectOrder, clickCollectOrderSchema } from './click-collect-order';
import {
  CLICK_COLLECT_EVENT_TYPES,
  CLICK_COLLECT_STATUSES,
  CLICK_COLLECT_TRANSITIONS,
  type ClickCollectStatus,
  isFinalClickCollectStatus,
} from './click-collect-status';
import { createClickCollectOrder } from './create-click-collect-order';
import {
  EXAMPLE_IDS,
  EXAMPLE_LINES,
  EXAMPLE_PICKUP_CODE,
  EXAMPLE_WEB_ORDER,
  exampleHandover,
  exampleReadyOrder,
  exampleReceivedOrder,
} from './example-orders';
import { recordHandover } from './record-handover';
import { signedOrderContent } from './signed-content';
import { type ClickCollectEvent, transitionClickCollectOrder } from './transition-click-collect-order';

// Written out by hand (not derived from the table) so a wrong table fails.
const LEGAL = [
  'received --start-picking--> picking',
  'received --cancel--> cancelled',
  'picking --mark-ready--> ready-for-pickup',
  'picking --cancel--> cancelled',
  'ready-for-pickup --hand-over-part--> partially-handed-over',
  'ready-for-pickup --hand-over-rest--> handed-over',
  'ready-for-pickup --cancel--> cancelled',
  'ready-for-pickup --return--> returned',
  'partially-handed-over --hand-over-part--> partially-handed-over',
  'partially-handed-over --hand-over-rest--> handed-over',
  'partially-handed-over --return--> returned',
];

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const partial = (): ClickCollectOrder =>
  unwrap(
    recordHandover(
      exampleReadyOrder(),
      exampleHandover(EXAMPLE_IDS.handoverA, [{ lineId: 'l1', quantity: 1 }]),
    ),
  ).order;
const full = (): ClickCollectOrder =>
  unwrap(
    recordHandover(
      exampleReadyOrder(),
      exampleHandover(EXAMPLE_IDS.handoverA, [
        { lineId: 'l1', quantity: 1 },
        { lineId: 'l2', quantity: 3 },
        { lineId: 'l3', quantity: 2 },
      ]),
    ),
  ).order;

function orderIn(status: ClickCollectStatus): ClickCollectOrder {
  switch (status) {
    case 'received':
      return exampleReceivedOrder();
    case 'picking':
      return unwrap(transitionClickCollectOrder(exampleReceivedOrder(), { type: 'start-picking' }));
    case 'ready-for-pickup':
      return exampleReadyOrder();
    case 'partially-handed-over':
      return partial();
    case 'handed-over':
      return full();
    case 'cancelled':
      return unwrap(transitionClickCollectOrder(exampleReceivedOrder(), { type: 'cancel' }));
    case 'returned':
      return unwrap(transitionClickCollectOrder(exampleReadyOrder(), { type: 'return' }));
  }
}

describe('createClickCollectOrder', () => {
  it('imports a web order as received, with our id and pickup code, no handovers', () => {
    expect(exampleReceivedOrder()).toEqual({
      kind: 'click-and-collect',
      id: EXAMPLE_IDS.clickCollectOrder,
      ...EXAMPLE_WEB_ORDER,
      pickupCode: EXAMPLE_PICKUP_CODE,
      status: 'received',
      handovers: [],
      handoverConflict: null,
    });
  });

  it('keeps an order cancelled on the web before import as cancelled', () => {
    const order = createClickCollectOrder({
      id: EXAMPLE_IDS.clickCollectOrder,
      pickupCode: EXAMPLE_PICKUP_CODE,
      webOrder: { ...EXAMPLE_WEB_ORDER, webStatus: 'cancelled' },
    });
    expect(order.ok && order.value.status).toBe('cancelled');
  });

  it('refuses an empty web order, a bad pickup code and a bad id as values', () => {
    expect(
      createClickCollectOrder({
        id: EXAMPLE_IDS.clickCollectOrder,
        pickupCode: EXAMPLE_PICKUP_CODE,
        webOrder: { ...EXAMPLE_WEB_ORDER, lines: [] },
      }),
    ).toEqual({ ok: false, error: [{ code: 'empty-order' }] });
    const bad = createClickCollectOrder({ id: 'x', pickupCode: 'OIL10', webOrder: EXAMPLE_WEB_ORDER });
    expect(bad.ok ? [] : bad.error.map((i) => (i.code === 'invalid-field' ? i.path : i.code))).toEqual([
      'id',
      'pickupCode',
    ]);
    for (const webOrder of [null, 'order', 42, [], { ...EXAMPLE_WEB_ORDER, source: 'marketplace' }]) {
      expect(
        createClickCollectOrder({ id: EXAMPLE_IDS.clickCollectOrder, pickupCode: 'AAAAAA', webOrder }).ok,
      ).toBe(false);
    }
  });
});

describe('click-and-collect status machine', () => {
  it('has exactly the legal moves written above', () => {
    const table = Object.entries(CLICK_COLLECT_TRANSITIONS).flatMap(([from, moves]) =>
      Object.entries(moves).map(([event, to]) => `${from} --${event}--> ${to}`),
    );
    expect(table.sort()).toEqual([...LEGAL].sort());
    expect(CLICK_COLLECT_STATUSES.filter(isFinalClickCollectStatus)).toEqual([
      'handed-over',
      'cancelled',
      'returned',
    ]);
  });

  it('builds every status through the real functions, each a valid order', () => {
    for (const status of CLICK_COLLECT_STATUSES) {
      const order = orderIn(status);
      expect(order.status).toBe(status);
      expect(clickCollectOrderSchema.safeParse(order).success).toBe(true);
    }
  });

  it.each(LEGAL.filter((move) => !move.includes('hand-over')))('takes %s', (move) => {
    const [from, event, to] = move.split(/ --|--> /) as [
      ClickCollectStatus,
      ClickCollectEvent['type'],
      string,
    ];
    const result = transitionClickCollectOrder(orderIn(from), { type: event });
    expect(result.ok && result.value.status).toBe(to);
    if (result.ok) expect(clickCollectOrderSchema.safeParse(result.value).success).toBe(true);
  });

  it('takes the handover moves through recordHandover only', () => {
    expect(orderIn('partially-handed-over').status).toBe('partially-handed-over'); // ready --part-->
    expect(orderIn('handed-over').status).toBe('handed-over'); // ready --rest-->
    const rest = recordHandover(
      partial(),
      exampleHandover(EXAMPLE_IDS.handoverB, [
        { lineId: 'l2', quantity: 3 },
        { lineId: 'l3', quantity: 1 },
      ]),
    );
    expect(rest.ok && rest.value.order.status).toBe('partially-handed-over'); // partial --part-->
    const last = recordHandover(
      unwrap(rest).order,
      exampleHandover(EXAMPLE_IDS.handoverC, [{ lineId: 'l3', quantity: 1 }]),
    );
    expect(last.ok && last.value.order.status).toBe('handed-over'); // partial --rest-->
  });

  it.each([
    ['received', 'mark-ready'],
    ['received', 'return'],
    ['picking', 'start-picking'],
    ['picking', 'return'],
    ['ready-for-pickup', 'start-picking'],
    ['partially-handed-over', 'cancel'],
    ['handed-over', 'cancel'],
    ['handed-over', 'return'],
    ['cancelled', 'start-picking'],
    ['returned', 'mark-ready'],
  ] as const)('refuses %s --%s-->', (from, event) => {
    expect(transitionClickCollectOrder(orderIn(from), { type: event })).toEqual({
      ok: false,
      error: { code: 'illegal-transition', from, event },
    });
  });

  it('refuses every non-handover move not in the legal list, from every status', () => {
    let refused = 0;
    for (const from of CLICK_COLLECT_STATUSES) {
      for (const event of CLICK_COLLECT_EVENT_TYPES) {
        if (event === 'hand-over-part' || event === 'hand-over-rest') continue;
        const moves: Record<string, string> = CLICK_COLLECT_TRANSITIONS[from];
        if (LEGAL.includes(`${from} --${event}--> ${moves[event]}`)) continue;
        expect(transitionClickCollectOrder(orderIn(from), { type: event }).ok).toBe(false);
        refused++;
      }
    }
    expect(refused).toBe(
      CLICK_COLLECT_STATUSES.length * 4 - LEGAL.filter((m) => !m.includes('hand-over')).length,
    );
  });

  it('keeps the server signature across status moves: it signs the web content, not progress', () => {
    const signed = { ...exampleReceivedOrder(), signedToken: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' };
    const picking = unwrap(transitionClickCollectOrder(signed, { type: 'start-picking' }));
    expect(picking.signedToken).toBe(signed.signedToken);
    expect(signedOrderContent(picking)).toEqual(signedOrderContent(signed));
    expect(signedOrderContent(full())).toEqual(signedOrderContent(exampleReceivedOrder()));
    expect(Object.keys(signedOrderContent(signed))).not.toContain('status');
  });

  it('schema refuses states the functions never produce', () => {
    const ready = exampleReadyOrder();
    const handover = exampleHandover(EXAMPLE_IDS.handoverA, [{ lineId: 'l1', quantity: 1 }]);
    const bad: [unknown, string][] = [
      [{ ...ready, status: 'handed-over' }, 'handed-over needs handovers'],
      [{ ...ready, handovers: [handover] }, 'ready-for-pickup has handovers'],
      [{ ...partial(), status: 'handed-over' }, 'handed-over but lines remain'],
      [{ ...full(), status: 'partially-handed-over' }, 'every line is handed over'],
      [{ ...partial(), handovers: [{ ...handover, orderId: EXAMPLE_IDS.kioskOrder }] }, 'for another order'],
      [
        { ...partial(), handovers: [{ ...handover, lines: [{ lineId: 'l9', quantity: 1 }] }] },
        'unknown order line',
      ],
      [{ ...partial(), handovers: [handover, handover] }, 'duplicate id'],
      [
        { ...partial(), handovers: [{ ...handover, lines: [{ lineId: 'l1', quantity: 2 }] }] },
        'over-handover',
      ],
      [{ ...orderIn('cancelled'), handovers: [handover] }, 'cancelled order unflagged'],
      [{ ...ready, lines: [...EXAMPLE_LINES, EXAMPLE_LINES[0]] }, 'duplicate-line-id'],
      [{ ...ready, signedToken: 'not a token!' }, 'base64'],
      [{ ...ready, signedToken: 'A'.repeat(8193) }, '8192'],
    ];
    for (const [order, why] of bad) {
      const parsed = clickCollectOrderSchema.safeParse(order);
      expect(parsed.error?.issues.map((issue) => issue.message).join(' | ')).toContain(why);
    }
  });
});
