import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClickCollectOrder, clickCollectOrderSchema } from './click-collect-order';
import { EXAMPLE_IDS, EXAMPLE_LINES, exampleHandover, exampleReadyOrder } from './example-orders';
import type { HandoverLine } from './handover';
import { tallyHandovers } from './handover-tally';
import { mergeHandovers } from './merge-handovers';
import { recordHandover } from './record-handover';
import { transitionClickCollectOrder } from './transition-click-collect-order';

const { handoverA, handoverB, handoverC } = EXAMPLE_IDS;

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const handOver = (order: ClickCollectOrder, id: string, lines: HandoverLine[], tillId = 'till-1') =>
  unwrap(recordHandover(order, exampleHandover(id, lines, { tillId }))).order;

describe('mergeHandovers worked examples', () => {
  const base = exampleReadyOrder();

  it('disjoint: two tills hand over different lines; the union completes the order', () => {
    const tillA = handOver(base, handoverA, [{ lineId: 'l1', quantity: 1 }], 'till-A');
    const tillB = handOver(
      base,
      handoverB,
      [
        { lineId: 'l2', quantity: 3 },
        { lineId: 'l3', quantity: 2 },
      ],
      'till-B',
    );
    const merged = unwrap(mergeHandovers(tillA, tillB));
    expect(merged.handovers.map((h) => h.id)).toEqual([handoverA, handoverB]);
    expect(merged.status).toBe('handed-over');
    expect(merged.handoverConflict).toBeNull();
    expect(clickCollectOrderSchema.safeParse(merged).success).toBe(true);
  });

  it('disjoint but incomplete: partially-handed-over', () => {
    const tillA = handOver(base, handoverA, [{ lineId: 'l1', quantity: 1 }]);
    const tillB = handOver(base, handoverB, [{ lineId: 'l2', quantity: 1 }]);
    expect(unwrap(mergeHandovers(tillA, tillB))).toMatchObject({
      status: 'partially-handed-over',
      handoverConflict: null,
    });
  });

  it('overlapping: both tills handed over the kettle; both records kept, the order flagged', () => {
    const tillA = handOver(base, handoverA, [{ lineId: 'l1', quantity: 1 }]);
    const tillB = handOver(
      base,
      handoverB,
      [
        { lineId: 'l1', quantity: 1 },
        { lineId: 'l2', quantity: 2 },
      ],
      'till-B',
    );
    const merged = unwrap(mergeHandovers(tillA, tillB));
    expect(merged.handovers.map((h) => h.id)).toEqual([handoverA, handoverB]);
    expect(merged.status).toBe('partially-handed-over');
    expect(merged.handoverConflict).toEqual({
      overHandedLines: [{ lineId: 'l1', ordered: 1, handedOver: 2 }],
      handoversAfterClosure: [],
    });
    expect(clickCollectOrderSchema.safeParse(merged).success).toBe(true);
    // Nothing more of the kettle can be handed over; the rest still can.
    expect(recordHandover(merged, exampleHandover(handoverC, [{ lineId: 'l1', quantity: 1 }])).ok).toBe(
      false,
    );
    expect(recordHandover(merged, exampleHandover(handoverC, [{ lineId: 'l2', quantity: 1 }])).ok).toBe(true);
  });

  it('two desks marked it ready offline: the earlier readyAt is kept, whatever the order of arrival', () => {
    const picking = unwrap(
      transitionClickCollectOrder(
        { ...base, status: 'received' },
        {
          type: 'start-picking',
        },
      ),
    );
    const deskA = unwrap(
      transitionClickCollectOrder(picking, { type: 'mark-ready', at: '2025-03-02T09:00:00Z' }),
    );
    const deskB = unwrap(
      transitionClickCollectOrder(picking, { type: 'mark-ready', at: '2025-03-02T10:00:00+02:00' }),
    );
    expect(deskA.readyAt).toBe('2025-03-02T09:00:00Z');
    // 10:00+02:00 is 08:00Z: desk B was first.
    for (const [x, y] of [
      [deskA, deskB],
      [deskB, deskA],
    ] as const) {
      const merged = unwrap(mergeHandovers(x, y));
      expect(merged.readyAt).toBe('2025-03-02T10:00:00+02:00');
      expect(merged.status).toBe('ready-for-pickup');
    }
    // An order without readyAt (older desks) takes the other's; none stays none.
    expect(unwrap(mergeHandovers(picking, deskA)).readyAt).toBe('2025-03-02T09:00:00Z');
    expect('readyAt' in unwrap(mergeHandovers(base, base))).toBe(false);
    expect(unwrap(mergeHandovers(deskA, deskA))).toEqual(deskA);
  });

  it('duplicate by id: the same record synced to both tills counts once', () => {
    const tillA = handOver(base, handoverA, [{ lineId: 'l2', quantity: 2 }]);
    const tillB = handOver(tillA, handoverB, [{ lineId: 'l2', quantity: 1 }]);
    const merged = unwrap(mergeHandovers(tillA, tillB));
    expect(merged.handovers.map((h) => h.id)).toEqual([handoverA, handoverB]);
    expect(merged.handoverConflict).toBeNull();
    expect(unwrap(mergeHandovers(tillB, tillB))).toEqual(tillB);
  });

  it('refuses one id with two different contents instead of picking one', () => {
    const tillA = handOver(base, handoverA, [{ lineId: 'l2', quantity: 2 }]);
    const tillB = handOver(base, handoverA, [{ lineId: 'l2', quantity: 3 }]);
    expect(mergeHandovers(tillA, tillB)).toEqual({
      ok: false,
      error: { code: 'handover-id-collision', handoverIds: [handoverA] },
    });
  });

  it('a handover on one till while another cancelled: cancelled, records kept, flagged', () => {
    const cancelled = unwrap(transitionClickCollectOrder(base, { type: 'cancel' }));
    const handed = handOver(base, handoverA, [{ lineId: 'l1', quantity: 1 }]);
    const merged = unwrap(mergeHandovers(cancelled, handed));
    expect(merged.status).toBe('cancelled');
    expect(merged.handovers.map((h) => h.id)).toEqual([handoverA]);
    expect(merged.handoverConflict).toEqual({ overHandedLines: [], handoversAfterClosure: [handoverA] });
    expect(clickCollectOrderSchema.safeParse(merged).success).toBe(true);
    // The flag survives a later merge with a till that knows everything.
    expect(unwrap(mergeHandovers(merged, handed)).handoverConflict).toEqual(merged.handoverConflict);
  });

  it('returned knowing some handovers: only the unknown ones are flagged', () => {
    const partial = handOver(base, handoverA, [{ lineId: 'l1', quantity: 1 }]);
    const returned = unwrap(transitionClickCollectOrder(partial, { type: 'return' }));
    expect(unwrap(mergeHandovers(returned, partial))).toMatchObject({
      status: 'returned',
      handoverConflict: null,
    });
    const other = handOver(partial, handoverB, [{ lineId: 'l2', quantity: 3 }]);
    expect(unwrap(mergeHandovers(returned, other))).toMatchObject({
      status: 'returned',
      handoverConflict: { overHandedLines: [], handoversAfterClosure: [handoverB] },
    });
  });

  it('without handovers takes the furthest progress', () => {
    const received = { ...base, status: 'received' } as const;
    expect(unwrap(mergeHandovers(received, base)).status).toBe('ready-for-pickup');
    expect(unwrap(mergeHandovers(base, received)).status).toBe('ready-for-pickup');
  });

  it('takes web fields from the newer import and refuses copies of different orders', () => {
    const newer = {
      ...base,
      webUpdatedAt: '2025-03-01T12:00:00+01:00',
      customer: { name: 'C. Martin', phone: '+33612345678' },
    };
    const handed = handOver(base, handoverA, [{ lineId: 'l1', quantity: 1 }]);
    expect(unwrap(mergeHandovers(handed, newer))).toMatchObject({
      customer: newer.customer,
      handovers: handed.handovers,
    });
    expect(mergeHandovers(base, { ...base, id: EXAMPLE_IDS.kioskOrder })).toEqual({
      ok: false,
      error: { code: 'different-orders' },
    });
    expect(mergeHandovers(base, { ...base, pickupCode: 'ZZZZZZ' })).toEqual({
      ok: false,
      error: { code: 'copies-disagree', fields: ['pickupCode'] },
    });
    expect(mergeHandovers(base, { ...base, customer: newer.customer })).toEqual({
      ok: false,
      error: { code: 'web-copies-differ' },
    });
    const fewerLines = { ...newer, lines: EXAMPLE_LINES.slice(0, 2) };
    expect(mergeHandovers(handed, fewerLines)).toEqual({ ok: false, error: { code: 'lines-differ' } });
    expect(unwrap(mergeHandovers(base, fewerLines)).lines).toEqual(fewerLines.lines);
  });
});

describe('mergeHandovers properties', () => {
  const till = fc.array(
    fc.array(
      fc.record({ lineId: fc.constantFrom('l1', 'l2', 'l3'), quantity: fc.integer({ min: 1, max: 3 }) }),
      { minLength: 1, maxLength: 3 },
    ),
    { maxLength: 4 },
  );

  /** Replays attempts on one till; ids carry the till letter so two tills never mint the same one. */
  function replay(
    start: ClickCollectOrder,
    attempts: HandoverLine[][],
    letter: 'a' | 'b',
  ): ClickCollectOrder {
    return attempts.reduce((order, lines, i) => {
      const id = `0195509b-0000-7000-8000-0000000${letter}${String(i).padStart(4, '0')}`;
      const result = recordHandover(order, exampleHandover(id, lines));
      return result.ok ? result.value.order : order;
    }, start);
  }

  it('is commutative and idempotent, keeps every record, and flags exactly the over-handed lines', () => {
    fc.assert(
      fc.property(till, till, till, fc.boolean(), (shared, onA, onB, cancelB) => {
        const common = replay(exampleReadyOrder(), shared, 'a');
        const a = replay(common, onA, 'a');
        let b = replay(common, onB, 'b');
        if (cancelB) {
          const cancelled = transitionClickCollectOrder(b, { type: 'cancel' });
          if (cancelled.ok) b = cancelled.value;
        }
        const ab = unwrap(mergeHandovers(a, b));
        expect(unwrap(mergeHandovers(b, a))).toEqual(ab);
        expect(unwrap(mergeHandovers(ab, ab))).toEqual(ab);
        expect(unwrap(mergeHandovers(ab, a))).toEqual(ab);
        const ids = new Set([...a.handovers, ...b.handovers].map((h) => h.id));
        expect(ab.handovers.map((h) => h.id).sort()).toEqual([...ids].sort());
        const over = tallyHandovers(ab.lines, ab.handovers).overHanded;
        expect(ab.handoverConflict?.overHandedLines ?? []).toEqual(over);
        expect(clickCollectOrderSchema.safeParse(ab).success).toBe(true);
      }),
    );
  });
});
