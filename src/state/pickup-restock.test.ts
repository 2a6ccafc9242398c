import { afterEach, describe, expect, it } from 'vitest';
import { exampleHandover, exampleReceivedOrder } from '../core/orders/example-orders';
import { mergeHandovers } from '../core/orders/merge-handovers';
import { recordHandover } from '../core/orders/record-handover';
import { conflictDetails, handoverHistory } from './pickup-handover-history';
import { createPickupListStore, pickupListView } from './pickup-list-store';
import { createPickupPrepareStore } from './pickup-prepare-store';
import { createPickupReturnStore, piecesToRestock } from './pickup-return-store';
import { openPickupDesk } from './pickup-test-desk';

// "Not collected" counted from when the order became ready, returning such an
// order to stock from the desk (confirmed, once), and an order's handovers and
// conflict in words, through the real data paths on a memory database.

const DAY = 24 * 3600_000;
const CODES = [
  '3760123450017',
  '3760123450024',
  '3760123450024',
  '3760123450024',
  '9782012345678',
  '9782012345678',
];

describe('orders not collected at the pickup desk', () => {
  let desk: Awaited<ReturnType<typeof openPickupDesk>>;
  afterEach(() => desk?.db.close());

  async function readyOrderOnDesk() {
    desk = await openPickupDesk();
    const order = await desk.sign(exampleReceivedOrder());
    await desk.insert(order);
    // Prepared 20 days after it was placed.
    desk.clock.now = Date.parse(order.placedAt) + 20 * DAY;
    const prepare = createPickupPrepareStore(desk.port);
    await prepare.open(order);
    for (const code of CODES) await prepare.scan(code);
    expect(await prepare.markReady()).toBe(true);
    return desk.stored(order.id);
  }

  it('records when the order became ready and counts the delay from then, not from placing', async () => {
    const ready = await readyOrderOnDesk();
    expect(ready.readyAt).toBe(new Date(desk.clock.now).toISOString());
    const list = createPickupListStore(desk.port);
    const stop = list.start(60_000);
    await expect.poll(() => list.store.getState().uncollectedDays).toBe(7);
    await expect.poll(() => list.orders()[0]?.readyAt).toBe(ready.readyAt);
    // 20 days after placing, 6 after it became ready: still ready, not "not collected".
    desk.clock.now = Date.parse(ready.readyAt ?? '') + 6 * DAY;
    list.tick();
    expect(pickupListView(list.store.getState()).groups.ready.map((o) => o.id)).toEqual([ready.id]);
    desk.clock.now = Date.parse(ready.readyAt ?? '') + 7 * DAY + 1;
    list.tick();
    expect(pickupListView(list.store.getState()).groups.overdue.map((o) => o.id)).toEqual([ready.id]);
    stop();
  });

  it('returns it to stock once confirmed, marks it for the push, and refuses a second return', async () => {
    const ready = await readyOrderOnDesk();
    const before = (await desk.db.outbox.findOne(`orders:${ready.id}`).exec())?.updatedAt;
    const restock = createPickupReturnStore(desk.port);
    restock.ask(ready);
    expect(piecesToRestock(ready)).toBe(6);
    // Asking changes nothing; cancelling neither.
    restock.cancel();
    expect((await desk.stored(ready.id)).status).toBe('ready-for-pickup');
    expect(await restock.confirm()).toBe(false);

    desk.clock.now += 1000;
    restock.ask(ready);
    expect(await restock.confirm()).toBe(true);
    expect(restock.store.getState()).toMatchObject({
      asking: undefined,
      returnedId: ready.id,
      message: 'Commande WEB-100234 remise en stock : rangez les articles en rayon.',
    });
    const returned = await desk.stored(ready.id);
    expect(returned.status).toBe('returned');
    expect(returned.readyAt).toBe(ready.readyAt);
    const outbox = await desk.db.outbox.findOne(`orders:${ready.id}`).exec();
    expect(outbox?.state).toBe('pending');
    expect(outbox?.updatedAt).toBeGreaterThan(before ?? 0);

    // A second desk window still showing it ready: refused in words, the order unchanged.
    const revision = (await desk.db.orders.findOne(ready.id).exec())?.revision;
    restock.ask(ready);
    expect(await restock.confirm()).toBe(false);
    expect(restock.store.getState().problem).toBe(
      "Cette commande est déjà remise en stock : rien n'a été renvoyé.",
    );
    expect((await desk.db.orders.findOne(ready.id).exec())?.revision).toBe(revision);
  });
});

describe("an order's handovers and conflict in words", () => {
  it('lists each handover (when, who, which desk, what, why the rest waits) and says what two desks over-handed', async () => {
    const desk = await openPickupDesk();
    try {
      const received = exampleReceivedOrder();
      const ready = { ...received, status: 'ready-for-pickup' as const };
      const handed = (id: string, tillId: string, staffId: string, at: string, quantity: number) => {
        const done = recordHandover(
          ready,
          exampleHandover(id, [{ lineId: 'l2', quantity }], {
            tillId,
            staffId,
            handedOverAt: at,
            remainderReason: 'customer-comes-back',
          }),
        );
        if (!done.ok) throw new Error(done.error.code);
        return done.value.order;
      };
      const here = handed(
        '0195509b-0000-7003-8000-00000000000a',
        'till-PAR01-P1',
        'S1',
        '2025-03-02T10:00:00Z',
        2,
      );
      const there = handed(
        '0195509b-0000-7004-8000-00000000000b',
        'till-0000-4f2a',
        'S9',
        '2025-03-02T10:05:00Z',
        2,
      );
      const merged = mergeHandovers(here, there);
      if (!merged.ok) throw new Error(merged.error.code);
      const rows = handoverHistory(merged.value, {
        tillId: 'till-PAR01-P1',
        staffName: (id) => (id === 'S1' ? 'Camille' : undefined),
        dateTime: (at) => new Date(at).toISOString().slice(11, 16),
      });
      expect(rows.map((r) => [r.heading, r.items, r.reason])).toEqual([
        ['10:00 · Camille · ce poste', ['2 × Thé vert bio 100 g'], 'Le reste attend : Le client reviendra'],
        [
          '10:05 · employé S9 · poste …4f2a',
          ['2 × Thé vert bio 100 g'],
          'Le reste attend : Le client reviendra',
        ],
      ]);
      expect(conflictDetails(merged.value)).toEqual(['Thé vert bio 100 g : 4 remis, pour 3 en commande.']);
      expect(conflictDetails(here)).toEqual([]);
      const afterReturn = mergeHandovers({ ...ready, status: 'returned' }, here);
      if (!afterReturn.ok) throw new Error(afterReturn.error.code);
      expect(conflictDetails(afterReturn.value)).toEqual([
        '1 remise enregistrée sur un poste qui ne savait pas la commande annulée ou remise en stock.',
      ]);
    } finally {
      await desk.db.close();
    }
  });
});
