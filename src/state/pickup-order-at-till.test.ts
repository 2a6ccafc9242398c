import { afterEach, describe, expect, it } from 'vitest';
import { exampleReadyOrder } from '../core/orders/example-orders';
import type { CompletedSale } from '../core/sale';
import { createPickupOrderAtTillStore } from './pickup-order-at-till';
import { openPickupDesk } from './pickup-test-desk';
import { createReceiptDesk } from './receipt-desk';
import { saleBasketPort } from './sale-basket-port';
import { createSaleStore } from './sale-store';
import { CASHIER, memoryTillServices } from './sale-test-till';

// A click-and-collect order paid at the till (docs/pickup.md): the cashier
// scans the customer's pickup QR; with the real database, journal and sale
// store in memory, the order becomes the basket at its signed prices, is paid
// like any sale, and the journal's sale names the order; a second scan of the
// same order, an altered order, an order paid online are refused.

describe('a click-and-collect order paid at the till', () => {
  let desk: Awaited<ReturnType<typeof openPickupDesk>>;
  afterEach(() => desk?.db.close());

  async function till() {
    desk = await openPickupDesk();
    await desk.db.staff.insert(CASHIER);
    const services = memoryTillServices(desk.db, {
      identity: { storeCode: 'PAR01', tillCode: '01', tillId: 'till-PAR01-01' },
    });
    const sale = createSaleStore(services, createReceiptDesk(services));
    await sale.signIn('1234');
    const flow = createPickupOrderAtTillStore({ db: desk.db, basket: saleBasketPort(sale) });
    const sales = async () =>
      (await desk.journal()).flatMap((e) =>
        e.kind === 'sale.completed' ? [e.payload as CompletedSale] : [],
      );
    return { sale, flow, sales };
  }

  it('loads the order from its QR at the signed prices, takes the payment, journals the sale naming it; never twice', async () => {
    const { sale, flow, sales } = await till();
    const order = await desk.sign(exampleReadyOrder());
    await desk.insert(order);
    expect(await flow.scan(`POS1:P:${order.pickupCode.toLowerCase()}`)).toBe(true);
    expect(sale.store.getState().cart.lines.map((l) => [l.productId, l.unitPrice.minor])).toEqual([
      ['P-KETTLE', 3999],
      ['P-GREENTEA', 450],
      ['P-BOOK', 2490],
    ]);
    expect(flow.store.getState()).toMatchObject({
      phase: 'loaded',
      order: { webOrderId: 'WEB-100234', pieces: 6, total: { minor: 10_329 } },
    });
    sale.startPayment();
    await sale.payCash(11_000);
    const [paid, ...more] = await sales();
    expect(more).toEqual([]);
    expect(paid?.clickCollectOrder).toEqual({ orderId: order.id, pickupCode: order.pickupCode });
    expect(paid?.totals.total.minor).toBe(10_329);
    expect(flow.store.getState().phase).toBe('idle');

    expect(await flow.scan(`POS1:P:${order.pickupCode}`)).toBe(false);
    expect(flow.store.getState().refusal).toBe('already-paid');
    expect(sale.store.getState().cart.lines).toHaveLength(0);
  });

  it('refuses an order paid online, an altered order, an unknown code, and a basket already started', async () => {
    const { sale, flow, sales } = await till();
    const online = await desk.sign({
      ...exampleReadyOrder(),
      payments: [
        {
          paymentId: 'psp-1',
          type: 'card',
          amount: { minor: 10_329, currency: 'EUR' },
          reference: 'PSP-1',
          accountId: null,
        },
      ],
    });
    await desk.insert(online);
    expect(await flow.scan(`POS1:P:${online.pickupCode}`)).toBe(false);
    expect(flow.store.getState().refusal).toBe('already-paid');

    await desk.db.orders.upsert({ ...online, payments: undefined, customer: { name: 'Someone Else' } });
    expect(await flow.scan(`POS1:P:${online.pickupCode}`)).toBe(false);
    expect(flow.store.getState().refusal).toBe('not-signed');

    expect(await flow.scan('POS1:P:ZZZZ2222')).toBe(false);
    expect(flow.store.getState().refusal).toBe('unknown-order');

    const signed = await desk.sign({ ...exampleReadyOrder(), payments: undefined });
    await desk.db.orders.upsert(signed);
    await sale.scan('3017620422003');
    expect(await flow.scan(`POS1:P:${signed.pickupCode}`)).toBe(false);
    expect(flow.store.getState().refusal).toBe('basket-busy');
    expect(await sales()).toEqual([]);
  });
});
