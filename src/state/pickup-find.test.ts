import { afterEach, describe, expect, it } from 'vitest';
import { exampleReadyOrder } from '../core/orders/example-orders';
import { findPickupOrder } from './pickup-find';
import { createPickupListStore, pickupListView } from './pickup-list-store';
import { openPickupDesk } from './pickup-test-desk';

describe('finding an order at the pickup desk', () => {
  let desk: Awaited<ReturnType<typeof openPickupDesk>>;
  afterEach(() => desk?.db.close());

  async function open() {
    desk = await openPickupDesk();
    const order = await desk.sign({
      ...exampleReadyOrder(),
      customer: { name: 'Camille Martin', email: 'camille.martin@example.fr', phone: '+33612345678' },
    });
    await desk.insert(order);
    const list = createPickupListStore(desk.port);
    const stop = list.start(60_000);
    await expect.poll(() => list.orders().length).toBe(1);
    stop();
    return {
      order,
      find: (raw: string) =>
        findPickupOrder({ port: desk.port, refusals: desk.refusals, orders: list.orders }, raw),
    };
  }

  it('opens the order from its QR or its typed code, identified by that code, once its signature checks out', async () => {
    const { order, find } = await open();
    for (const raw of [
      `POS1:P:${order.pickupCode}`,
      order.pickupCode.toLowerCase(),
      ` ${order.pickupCode} `,
    ]) {
      expect(await find(raw)).toEqual({
        kind: 'order',
        order,
        identification: { method: 'pickup-code-scanned', pickupCode: order.pickupCode },
      });
    }
    expect(desk.logged).toEqual([]);
  });

  it('finds it by number, name, phone or email, without identifying the customer', async () => {
    const { order, find } = await open();
    for (const raw of ['WEB-100234', 'martin', '06 12 34 56 78', 'camille.martin@example.fr']) {
      expect(await find(raw), raw).toEqual({ kind: 'order', order, identification: undefined });
    }
    expect(await find('Dupont')).toMatchObject({
      kind: 'refused',
      words: 'Aucune commande ne correspond à cette recherche.',
    });
    expect(desk.logged).toEqual([]);
  });

  it('refuses a forged, altered or unknown code in words, and logs each refusal', async () => {
    const { order, find } = await open();
    // An order altered on this desk (a line added) no longer matches the server's signature.
    const altered = {
      ...order,
      lines: order.lines.map((l) => (l.lineId === 'l1' ? { ...l, quantity: 5 } : l)),
    };
    await desk.db.orders.upsert(altered);
    const list = createPickupListStore(desk.port);
    const stop = list.start(60_000);
    await expect.poll(() => list.orders()[0]?.lines[0]?.quantity).toBe(5);
    stop();
    const findIn = (raw: string) =>
      findPickupOrder({ port: desk.port, refusals: desk.refusals, orders: list.orders }, raw);
    expect(await findIn(`POS1:P:${order.pickupCode}`)).toEqual({
      kind: 'refused',
      words: 'Cette commande a été modifiée depuis sa signature : elle ne peut pas être acceptée.',
    });
    expect(await find('POS1:P:OOOO0000')).toEqual({
      kind: 'refused',
      words: "Ce code n'est pas un code de retrait valide : il a été refusé et noté.",
    });
    expect(await find('POS1:P:ZZZZ2222')).toMatchObject({
      kind: 'refused',
      words: expect.stringContaining('Aucune commande du magasin'),
    });
    const logged = desk.logged.map(
      (line) => JSON.parse(line) as { event: string; reason: string; input: string },
    );
    expect(logged.map((l) => [l.event, l.reason, l.input])).toEqual([
      ['pickup.code-refused', 'content-changed', `POS1:P:${order.pickupCode}`],
      ['pickup.code-refused', 'malformed-code', 'POS1:P:OOOO0000'],
      ['pickup.code-refused', 'unknown-code', 'POS1:P:ZZZZ2222'],
    ]);
    expect(desk.refusals.store.getState().refusals.map((r) => r.reason)).toEqual([
      'unknown-code',
      'malformed-code',
      'content-changed',
    ]);
  });

  it('journals each refusal (the code cut short, the reason, the order, who was at the desk), and reads them back after a restart', async () => {
    const { find } = await open();
    await find('POS1:P:ZZZZ2222');
    desk.staff.id = null;
    await find(`POS1:P:${'A'.repeat(100)}`);
    await desk.refusals.settled();
    const journaled = (await desk.journal()).filter((e) => e.kind === 'pickup.code-refused');
    expect(journaled.map((e) => e.payload)).toEqual([
      { input: 'POS1:P:ZZZZ2222', reason: 'unknown-code', orderId: null, staffId: 'S1' },
      { input: `POS1:P:${'A'.repeat(33)}`, reason: 'malformed-code', orderId: null, staffId: null },
    ]);
    // Hash-chained with the rest of the desk's journal, so the outbox pushes them like any entry.
    expect(journaled.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);

    // The desk restarts: a new log reads the refusals back from the journal, newest first, in words.
    const reopened = desk.refusalLog();
    expect(reopened.store.getState().refusals).toEqual([]);
    await reopened.load();
    expect(reopened.store.getState().refusals.map((r) => [r.reason, r.input, r.words])).toEqual([
      [
        'malformed-code',
        `POS1:P:${'A'.repeat(33)}`,
        "Ce code n'est pas un code de retrait valide : il a été refusé et noté.",
      ],
      [
        'unknown-code',
        'POS1:P:ZZZZ2222',
        "Aucune commande du magasin n'a ce code de retrait : il a été refusé et noté.",
      ],
    ]);
    // Loading twice does not list them twice.
    await reopened.load();
    expect(reopened.store.getState().refusals).toHaveLength(2);
  });

  it('lists orders by group with the count waiting and the age of the data', async () => {
    const { order } = await open();
    const list = createPickupListStore(desk.port);
    desk.syncStatus.setState((s) => ({
      replication: { ...s.replication, lastSyncAt: desk.clock.now - 5 * 60_000 },
    }));
    const stop = list.start(60_000);
    await expect.poll(() => list.orders().length).toBe(1);
    await expect.poll(() => list.store.getState().uncollectedDays).toBe(7);
    let view = pickupListView(list.store.getState());
    expect(view.shown.map((o) => o.id)).toEqual([order.id]);
    expect(view.waiting).toBe(1);
    expect(view.dataAgeMinutes).toBe(5);
    // Seven days (the store's setting) after it was placed (this order was marked ready before
    // readyAt was recorded), it is flagged for return to stock.
    desk.clock.now = Date.parse(order.placedAt) + 8 * 24 * 3600_000;
    list.tick();
    view = pickupListView(list.store.getState());
    expect(view.groups.overdue.map((o) => o.id)).toEqual([order.id]);
    expect(view.groups.ready).toEqual([]);
    stop();
  });
});
