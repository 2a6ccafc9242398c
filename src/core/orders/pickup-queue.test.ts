import { describe, expect, it } from 'vitest';
import type { ClickCollectOrder } from './click-collect-order';
import { EXAMPLE_IDS, exampleHandover, exampleReadyOrder, exampleReceivedOrder } from './example-orders';
import { handoverSignatureSchema, orderHandoverSchema } from './handover';
import {
  deskGroupOf,
  deskQueue,
  isOverdue,
  matchesDeskSearch,
  piecesLeft,
  waitingSince,
} from './pickup-queue';
import { allCounted, countScannedPiece } from './pickup-scan';
import { recordHandover } from './record-handover';

const DAY = 24 * 3600_000;
const placed = Date.parse(exampleReadyOrder().placedAt);

function withStatus(
  status: ClickCollectOrder['status'],
  patch: Partial<ClickCollectOrder> = {},
): ClickCollectOrder {
  return { ...exampleReadyOrder(), status, ...patch };
}

describe('the pickup desk queue', () => {
  it('puts each status in its group, and ready orders past the delay in overdue', () => {
    const now = placed + 2 * DAY;
    expect(deskGroupOf(exampleReceivedOrder(), now, 10)).toBe('to-prepare');
    expect(deskGroupOf(withStatus('picking'), now, 10)).toBe('to-prepare');
    expect(deskGroupOf(exampleReadyOrder(), now, 10)).toBe('ready');
    expect(deskGroupOf(withStatus('cancelled'), now, 10)).toBe('cancelled');
    expect(deskGroupOf(withStatus('returned'), now, 10)).toBe('cancelled');
    expect(deskGroupOf(exampleReadyOrder(), placed + 11 * DAY, 10)).toBe('overdue');
    expect(isOverdue(exampleReadyOrder(), placed + 10 * DAY, 10)).toBe(false);
    expect(isOverdue(exampleReadyOrder(), placed + 3 * DAY, 2)).toBe(true);
    // Received long ago but never prepared is not "not collected": the store has not made it ready.
    expect(isOverdue(exampleReceivedOrder(), placed + 30 * DAY, 10)).toBe(false);
  });

  it('counts the delay from when the order became ready; older orders from their first handover, else placing', () => {
    // Placed 30 days ago, made ready 3 days ago: not overdue at 10 days.
    const readyLate = { ...exampleReadyOrder(), readyAt: new Date(placed + 27 * DAY).toISOString() };
    expect(waitingSince(readyLate)).toBe(placed + 27 * DAY);
    expect(isOverdue(readyLate, placed + 30 * DAY, 10)).toBe(false);
    expect(isOverdue(readyLate, placed + 37 * DAY + 1, 10)).toBe(true);
    // Marked ready before readyAt existed: placing time, as before.
    expect(waitingSince(exampleReadyOrder())).toBe(placed);
    // Partly handed over, no readyAt: it was ready by the first handover.
    const handed = recordHandover(
      exampleReadyOrder(),
      exampleHandover(EXAMPLE_IDS.handoverA, [{ lineId: 'l1', quantity: 1 }], {
        handedOverAt: new Date(placed + 5 * DAY).toISOString(),
      }),
    );
    if (!handed.ok) throw new Error(handed.error.code);
    expect(handed.value.order.status).toBe('partially-handed-over');
    expect(waitingSince(handed.value.order)).toBe(placed + 5 * DAY);
    expect(isOverdue(handed.value.order, placed + 14 * DAY, 10)).toBe(false);
    expect(isOverdue(handed.value.order, placed + 16 * DAY, 10)).toBe(true);
  });

  it('sorts newest first and counts the orders waiting', () => {
    const older = {
      ...exampleReadyOrder(),
      id: '0195509a-6c00-7002-8000-000000000003',
      webOrderId: 'WEB-1',
      placedAt: '2025-02-27T10:00:00Z',
    };
    const newer = {
      ...exampleReadyOrder(),
      id: '0195509a-6c00-7002-8000-000000000004',
      webOrderId: 'WEB-2',
      placedAt: '2025-03-01T12:00:00Z',
    };
    const queue = deskQueue([older, exampleReceivedOrder(), newer], placed + DAY, 10);
    expect(queue.groups.ready.map((o) => o.webOrderId)).toEqual(['WEB-2', 'WEB-1']);
    expect(queue.groups['to-prepare']).toHaveLength(1);
    expect(queue.waiting).toBe(2);
  });

  it('finds an order by number, pickup code, name, email or phone, and not by less', () => {
    const order = {
      ...exampleReadyOrder(),
      customer: { name: 'Camille Martin', email: 'camille.martin@example.fr', phone: '+33612345678' },
    };
    for (const typed of [
      'WEB-100234',
      'web-100234',
      '100234',
      '7kq4m2xd',
      'camille',
      'martin cam',
      'CAMILLE.MARTIN@example.fr',
      'camille.mar',
      '06 12 34 56 78',
      '0612345678',
      '+33 6 12 34 56 78',
      'Céline'.replace('Céline', 'camîlle'),
    ]) {
      expect(matchesDeskSearch(order, typed), typed).toBe(true);
    }
    for (const typed of ['', 'c', 'dupont', '0699999999', 'WEB-999', 'martin paul']) {
      expect(matchesDeskSearch(order, typed), typed).toBe(false);
    }
  });

  it('tells the pieces left after a partial handover', () => {
    const recorded = recordHandover(
      exampleReadyOrder(),
      exampleHandover(EXAMPLE_IDS.handoverA, [{ lineId: 'l2', quantity: 2 }]),
    );
    if (!recorded.ok) throw new Error('fixture');
    expect([...piecesLeft(recorded.value.order)]).toEqual([
      ['l1', 1],
      ['l2', 1],
      ['l3', 2],
    ]);
  });
});

describe('scanning items at the desk', () => {
  const lines = exampleReadyOrder().lines;
  const wanted = new Map([
    ['l1', 1],
    ['l2', 2],
  ]);

  it('counts each piece of its line, refuses a code of no line and one piece too many', () => {
    let counts = {};
    const first = countScannedPiece(lines, wanted, counts, ['3760123450024']);
    expect(first).toEqual({ ok: true, value: { lineId: 'l2', counts: { l2: 1 } } });
    if (first.ok) counts = first.value.counts;
    const second = countScannedPiece(lines, wanted, counts, ['03760123450024']);
    if (second.ok) counts = second.value.counts;
    expect(counts).toEqual({ l2: 2 });
    expect(countScannedPiece(lines, wanted, counts, ['3760123450024'])).toEqual({
      ok: false,
      error: { code: 'line-complete', lineId: 'l2' },
    });
    // Line l3 is in the order but not wanted now (handed over already, or left for later).
    expect(countScannedPiece(lines, wanted, counts, ['9782012345678'])).toEqual({
      ok: false,
      error: { code: 'line-complete', lineId: 'l3' },
    });
    expect(countScannedPiece(lines, wanted, counts, ['3017620422003'])).toEqual({
      ok: false,
      error: { code: 'not-in-order', barcode: '3017620422003' },
    });
    expect(allCounted(wanted, counts)).toBe(false);
    const last = countScannedPiece(lines, wanted, counts, ['3760123450017']);
    expect(last.ok && allCounted(wanted, last.value.counts)).toBe(true);
  });
});

describe('what a handover record keeps', () => {
  it('takes a reason for the rest and a signature, and never an ID number', () => {
    const handover = {
      ...exampleHandover(EXAMPLE_IDS.handoverA, [{ lineId: 'l1', quantity: 1 }]),
      identification: { method: 'id-checked', document: 'passport' },
      remainderReason: 'missing-in-store',
      signature: { width: 600, height: 200, path: 'M10 20 L30 40 L35 41 M50 60 L70 80' },
    };
    expect(orderHandoverSchema.safeParse(handover).success).toBe(true);
    const withNumber = {
      ...handover,
      identification: { method: 'id-checked', document: 'passport', number: '12AB34567' },
    };
    expect(orderHandoverSchema.safeParse(withNumber).success).toBe(false);
    expect(orderHandoverSchema.safeParse({ ...handover, remainderReason: 'because' }).success).toBe(false);
    expect(handoverSignatureSchema.safeParse({ width: 600, height: 200, path: '<script>' }).success).toBe(
      false,
    );
  });
});
