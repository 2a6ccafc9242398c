import { afterEach, describe, expect, it } from 'vitest';
import { exampleReceivedOrder } from '../core/orders/example-orders';
import type { HandoverSignature } from '../core/orders/handover';
import { createPickupHandoverStore } from './pickup-handover-store';
import { createPickupPrepareStore, keptCounts } from './pickup-prepare-store';
import { openPickupDesk } from './pickup-test-desk';

// Preparing and handing over, through the real data paths on a memory
// database: what the journal and the outbox hold afterwards is what the
// server will receive.

const KETTLE = '3760123450017';
const TEA = '3760123450024';
const BOOK = '9782012345678';
const SIGNATURE: HandoverSignature = { width: 600, height: 200, path: 'M10 20 L30 40 L60 35' };

describe('preparing and handing over at the pickup desk', () => {
  let desk: Awaited<ReturnType<typeof openPickupDesk>>;
  afterEach(() => desk?.db.close());

  async function prepared() {
    desk = await openPickupDesk();
    const order = await desk.sign(exampleReceivedOrder());
    await desk.insert(order);
    const prepare = createPickupPrepareStore(desk.port);
    await prepare.open(order);
    expect((await desk.stored(order.id)).status).toBe('picking');
    for (const code of [KETTLE, TEA, TEA, TEA, BOOK, BOOK]) await prepare.scan(code);
    expect(await prepare.markReady()).toBe(true);
    return { order: await desk.stored(order.id), prepare };
  }

  it('picks each piece by scanning, marks the order ready once and never twice', async () => {
    desk = await openPickupDesk();
    const order = await desk.sign(exampleReceivedOrder());
    await desk.insert(order);
    const prepare = createPickupPrepareStore(desk.port);
    await prepare.open(order);
    await prepare.scan(KETTLE);
    expect(prepare.store.getState().message).toBe('Bouilloire inox 1,7 L : 1 / 1');
    await prepare.scan(KETTLE);
    expect(prepare.store.getState().problem).toBe(
      'Bouilloire inox 1,7 L : tous les articles de cette ligne sont déjà scannés.',
    );
    await prepare.scan('3017620422003');
    expect(prepare.store.getState().problem).toBe(
      "Mauvais article : Yaourt nature n'est pas dans cette commande.",
    );
    expect(await prepare.markReady()).toBe(false);
    expect(prepare.store.getState().problem).toBe('Tous les articles ne sont pas encore scannés.');
    for (const code of [TEA, TEA, TEA, BOOK, BOOK]) await prepare.scan(code);
    expect(await prepare.markReady()).toBe(true);
    expect((await desk.stored(order.id)).status).toBe('ready-for-pickup');
    expect(await desk.pendingOrders()).toEqual([order.id]);

    // Opened again and marked ready again: refused on the desk, nothing changes.
    const before = await desk.db.orders.findOne(order.id).exec();
    const again = createPickupPrepareStore(desk.port);
    await again.open(await desk.stored(order.id));
    for (const code of [KETTLE, TEA, TEA, TEA, BOOK, BOOK]) await again.scan(code);
    expect(await again.markReady()).toBe(false);
    expect(again.store.getState().problem).toBe("Cette commande est déjà prête : rien n'a été renvoyé.");
    expect((await desk.db.orders.findOne(order.id).exec())?.revision).toBe(before?.revision);
  });

  it('keeps the pieces scanned while preparing: an order left half-picked opens again where it was', async () => {
    desk = await openPickupDesk();
    const order = await desk.sign(exampleReceivedOrder());
    await desk.insert(order);
    const first = createPickupPrepareStore(desk.port);
    await first.open(order);
    for (const code of [KETTLE, TEA]) await first.scan(code);
    const counts = first.store.getState().counts;
    expect(Object.values(counts)).toEqual([1, 1]);
    first.close();

    // Another store over the same database: what a reload of the desk finds.
    const again = createPickupPrepareStore(desk.port);
    await again.open(await desk.stored(order.id));
    expect(again.store.getState().counts).toEqual(counts);
    for (const code of [TEA, TEA, BOOK, BOOK]) await again.scan(code);
    expect(await again.markReady()).toBe(true);
    // Ready: the progress is forgotten.
    expect(await desk.port.pickedSoFar(order.id)).toBeUndefined();
  });

  it('checks kept counts against the order: unknown lines, broken values and too many pieces are dropped', async () => {
    desk = await openPickupDesk();
    const order = exampleReceivedOrder();
    const [kettle, tea] = order.lines;
    if (!kettle || !tea) throw new Error('example order changed');
    expect(
      keptCounts(order, { [kettle.lineId]: 5, [tea.lineId]: 1.5, 'no-such-line': 2, ['__proto__']: 1 }),
    ).toEqual({ [kettle.lineId]: kettle.quantity });
    expect(keptCounts(order, 'garbage')).toEqual({});
    expect(keptCounts(order, null)).toEqual({});
  });

  it('hands over in full by scanning: code checked, wrong item refused by name, signed, journaled, slip printed', async () => {
    const { order } = await prepared();
    const handover = createPickupHandoverStore({ port: desk.port, refusals: desk.refusals });
    await handover.open(order, undefined);
    expect(handover.store.getState().step).toBe('identify');
    await handover.scan('POS1:P:ZZZZ2222');
    expect(handover.store.getState().problem).toBe(
      "Ce code n'est pas celui de cette commande : il a été refusé et noté.",
    );
    await handover.scan(`POS1:P:${order.pickupCode}`);
    expect(handover.store.getState().step).toBe('items');
    await handover.scan('3017620422003');
    expect(handover.store.getState().problem).toBe(
      "Mauvais article : Yaourt nature n'est pas dans cette commande.",
    );
    for (const code of [KETTLE, TEA, TEA, TEA, BOOK, BOOK]) await handover.scan(code);
    expect(handover.toSignature()).toBe(true);
    expect(await handover.confirm('staff-camille')).toBe(false);
    expect(handover.store.getState().problem).toBe('Le client doit signer avant de valider.');
    handover.setSignature(SIGNATURE);
    expect(await handover.confirm('staff-camille')).toBe(true);
    expect((await desk.stored(order.id)).status).toBe('handed-over');
    const [entry] = (await desk.journal()).filter((e) => e.kind === 'order.handover');
    expect(entry?.payload).toMatchObject({
      orderId: order.id,
      staffId: 'staff-camille',
      tillId: 'till-PAR01-P1',
      lines: [
        { lineId: 'l1', quantity: 1 },
        { lineId: 'l2', quantity: 3 },
        { lineId: 'l3', quantity: 2 },
      ],
      identification: { method: 'pickup-code-scanned', pickupCode: order.pickupCode },
      signature: SIGNATURE,
    });
    expect(entry?.payload).not.toHaveProperty('remainderReason');
    await handover.printSlip();
    expect(desk.printed).toHaveLength(1);
    expect(desk.printed[0]?.kind).toBe('pickup-slip');
    expect(desk.printed[0]?.receiptNumber).toBe(`PAR01-P1-${String(entry?.sequence).padStart(6, '0')}`);
    expect(JSON.stringify(desk.printed[0]?.blocks)).toContain('Signé par le client');
    expect(desk.logged.map((l) => JSON.parse(l).reason)).toEqual(['code-of-another-order']);
  });

  it('hands over part with an ID check and a reason, and the rest later', async () => {
    const { order } = await prepared();
    const first = createPickupHandoverStore({ port: desk.port, refusals: desk.refusals });
    await first.open(order, undefined);
    first.identifyById('passport');
    await first.scan(KETTLE);
    await first.scan(TEA);
    expect(first.toSignature()).toBe(false);
    expect(first.store.getState().problem).toBe(
      'Tous les articles ne sont pas scannés : choisissez pourquoi le reste attend, ou scannez-les.',
    );
    first.choosePartial('customer-comes-back');
    expect(first.toSignature()).toBe(true);
    first.setSignature(SIGNATURE);
    expect(await first.confirm('staff-camille')).toBe(true);
    const partly = await desk.stored(order.id);
    expect(partly.status).toBe('partially-handed-over');
    expect(partly.handovers[0]).toMatchObject({
      identification: { method: 'id-checked', document: 'passport' },
      remainderReason: 'customer-comes-back',
      lines: [
        { lineId: 'l1', quantity: 1 },
        { lineId: 'l2', quantity: 1 },
      ],
    });
    expect(JSON.stringify(partly.handovers[0])).not.toMatch(/number/i);

    // Later: only what is left is wanted; a kettle again is refused.
    const later = createPickupHandoverStore({ port: desk.port, refusals: desk.refusals });
    await later.open(partly, { method: 'pickup-code-scanned', pickupCode: order.pickupCode });
    await later.scan(KETTLE);
    expect(later.store.getState().problem).toBe(
      'Bouilloire inox 1,7 L : tous les articles de cette ligne sont déjà scannés.',
    );
    for (const code of [TEA, TEA, BOOK, BOOK]) await later.scan(code);
    expect(later.toSignature()).toBe(true);
    later.setSignature(SIGNATURE);
    expect(await later.confirm('staff-camille')).toBe(true);
    expect((await desk.stored(order.id)).status).toBe('handed-over');
    expect((await desk.journal()).filter((e) => e.kind === 'order.handover')).toHaveLength(2);
  });

  it('refuses to hand over an order whose signature does not check out, and logs it', async () => {
    const { order } = await prepared();
    const forged = { ...order, customer: { ...order.customer, name: 'Someone Else' } };
    const handover = createPickupHandoverStore({ port: desk.port, refusals: desk.refusals });
    await handover.open(
      forged,
      { method: 'pickup-code-scanned', pickupCode: order.pickupCode },
      'WEB-100234',
    );
    expect(handover.store.getState()).toMatchObject({
      trusted: false,
      problem: 'Cette commande a été modifiée depuis sa signature : elle ne peut pas être acceptée.',
    });
    await handover.scan(KETTLE);
    expect(handover.toSignature()).toBe(false);
    expect((await desk.journal()).filter((e) => e.kind === 'order.handover')).toEqual([]);
    expect(desk.logged.map((l) => JSON.parse(l).reason)).toEqual(['content-changed']);
  });
});
