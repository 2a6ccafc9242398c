import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentOutcome, StartPaymentParams } from '../core/bridge/bridge-methods';
import type { PosBridge } from '../core/bridge/pos-bridge';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import { exampleReadyOrder } from '../core/orders/example-orders';
import type { HandoverSignature } from '../core/orders/handover';
import { err, ok } from '../core/result';
import type { CompletedSale } from '../core/sale';
import { createDeviceStatusStore } from './device-status-store';
import { createPickupHandoverStore } from './pickup-handover-store';
import { createPickupPaymentStore } from './pickup-payment-store';
import { pickupPaymentTillPort } from './pickup-payment-till-port';
import { openPickupDesk } from './pickup-test-desk';

// Paying an order at the pickup desk by card, through the real data paths
// (journal, local documents, the order as replicated) on a memory database,
// with a terminal that keeps what it charged: the card is charged once
// whatever happens (a declined card, a lost answer, a reload, a second
// attempt), the sale is journaled once, and nothing is handed over before.

const KETTLE = '3760123450017';
const TEA = '3760123450024';
const BOOK = '9782012345678';
const SIGNATURE: HandoverSignature = { width: 600, height: 200, path: 'M10 20 L30 40 L60 35' };

type Scenario = 'approve' | 'decline' | 'lost';

/** A terminal behind the bridge: charges by payment id, answers recovery from what it did. */
function terminal() {
  const charges: StartPaymentParams[] = [];
  const done = new Map<string, PaymentOutcome>();
  let scenario: Scenario = 'approve';
  const approved = (p: StartPaymentParams): PaymentOutcome => ({
    status: 'approved',
    paymentId: p.paymentId,
    kind: 'payment',
    amountMinor: p.amountMinor,
    currency: p.currency,
    reference: `zvt/0001/${charges.length}`,
    maskedPan: '************1234',
    cardBrand: 'CB',
    terminalReceipt: ['PAIEMENT ACCEPTE'],
  });
  const bridge = {
    onPaymentProgress: () => () => {},
    async startPayment(p: StartPaymentParams) {
      if (scenario === 'decline')
        return ok({ status: 'declined', paymentId: p.paymentId, reason: '05', terminalReceipt: [] });
      charges.push(p);
      done.set(p.paymentId, approved(p));
      if (scenario === 'lost') return err({ code: 'outcome-unknown', message: 'link lost', retryable: true });
      return ok(done.get(p.paymentId));
    },
    async recoverPayment(paymentId: string) {
      if (scenario === 'lost')
        return err({ code: 'outcome-unknown', message: 'still no answer', retryable: true });
      return ok(done.get(paymentId) ?? { status: 'not-started', paymentId });
    },
  } as unknown as PosBridge;
  return {
    bridge,
    charges,
    setScenario: (next: Scenario) => {
      scenario = next;
    },
  };
}

describe('paying an order at the pickup desk', () => {
  let desk: Awaited<ReturnType<typeof openPickupDesk>>;
  afterEach(() => desk?.db.close());

  async function open() {
    desk = await openPickupDesk();
    const order = await desk.sign(exampleReadyOrder());
    await desk.insert(order);
    const card = terminal();
    const deviceStatus = createDeviceStatusStore();
    deviceStatus.setState({ hostConnected: true });
    const payPort = () =>
      pickupPaymentTillPort(
        { ...desk.services, bridge: card.bridge, deviceStatus },
        { now: () => desk.clock.now, newId: desk.port.newId },
      );
    const payment = createPickupPaymentStore(payPort());
    const handover = createPickupHandoverStore({
      port: desk.port,
      refusals: desk.refusals,
      isPaid: payment.isPaid,
    });
    return { order, card, payment, handover, payPort };
  }
  const sales = async () =>
    (await desk.journal()).filter((e) => e.kind === 'sale.completed').map((e) => e.payload as CompletedSale);

  async function handOverAll(
    handover: ReturnType<typeof createPickupHandoverStore>,
    order: ClickCollectOrder,
  ) {
    await handover.open(order, { method: 'pickup-code-scanned', pickupCode: order.pickupCode });
    for (const code of [KETTLE, TEA, TEA, TEA, BOOK, BOOK]) await handover.scan(code);
    expect(handover.toSignature()).toBe(true);
    handover.setSignature(SIGNATURE);
    return handover.confirm('staff-camille');
  }

  it('hands nothing over while due; the card is charged once, one sale journaled naming the order; a second attempt is refused in words', async () => {
    const { order, card, payment, handover } = await open();
    await payment.open(order);
    expect(payment.store.getState()).toMatchObject({
      phase: 'due',
      amount: { minor: 10_329, currency: 'EUR' },
    });

    expect(await handOverAll(handover, order)).toBe(false);
    expect(handover.store.getState().problem).toBe(
      "Cette commande doit d'abord être payée : rien n'est remis avant le paiement.",
    );
    expect((await desk.journal()).map((e) => e.kind)).toEqual([]);

    await payment.payByCard('staff-camille');
    expect(card.charges.map((c) => [c.kind, c.amountMinor, c.currency])).toEqual([
      ['payment', 10_329, 'EUR'],
    ]);
    const [sale, ...more] = await sales();
    expect(more).toEqual([]);
    expect(sale?.clickCollectOrder).toEqual({ orderId: order.id, pickupCode: order.pickupCode });
    expect(sale?.totals.total.minor).toBe(10_329);
    expect(sale?.tenders).toMatchObject([
      { type: 'card', amount: { minor: 10_329 }, terminal: { transactionRef: 'zvt/0001/1' } },
    ]);
    expect(payment.store.getState()).toMatchObject({
      phase: 'paid',
      message: 'Payée en magasin (ticket PAR01-P1-000001).',
    });

    await payment.payByCard('staff-camille');
    expect(payment.store.getState().problem).toBe(
      "Cette commande est déjà payée : aucun nouveau paiement n'est demandé.",
    );
    expect(card.charges).toHaveLength(1);
    expect(await sales()).toHaveLength(1);

    // Paid: the handover goes through, journaled after the sale.
    expect(await handOverAll(handover, await desk.stored(order.id))).toBe(true);
    expect((await desk.journal()).map((e) => e.kind)).toEqual(['sale.completed', 'order.handover']);
  });

  it('a declined card charges nothing and leaves the order due', async () => {
    const { order, card, payment } = await open();
    await payment.open(order);
    card.setScenario('decline');
    await payment.payByCard('staff-camille');
    expect(payment.store.getState()).toMatchObject({
      phase: 'due',
      problem: "Carte refusée : rien n'a été débité. Essayez une autre carte ou payez en caisse.",
    });
    expect(card.charges).toEqual([]);
    expect(await sales()).toEqual([]);
    card.setScenario('approve');
    await payment.payByCard('staff-camille');
    expect(card.charges).toHaveLength(1);
    expect(await sales()).toHaveLength(1);
  });

  it('a lost answer is asked of the terminal, also after a reload, and never charged again', async () => {
    const { order, card, payment, payPort } = await open();
    await payment.open(order);
    card.setScenario('lost');
    await payment.payByCard('staff-camille');
    expect(payment.store.getState()).toMatchObject({ phase: 'unknown' });
    expect(card.charges).toHaveLength(1);
    expect(await sales()).toEqual([]);
    // Another attempt while the outcome is unknown: no new charge.
    await payment.payByCard('staff-camille');
    expect(card.charges).toHaveLength(1);
    expect(payment.store.getState().phase).toBe('unknown');

    // The desk is reloaded; the terminal answers again: the kept attempt is asked about, not charged.
    card.setScenario('approve');
    const reloaded = createPickupPaymentStore(payPort());
    await reloaded.open(await desk.stored(order.id));
    expect(reloaded.store.getState().phase).toBe('paid');
    expect(card.charges).toHaveLength(1);
    const [sale, ...more] = await sales();
    expect(more).toEqual([]);
    expect(sale?.tenders[0]?.amount.minor).toBe(10_329);
    // The attempt is settled: nothing left to recover.
    expect(await payPort().pending.read()).toBeUndefined();
  });

  it('an order paid online, or by a till (the server copy), is never charged', async () => {
    const { order, card, payment } = await open();
    await desk.db.orders.upsert({
      ...order,
      payment: {
        saleId: '0195509e-0000-7000-8000-0000000000f1',
        tillId: 'till-PAR01-01',
        receiptNumber: 'PAR01-01-000042',
        paidAt: '2025-03-02T09:00:00Z',
        totalMinor: 10_329,
      },
    });
    await payment.open(await desk.stored(order.id));
    expect(payment.store.getState()).toMatchObject({
      phase: 'paid',
      message: 'Payée en magasin (ticket PAR01-01-000042).',
    });
    await payment.payByCard('staff-camille');
    await payment.sendToTill();
    expect(card.charges).toEqual([]);
    expect(payment.store.getState().problem).toBe(
      "Cette commande est déjà payée : aucun nouveau paiement n'est demandé.",
    );
  });

  it('sent to the till: waits, and shows paid when the server copy of the order arrives with its payment', async () => {
    const { order, card, payment } = await open();
    await payment.open(order);
    await payment.sendToTill();
    expect(payment.store.getState().phase).toBe('at-till');
    await desk.db.orders.upsert({
      ...(await desk.stored(order.id)),
      payment: {
        saleId: '0195509e-0000-7000-8000-0000000000f2',
        tillId: 'till-PAR01-01',
        receiptNumber: 'PAR01-01-000043',
        paidAt: '2025-03-02T10:09:00Z',
        totalMinor: 10_329,
      },
    });
    await expect.poll(() => payment.store.getState().phase).toBe('paid');
    expect(card.charges).toEqual([]);
  });
});
