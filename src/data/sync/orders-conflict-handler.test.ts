import type { RxReplicationConflict } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { ClickCollectOrder } from '../../core/orders/click-collect-order';
import {
  EXAMPLE_IDS,
  exampleHandover,
  exampleKioskOrder,
  exampleReadyOrder,
} from '../../core/orders/example-orders';
import type { HandoverLine } from '../../core/orders/handover';
import { recordHandover } from '../../core/orders/record-handover';
import type { Order } from '../../core/sync/collections';
import { createTillDatabase } from '../till-database';
import { orderConflictOutcome, ordersConflictHandler, watchOrderConflicts } from './orders-conflict-handler';

const live = <T>(doc: T) => ({ ...doc, _deleted: false });

function handedOver(order: ClickCollectOrder, id: string, lines: HandoverLine[], tillId: string) {
  const result = recordHandover(order, exampleHandover(id, lines, { tillId }));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.order;
}

describe('orders conflict handler', () => {
  const ready = exampleReadyOrder();
  const onA = handedOver(ready, EXAMPLE_IDS.handoverA, [{ lineId: 'l1', quantity: 1 }], 'till-a');
  const onB = handedOver(ready, EXAMPLE_IDS.handoverB, [{ lineId: 'l1', quantity: 1 }], 'till-b');

  it('merges the server copy with the local one: both records, over-delivery flagged', async () => {
    const resolved = await ordersConflictHandler.resolve(
      { assumedMasterState: live(ready), realMasterState: live(onA), newDocumentState: live(onB) },
      'test',
    );
    expect(resolved._deleted).toBe(false);
    expect(resolved.kind === 'click-and-collect' && resolved.handovers.map((h) => h.id)).toEqual([
      EXAMPLE_IDS.handoverA,
      EXAMPLE_IDS.handoverB,
    ]);
    expect(resolved.kind === 'click-and-collect' && resolved.handoverConflict?.overHandedLines).toEqual([
      { lineId: 'l1', ordered: 1, handedOver: 2 },
    ]);
    // Whichever till merges, the result is the same order.
    const other = await ordersConflictHandler.resolve(
      { realMasterState: live(onB), newDocumentState: live(onA) },
      'test',
    );
    expect(ordersConflictHandler.isEqual(resolved, other, 'test')).toBe(true);
  });

  it('says when the server already holds everything, and keeps the server copy', async () => {
    const both = handedOver(onA, EXAMPLE_IDS.handoverB, [{ lineId: 'l2', quantity: 1 }], 'till-b');
    expect(orderConflictOutcome(live(both), live(onA))).toEqual({ kind: 'already-on-server' });
    expect(
      await ordersConflictHandler.resolve(
        { realMasterState: live(both), newDocumentState: live(onA) },
        'test',
      ),
    ).toEqual(live(both));
  });

  it('keeps the server copy when the copies cannot be merged', async () => {
    const collision = handedOver(ready, EXAMPLE_IDS.handoverA, [{ lineId: 'l2', quantity: 2 }], 'till-b');
    expect(orderConflictOutcome(live(onA), live(collision))).toMatchObject({
      kind: 'unmergeable',
      reason: { code: 'handover-id-collision' },
    });
    expect(
      await ordersConflictHandler.resolve(
        { realMasterState: live(onA), newDocumentState: live(collision) },
        'test',
      ),
    ).toEqual(live(onA));
    const kiosk = live(exampleKioskOrder());
    expect(orderConflictOutcome(kiosk, kiosk)).toMatchObject({ kind: 'unmergeable' });
    expect(orderConflictOutcome({ ...live(onA), _deleted: true }, live(onB))).toMatchObject({
      kind: 'unmergeable',
    });
  });

  it('compares documents field by field, whatever the key order', () => {
    const { kind, id, ...rest } = live(onA);
    const reordered = { ...rest, id, kind };
    expect(Object.keys(reordered)).not.toEqual(Object.keys(live(onA)));
    expect(ordersConflictHandler.isEqual(live(onA), reordered, 'test')).toBe(true);
    expect(ordersConflictHandler.isEqual(live(onA), live(onB), 'test')).toBe(false);
  });

  it('keeps the outbox truthful: a merge stays pending, a handover the server holds is synced, an unmergeable one failed', async () => {
    const db = await createTillDatabase(`conflicts-${Math.random()}`, getRxStorageMemory());
    try {
      const conflict$ = new Subject<RxReplicationConflict<Order>>();
      const watching = watchOrderConflicts(conflict$, db.outbox);
      const both = handedOver(onA, EXAMPLE_IDS.handoverB, [{ lineId: 'l2', quantity: 1 }], 'till-b');
      const collision = handedOver(ready, EXAMPLE_IDS.handoverA, [{ lineId: 'l2', quantity: 2 }], 'till-b');
      // [order id, the server's copy, this till's copy]: merged, already on the server, unmergeable.
      const cases: [string, ClickCollectOrder, ClickCollectOrder][] = [
        ['0195509a-6c00-7002-8000-000000000a01', onA, onB],
        ['0195509a-6c00-7002-8000-000000000a02', both, onA],
        ['0195509a-6c00-7002-8000-000000000a03', onA, collision],
      ];
      for (const [id, master, local] of cases) {
        await db.outbox.insert({
          id: `orders:${id}`,
          sourceCollection: 'orders',
          documentId: id,
          state: 'pending',
          error: null,
          attempts: 0,
          updatedAt: 0,
        });
        conflict$.next({
          input: { realMasterState: live({ ...master, id }), newDocumentState: live({ ...local, id }) },
          output: live({ ...master, id }),
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      const states = (await db.outbox.find({ sort: [{ id: 'asc' }] }).exec()).map((item) => item.state);
      expect(states).toEqual(['pending', 'synced', 'failed']);
      watching.unsubscribe();
    } finally {
      await db.close();
    }
  });
});
