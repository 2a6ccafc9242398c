import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentOutcome, StartPaymentParams } from '../core/bridge/bridge-methods';
import type { PosBridge } from '../core/bridge/pos-bridge';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import { exampleReadyOrder } from '../core/orders/example-orders';
import type { HandoverSignature } from '../core/orders/handover';
import { ok } from '../core/result';
import type { CompletedReturn } from '../core/returns/completed-return';
import type { CompletedSale } from '../core/sale';
import { createDeviceStatusStore } from './device-status-store';
import { createPickupHandoverStore } from './pickup-handover-store';
import { createPickupPaymentStore } from './pickup-payment-store';
import { pickupPaymentTillPort } from './pickup-payment-till-port';
import { returnRefusedAtPickup } from './pickup-refused-return';
import { openPickupDesk } from './pickup-test-desk';

// Items refused by the customer at the desk become a return through the
// return core, at once: handed over with the rest, then returned with reason
// `refused-at-pickup` and refunded to what paid (the web shop's signed card
// payment, or the desk's own card sale), card parts on the terminal before
// the return is journaled. What the desk cannot refund itself is said in words.

const KETTLE = '3760123450017';
const TEA = '3760123450024';
const BOOK = '9782012345678';
const SIGNATURE: HandoverSignature = { width: 600, height: 200, path: 'M10 20 L30 40 L60 35' };

function terminal() {
  const requests: StartPaymentParams[] = [];
  const answer = (p: StartPaymentParams): PaymentOutcome => ({
    status: 'approved',
    paymentId: p.paymentId,
    kind: p.kind,
    amountMinor: p.amountMinor,
    currency: p.currency,
    reference: `zvt/0002/${requests.length}`,
    terminalReceipt: [p.kind === 'refund' ? 'REMBOURSEMENT ACCEPTE' : 'PAIEMENT ACCEPTE'],
  });
  const bridge = {
    onPaymentProgress: () => () => {},
    async startPayment(p: StartPaymentParams) {
      requests.push(p);
      return ok(answer(p));
    },
    async recoverPayment() {
      throw new Error('not expected');
    },
  } as unknown as PosBridge;
  return { bridge, requests };
}

const paidOnline = (order: ClickCollectOrder): ClickCollectOrder => ({
  ...order,
  payments: [
    {
      paymentId: 'psp-1',
      type: 'card',
      amount: { minor: 10_329, currency: 'EUR' },
      reference: 'PSP-REF-1',
      accountId: null,
    },
  ],
});

describe('items refused at the pickup desk', () => {
  let desk: Awaited<ReturnType<typeof openPickupDesk>>;
  afterEach(() => desk?.db.close());

  async function open(prepare: (order: ClickCollectOrder) => ClickCollectOrder) {
    desk = await openPickupDesk();
    const order = await desk.sign(prepare(exampleReadyOrder()));
    await desk.insert(order);
    const card = terminal();
    const deviceStatus = createDeviceStatusStore();
    deviceStatus.setState({ hostConnected: true });
    const payment = createPickupPaymentStore(
      pickupPaymentTillPort(
        { ...desk.services, bridge: card.bridge, deviceStatus },
        { now: () => desk.clock.now, newId: desk.port.newId },
      ),
    );
    const handover = createPickupHandoverStore({
      port: desk.port,
      refusals: desk.refusals,
      isPaid: payment.isPaid,
      returnRefused: (o, refused, staffId) =>
        returnRefusedAtPickup(
          {
            db: desk.db,
            journal: desk.services.journal,
            bridge: card.bridge,
            till: desk.services.sync.identity,
          },
          {
            order: o,
            refused,
            staffId,
            returnId: desk.port.newId(),
            entryId: desk.port.newId(),
            at: new Date(desk.clock.now).toISOString(),
          },
        ),
    });
    return { order, card, payment, handover };
  }

  async function handOverRefusing(
    handover: ReturnType<typeof createPickupHandoverStore>,
    order: ClickCollectOrder,
    refuse: readonly string[],
  ) {
    await handover.open(order, { method: 'pickup-code-scanned', pickupCode: order.pickupCode });
    for (const code of [KETTLE, TEA, TEA, TEA, BOOK, BOOK]) await handover.scan(code);
    for (const lineId of refuse) handover.refuseOne(lineId);
    expect(handover.toSignature()).toBe(true);
    handover.setSignature(SIGNATURE);
    expect(await handover.confirm('staff-camille')).toBe(true);
  }
  const returns = async () =>
    (await desk.journal())
      .filter((e) => e.kind === 'return.completed')
      .map((e) => e.payload as CompletedReturn);

  it('paid online: handed over in full, the refused tea returned against the order and refunded to the web card', async () => {
    const { order, card, handover } = await open(paidOnline);
    await handOverRefusing(handover, order, ['l2']);
    expect((await desk.journal()).map((e) => e.kind)).toEqual(['order.handover', 'return.completed']);
    expect((await desk.stored(order.id)).status).toBe('handed-over');
    const [record] = await returns();
    expect(record?.source).toEqual({ type: 'online-order', id: order.webOrderId });
    expect(record?.lines.map((l) => [l.sourceLineId, l.quantity, l.reason.code, l.restock])).toEqual([
      ['l2', 1, 'refused-at-pickup', false],
    ]);
    expect(record?.refunds.map((r) => [r.method, r.amount.minor, r.reference])).toEqual([
      ['card', 450, 'PSP-REF-1'],
    ]);
    expect(card.requests.map((r) => [r.kind, r.amountMinor, r.originalReference])).toEqual([
      ['refund', 450, 'PSP-REF-1'],
    ]);
    const done = handover.store.getState().done;
    expect(done?.refused?.outcome?.ok).toBe(true);
    // Refusing more than was scanned is not possible.
    handover.refuseOne('l1');
    expect(handover.store.getState().refused).toEqual({ l2: 1 });
  });

  it('paid at the desk by card: the refused book is returned against the desk sale, refunded on the card', async () => {
    const { order, card, payment, handover } = await open((o) => o);
    await payment.open(order);
    await payment.payByCard('staff-camille');
    await handOverRefusing(handover, await desk.stored(order.id), ['l3']);
    expect((await desk.journal()).map((e) => e.kind)).toEqual([
      'sale.completed',
      'order.handover',
      'return.completed',
    ]);
    const sale = (await desk.journal())[0]?.payload as CompletedSale;
    const [record] = await returns();
    expect(record?.source).toEqual({ type: 'sale', id: sale.saleId });
    expect(record?.lines.map((l) => [l.sourceLineId, l.quantity, l.reason.code])).toEqual([
      [sale.lines[2]?.lineId, 1, 'refused-at-pickup'],
    ]);
    expect(record?.refunds.map((r) => [r.method, r.amount.minor])).toEqual([['card', 2490]]);
    expect(card.requests.map((r) => [r.kind, r.amountMinor])).toEqual([
      ['payment', 10_329],
      ['refund', 2490],
    ]);
  });

  it('paid at another till: the handover is recorded, the return is left to the till in words', async () => {
    const { order, card, handover } = await open((o) => ({
      ...o,
      payment: {
        saleId: '0195509e-0000-7000-8000-0000000000f1',
        tillId: 'till-PAR01-01',
        receiptNumber: 'PAR01-01-000042',
        paidAt: '2025-03-02T09:00:00Z',
        totalMinor: 10_329,
      },
    }));
    await handOverRefusing(handover, order, ['l2']);
    expect((await desk.journal()).map((e) => e.kind)).toEqual(['order.handover']);
    expect(handover.store.getState().done?.refused?.outcome).toEqual({
      ok: false,
      error: 'la commande a été payée en caisse ; faites le retour en caisse avec le ticket de la vente.',
    });
    expect(card.requests).toEqual([]);
  });
});
