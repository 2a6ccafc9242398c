import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClickCollectOrder, clickCollectOrderSchema } from './click-collect-order';
import { EXAMPLE_IDS, exampleHandover, exampleReadyOrder, exampleReceivedOrder } from './example-orders';
import { type OrderHandover, orderHandoverSchema } from './handover';
import { tallyHandovers } from './handover-tally';
import { recordHandover } from './record-handover';
import { transitionClickCollectOrder } from './transition-click-collect-order';

const { handoverA, handoverB, handoverC } = EXAMPLE_IDS;

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function handedOver(order: ClickCollectOrder): Record<string, number> {
  return Object.fromEntries(
    tallyHandovers(order.lines, order.handovers).lines.map((l) => [l.lineId, l.handedOver]),
  );
}

describe('recordHandover: partial handovers summing to the full order', () => {
  it('hands over part now, part later, and ends handed-over', () => {
    // Ordered: l1 × 1 (kettle), l2 × 3 (tea), l3 × 2 (books).
    const first = unwrap(
      recordHandover(
        exampleReadyOrder(),
        exampleHandover(handoverA, [
          { lineId: 'l1', quantity: 1 },
          { lineId: 'l2', quantity: 2 },
        ]),
      ),
    );
    expect(first.order.status).toBe('partially-handed-over');
    expect(handedOver(first.order)).toEqual({ l1: 1, l2: 2, l3: 0 });
    expect(first.handover.id).toBe(handoverA);

    const second = unwrap(
      recordHandover(
        first.order,
        exampleHandover(handoverB, [{ lineId: 'l3', quantity: 1 }], {
          identification: { method: 'id-checked', document: 'passport' },
          staffId: 'staff-7',
          tillId: 'till-PAR01-1',
        }),
      ),
    );
    expect(second.order.status).toBe('partially-handed-over');
    expect(handedOver(second.order)).toEqual({ l1: 1, l2: 2, l3: 1 });

    const third = unwrap(
      recordHandover(
        second.order,
        exampleHandover(
          handoverC,
          [
            { lineId: 'l2', quantity: 1 },
            { lineId: 'l3', quantity: 1 },
          ],
          { identification: { method: 'order-number-typed', webOrderId: 'WEB-100234' } },
        ),
      ),
    );
    expect(third.order.status).toBe('handed-over');
    expect(handedOver(third.order)).toEqual({ l1: 1, l2: 3, l3: 2 });
    expect(third.order.handovers.map((h) => h.id)).toEqual([handoverA, handoverB, handoverC]);
    expect(clickCollectOrderSchema.safeParse(third.order).success).toBe(true);
  });

  it('keeps handovers in id order whatever order they were recorded in', () => {
    const later = unwrap(
      recordHandover(exampleReadyOrder(), exampleHandover(handoverC, [{ lineId: 'l1', quantity: 1 }])),
    );
    const earlier = unwrap(
      recordHandover(later.order, exampleHandover(handoverA, [{ lineId: 'l2', quantity: 1 }])),
    );
    expect(earlier.order.handovers.map((h) => h.id)).toEqual([handoverA, handoverC]);
  });
});

describe('recordHandover refusals', () => {
  const ready = exampleReadyOrder();
  const one = exampleHandover(handoverA, [{ lineId: 'l1', quantity: 1 }]);

  it('refuses more than ordered in one go', () => {
    expect(recordHandover(ready, exampleHandover(handoverA, [{ lineId: 'l2', quantity: 4 }]))).toEqual({
      ok: false,
      error: { code: 'exceeds-remaining', lines: [{ lineId: 'l2', requested: 4, remaining: 3 }] },
    });
  });

  it('refuses more than what remains after earlier handovers', () => {
    const after = unwrap(
      recordHandover(ready, exampleHandover(handoverA, [{ lineId: 'l2', quantity: 2 }])),
    ).order;
    expect(recordHandover(after, exampleHandover(handoverB, [{ lineId: 'l2', quantity: 2 }]))).toEqual({
      ok: false,
      error: { code: 'exceeds-remaining', lines: [{ lineId: 'l2', requested: 2, remaining: 1 }] },
    });
    expect(recordHandover(after, exampleHandover(handoverB, [{ lineId: 'l2', quantity: 1 }])).ok).toBe(true);
  });

  it('refuses a cancelled order', () => {
    const cancelled = unwrap(transitionClickCollectOrder(ready, { type: 'cancel' }));
    expect(recordHandover(cancelled, one)).toEqual({ ok: false, error: { code: 'order-cancelled' } });
  });

  it('refuses an order not yet ready, or already closed', () => {
    const received = exampleReceivedOrder();
    expect(recordHandover(received, one)).toEqual({
      ok: false,
      error: { code: 'order-not-ready', status: 'received' },
    });
    const picking = unwrap(transitionClickCollectOrder(received, { type: 'start-picking' }));
    expect(recordHandover(picking, one)).toEqual({
      ok: false,
      error: { code: 'order-not-ready', status: 'picking' },
    });
    const returned = unwrap(transitionClickCollectOrder(ready, { type: 'return' }));
    expect(recordHandover(returned, one)).toEqual({
      ok: false,
      error: { code: 'order-closed', status: 'returned' },
    });
  });

  it('refuses lines the order does not have, another order, and a replayed handover id', () => {
    expect(recordHandover(ready, exampleHandover(handoverA, [{ lineId: 'l9', quantity: 1 }]))).toEqual({
      ok: false,
      error: { code: 'unknown-line', lineIds: ['l9'] },
    });
    expect(recordHandover(ready, { ...one, orderId: EXAMPLE_IDS.kioskOrder })).toEqual({
      ok: false,
      error: {
        code: 'wrong-order',
        orderId: EXAMPLE_IDS.clickCollectOrder,
        handoverOrderId: EXAMPLE_IDS.kioskOrder,
      },
    });
    const after = unwrap(recordHandover(ready, one)).order;
    expect(recordHandover(after, exampleHandover(handoverA, [{ lineId: 'l2', quantity: 1 }]))).toEqual({
      ok: false,
      error: { code: 'duplicate-handover', handoverId: handoverA },
    });
  });

  it("refuses a customer identified by another order's pickup code or number", () => {
    const otherCode = {
      ...one,
      identification: { method: 'pickup-code-scanned', pickupCode: 'ZZZZZZ' },
    } as const;
    expect(recordHandover(ready, otherCode)).toEqual({
      ok: false,
      error: { code: 'identification-mismatch' },
    });
    const otherNumber = {
      ...one,
      identification: { method: 'order-number-typed', webOrderId: 'WEB-1' },
    } as const;
    expect(recordHandover(ready, otherNumber)).toEqual({
      ok: false,
      error: { code: 'identification-mismatch' },
    });
  });

  it('refuses a malformed handover as a value', () => {
    for (const bad of [
      exampleHandover(handoverA, [{ lineId: 'l1', quantity: 0 }]),
      exampleHandover(handoverA, [{ lineId: 'l1', quantity: -1 }]),
      exampleHandover(handoverA, [{ lineId: 'l1', quantity: 0.5 }]),
      exampleHandover(handoverA, []),
      exampleHandover(handoverA, [
        { lineId: 'l1', quantity: 1 },
        { lineId: 'l1', quantity: 1 },
      ]),
      exampleHandover(handoverA, [{ lineId: 'l1', quantity: 1 }], { handedOverAt: 'now' }),
    ]) {
      expect(recordHandover(ready, bad)).toMatchObject({ ok: false, error: { code: 'invalid-handover' } });
    }
  });
});

describe('recordHandover, any sequence of attempts', () => {
  const attempt = fc.array(
    fc.record({ lineId: fc.constantFrom('l1', 'l2', 'l3', 'l4'), quantity: fc.integer({ min: 1, max: 4 }) }),
    { minLength: 1, maxLength: 3 },
  );

  it('never hands over more than ordered, and the status always matches what remains', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 12 }), (attempts) => {
        let order = exampleReadyOrder();
        attempts.forEach((lines, i) => {
          const id = `0195509b-0000-7${String(i).padStart(3, '0')}-8000-000000000000`;
          const result = recordHandover(order, exampleHandover(id, lines));
          if (!result.ok) return;
          order = result.value.order;
          const tally = tallyHandovers(order.lines, order.handovers);
          expect(tally.overHanded).toEqual([]);
          expect(order.status).toBe(tally.complete ? 'handed-over' : 'partially-handed-over');
          expect(clickCollectOrderSchema.safeParse(order).success).toBe(true);
          expect(orderHandoverSchema.safeParse(result.value.handover).success).toBe(true);
        });
        const sum = (h: readonly OrderHandover[]) =>
          h.flatMap((x) => x.lines).reduce((s, l) => s + l.quantity, 0);
        expect(sum(order.handovers)).toBeLessThanOrEqual(6);
      }),
    );
  });
});
