import { describe, expect, it } from 'vitest';
import { type ClickCollectOrder, clickCollectOrderSchema, type WebOrderImport } from './click-collect-order';
import {
  EXAMPLE_IDS,
  EXAMPLE_LINES,
  EXAMPLE_WEB_ORDER,
  exampleHandover,
  exampleReadyOrder,
  exampleReceivedOrder,
} from './example-orders';
import { isSameImportedOrder, mergeImportedOrder } from './import-web-order';
import { recordHandover } from './record-handover';
import { transitionClickCollectOrder } from './transition-click-collect-order';

const LATER = '2025-03-01T11:00:00Z';
const TOKEN = 'eyJhbGciOiJFZERTQSJ9.e30.c2ln';
const signed = (order: ClickCollectOrder): ClickCollectOrder => ({ ...order, signedToken: TOKEN });
const copy = (changes: Partial<WebOrderImport>): WebOrderImport => ({
  ...EXAMPLE_WEB_ORDER,
  webUpdatedAt: LATER,
  ...changes,
});

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const picking = () => unwrap(transitionClickCollectOrder(exampleReceivedOrder(), { type: 'start-picking' }));
const partial = () =>
  unwrap(
    recordHandover(
      exampleReadyOrder(),
      exampleHandover(EXAMPLE_IDS.handoverA, [{ lineId: 'l1', quantity: 1 }]),
    ),
  ).order;
const fewerTea = EXAMPLE_LINES.map((l) => (l.lineId === 'l2' ? { ...l, quantity: 1 } : l));

/** The same data with every object's keys in reverse order, as another JSON encoder might write it. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('isSameImportedOrder', () => {
  it('is true for the same payload twice, even re-encoded with other key and line order', () => {
    const reencoded = reversedKeys({
      ...EXAMPLE_WEB_ORDER,
      lines: [...EXAMPLE_LINES].reverse(),
    }) as WebOrderImport;
    expect(Object.keys(reencoded)[0]).toBe('placedAt');
    expect(isSameImportedOrder(EXAMPLE_WEB_ORDER, reencoded)).toBe(true);
    expect(isSameImportedOrder(exampleReceivedOrder(), copy({}))).toBe(true);
  });

  it('is false for another web order or other content', () => {
    expect(isSameImportedOrder(EXAMPLE_WEB_ORDER, { ...EXAMPLE_WEB_ORDER, webOrderId: 'WEB-100235' })).toBe(
      false,
    );
    expect(isSameImportedOrder(EXAMPLE_WEB_ORDER, copy({ lines: fewerTea }))).toBe(false);
    expect(isSameImportedOrder(EXAMPLE_WEB_ORDER, copy({ webStatus: 'cancelled' }))).toBe(false);
    expect(
      isSameImportedOrder(EXAMPLE_WEB_ORDER, copy({ customer: { name: 'X', email: 'x@example.fr' } })),
    ).toBe(false);
    expect(isSameImportedOrder(EXAMPLE_WEB_ORDER, copy({ storeCode: 'LYO02' }))).toBe(false);
  });
});

describe('mergeImportedOrder', () => {
  it('same payload twice -> duplicate', () => {
    expect(mergeImportedOrder(exampleReceivedOrder(), EXAMPLE_WEB_ORDER)).toEqual({ outcome: 'duplicate' });
    expect(mergeImportedOrder(partial(), copy({}))).toEqual({ outcome: 'duplicate' });
  });

  it('status changed on the web (cancelled) -> update: order cancelled, signature dropped for re-signing', () => {
    const result = mergeImportedOrder(signed(picking()), copy({ webStatus: 'cancelled' }));
    expect(result).toMatchObject({ outcome: 'update', changes: ['web-cancelled'] });
    if (result.outcome === 'update') {
      expect(result.order).toMatchObject({
        status: 'cancelled',
        webStatus: 'cancelled',
        webUpdatedAt: LATER,
      });
      expect(result.order.signedToken).toBeUndefined();
      expect(clickCollectOrderSchema.safeParse(result.order).success).toBe(true);
    }
  });

  it('lines changed before picking started -> update', () => {
    const result = mergeImportedOrder(signed(exampleReceivedOrder()), copy({ lines: fewerTea }));
    expect(result).toMatchObject({
      outcome: 'update',
      changes: ['lines'],
      order: { status: 'received', lines: fewerTea },
    });
  });

  it('lines changed after picking started -> conflict', () => {
    expect(mergeImportedOrder(picking(), copy({ lines: fewerTea }))).toEqual({
      outcome: 'conflict',
      reasons: [{ code: 'lines-changed', status: 'picking' }],
    });
    expect(mergeImportedOrder(partial(), copy({ lines: fewerTea }))).toEqual({
      outcome: 'conflict',
      reasons: [{ code: 'lines-changed', status: 'partially-handed-over' }],
    });
  });

  it('customer corrected -> update while open, conflict once closed', () => {
    const customer = { name: 'Camille Martin', phone: '+33612345678' };
    expect(mergeImportedOrder(partial(), copy({ customer }))).toMatchObject({
      outcome: 'update',
      changes: ['customer'],
      order: { customer, status: 'partially-handed-over' },
    });
    const returned = unwrap(transitionClickCollectOrder(exampleReadyOrder(), { type: 'return' }));
    expect(mergeImportedOrder(returned, copy({ customer }))).toEqual({
      outcome: 'conflict',
      reasons: [{ code: 'customer-changed-after-close', status: 'returned' }],
    });
  });

  it('cancelled on the web after goods were handed over -> conflict', () => {
    expect(mergeImportedOrder(partial(), copy({ webStatus: 'cancelled' }))).toEqual({
      outcome: 'conflict',
      reasons: [{ code: 'cancelled-after-handover', status: 'partially-handed-over' }],
    });
  });

  it('cancelled on the web when the store already returned it -> update of the web status only', () => {
    const returned = unwrap(transitionClickCollectOrder(exampleReadyOrder(), { type: 'return' }));
    expect(mergeImportedOrder(returned, copy({ webStatus: 'cancelled' }))).toMatchObject({
      outcome: 'update',
      order: { status: 'returned', webStatus: 'cancelled' },
    });
  });

  it('reopened on the web after a cancel -> conflict', () => {
    const cancelled = mergeImportedOrder(exampleReceivedOrder(), copy({ webStatus: 'cancelled' }));
    if (cancelled.outcome !== 'update') throw new Error('expected an update');
    expect(mergeImportedOrder(cancelled.order, copy({ webUpdatedAt: '2025-03-01T12:00:00Z' }))).toEqual({
      outcome: 'conflict',
      reasons: [{ code: 'reopened-after-cancel' }],
    });
  });

  it('older copy -> stale; same revision with other content -> conflict', () => {
    const updated = mergeImportedOrder(exampleReceivedOrder(), copy({ lines: fewerTea }));
    if (updated.outcome !== 'update') throw new Error('expected an update');
    expect(mergeImportedOrder(updated.order, EXAMPLE_WEB_ORDER)).toEqual({ outcome: 'stale' });
    expect(mergeImportedOrder(exampleReceivedOrder(), { ...EXAMPLE_WEB_ORDER, lines: fewerTea })).toEqual({
      outcome: 'conflict',
      reasons: [{ code: 'same-revision-different-content' }],
    });
  });

  it('store, currency or order time changed -> conflict; another web order -> conflict', () => {
    expect(mergeImportedOrder(exampleReceivedOrder(), copy({ storeCode: 'LYO02', currency: 'CHF' }))).toEqual(
      {
        outcome: 'conflict',
        reasons: [
          { code: 'immutable-field-changed', field: 'storeCode' },
          { code: 'immutable-field-changed', field: 'currency' },
        ],
      },
    );
    expect(mergeImportedOrder(exampleReceivedOrder(), copy({ webOrderId: 'WEB-9' }))).toEqual({
      outcome: 'conflict',
      reasons: [{ code: 'different-web-order' }],
    });
  });
});
