import { afterEach, describe, expect, it } from 'vitest';
import { unwrap } from '../core/cart/test-builders';
import { exampleKioskOrder } from '../core/orders/example-orders';
import type { KioskOrder } from '../core/orders/kiosk-order';
import { transitionKioskOrder } from '../core/orders/transition-kiosk-order';
import { fromBase32, toBase32 } from '../core/tickets/base32';
import { generateDeviceKeyPair, signKioskTicket } from '../data/kiosk-ticket-signing';
import type { TillDatabase } from '../data/till-database';
import { createKioskTicketStore } from './kiosk-ticket';
import { memoryTill, YAOURT } from './test-till';

// Scanning a kiosk ticket at the till, with the real database, journal and
// sale store in memory: the order becomes the basket at its signed prices,
// is paid like a sale, and the journal's sale names the order.

const ORDER_ID = '0195509a-6c00-7001-8000-0000000000c1';
const order = (): KioskOrder =>
  unwrap(
    transitionKioskOrder(exampleKioskOrder({ id: ORDER_ID, paymentMethod: 'at-till', kioskId: 'kiosk-1' }), {
      type: 'submit',
      at: '2025-03-01T10:16:00+01:00',
    }),
  );

async function kioskAndTill() {
  const pair = await generateDeviceKeyPair();
  const till = await memoryTill([
    { tillId: 'kiosk-1', tillCode: 'K1', kty: 'OKP', crv: 'Ed25519', x: pair.publicX },
  ]);
  const ticket = unwrap(await signKioskTicket(order(), pair.privateKey));
  const flow = createKioskTicketStore({ db: till.db, basket: till.basket });
  return { ...till, ticket, flow, pair };
}

describe('kiosk tickets at the till', () => {
  let db: TillDatabase | undefined;
  afterEach(async () => db?.close());

  it('loads the order at its signed prices, takes the payment and journals the sale naming the order', async () => {
    const t = await kioskAndTill();
    db = t.db;
    // The catalog's price differs: the ticket's price stands.
    expect(await t.flow.scanTicket(t.ticket)).toBe(true);
    const { cart } = t.sale.store.getState();
    expect(cart.lines.map((l) => [l.productId, l.unitPrice.minor, l.vatRateBps])).toEqual([
      ['P-KETTLE', 3999, 2000],
      ['P-GREENTEA', 450, 550],
      ['P-BOOK', 2490, 550],
    ]);
    expect(t.flow.store.getState()).toMatchObject({
      phase: 'loaded',
      order: { pieces: 6, total: { minor: 10329 } },
    });
    // Nothing else goes on this basket, and its lines stay.
    await t.sale.scan(YAOURT.barcode);
    t.sale.voidLine(cart.lines[0]?.lineId ?? '');
    expect(t.sale.store.getState().cart.lines.filter((l) => l.voided === null)).toHaveLength(3);

    t.sale.startPayment();
    await t.sale.payCash(10_500);
    const [sale] = await t.sales();
    expect(sale?.totals.total.minor).toBe(10_329);
    expect(sale?.kioskOrder).toMatchObject({ orderId: ORDER_ID, kioskId: 'kiosk-1' });
    expect(t.sale.store.getState().links).toEqual({});
    // Paid: the till no longer says there is a kiosk order to take (nor offers to drop it).
    expect(t.flow.store.getState()).toMatchObject({ phase: 'idle', order: undefined });

    // The same ticket again on this till: refused, nothing on the basket.
    expect(await t.flow.scanTicket(t.ticket)).toBe(false);
    expect(t.flow.store.getState().refusal).toBe('already-paid');
    expect(t.sale.store.getState().cart.lines).toHaveLength(0);
  });

  it('refuses an altered ticket, a ticket of an unknown kiosk, and a ticket over an open basket', async () => {
    const t = await kioskAndTill();
    db = t.db;
    const [, , body = '', sig = ''] = t.ticket.split(':');
    const text = new TextDecoder().decode(fromBase32(body));
    const altered = `POS1:T:${toBase32(new TextEncoder().encode(text.replace('"t":"2025', '"t":"2024')))}:${sig}`;
    expect(await t.flow.scanTicket(altered)).toBe(false);
    expect(t.flow.store.getState().refusal).toBe('bad-signature');

    const stranger = await generateDeviceKeyPair();
    expect(
      await t.flow.scanTicket(
        unwrap(await signKioskTicket({ ...order(), kioskId: 'kiosk-9' }, stranger.privateKey)),
      ),
    ).toBe(false);
    expect(t.flow.store.getState().refusal).toBe('unknown-device');

    await t.sale.scan(YAOURT.barcode);
    expect(await t.flow.scanTicket(t.ticket)).toBe(false);
    expect(t.flow.store.getState().refusal).toBe('basket-busy');
    expect(t.sale.store.getState().cart.lines.map((l) => l.productId)).toEqual(['yaourt']);
  });

  it('drops the kiosk order from the basket on request, and refuses an order the server says is paid', async () => {
    const t = await kioskAndTill();
    db = t.db;
    expect(await t.flow.scanTicket(t.ticket)).toBe(true);
    await t.flow.clear();
    expect(t.sale.store.getState().cart.lines).toHaveLength(0);
    expect(t.sale.store.getState().links).toEqual({});
    const paid = unwrap(
      transitionKioskOrder(order(), {
        type: 'pay',
        at: '2025-03-01T10:20:00+01:00',
        payment: { type: 'till-sale', saleId: '0195509c-0000-7006-8000-000000000006' },
      }),
    );
    await t.db.orders.insert(paid as never);
    expect(await t.flow.scanTicket(t.ticket)).toBe(false);
    expect(t.flow.store.getState().refusal).toBe('already-paid');
  });
});
