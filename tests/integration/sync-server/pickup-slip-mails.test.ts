import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClickCollectOrder } from '../../../src/core/orders/click-collect-order';
import { EXAMPLE_WEB_ORDER } from '../../../src/core/orders/example-orders';
import type { OrderHandover } from '../../../src/core/orders/handover';
import { pickupSlipMail } from '../../../src/state/pickup-slip-mail';
import { smtpSender } from '../../../sync-server/src/mail/mail-relay';
import { sendQueuedOrderMessages } from '../../../sync-server/src/mail/order-messages';
import { startMailbox } from '../../support/smtp-mailbox';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  SHOP_API_KEY,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// The pickup desk's handover slip by e-mail (docs/pickup.md), through the
// kiosk receipt's path: the desk words the slip (French, the customer's
// default), POST /sync/v1/receipt-mails with the handover's id, the server
// keeps it once per handover and sends it through a real SMTP server, only
// to the e-mail the click-and-collect order carries.

describe.each(DATABASE_KINDS)('pickup slips by e-mail ($name)', (kind) => {
  let t: TestServer;
  let desk: EnrolledTill;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let relay: ReturnType<typeof smtpSender>;

  beforeAll(async () => {
    t = await startTestServer(kind);
    desk = await t.enrol('PAR01', 'P1');
    mailbox = await startMailbox(() => false);
    relay = smtpSender(mailbox.url, 'Marché Saint-Antoine <commandes@example.fr>');
  });
  afterAll(async () => {
    relay?.close();
    await mailbox?.close();
    await t?.close();
  });

  async function importOrder(webOrderId: string): Promise<ClickCollectOrder> {
    const imported = await t.server.app.inject({
      method: 'PUT',
      url: `/shop/v1/orders/${webOrderId}`,
      headers: { authorization: `Bearer ${SHOP_API_KEY}` },
      payload: { ...EXAMPLE_WEB_ORDER, webOrderId },
    });
    expect(imported.statusCode).toBe(201);
    const { orderId } = imported.json() as { orderId: string };
    const pulled = await desk.request('GET', '/sync/v1/orders/pull?checkpoint=0&limit=1000');
    const order = (pulled.json().documents as ClickCollectOrder[]).find((o) => o.id === orderId);
    if (!order) throw new Error('order not pulled');
    return order;
  }
  const handover = (order: ClickCollectOrder, id: string, lineId: string): OrderHandover => ({
    id,
    orderId: order.id,
    staffId: 'staff-camille',
    tillId: desk.tillId,
    handedOverAt: '2025-03-02T10:00:00Z',
    lines: [{ lineId, quantity: 1 }],
    identification: { method: 'pickup-code-scanned', pickupCode: order.pickupCode },
  });
  const send = (mail: unknown) => desk.request('POST', '/sync/v1/receipt-mails', mail);

  it('sends each handover slip once, in French, to the order’s e-mail, however often the desk asks', async () => {
    const order = await importOrder('WEB-660001');
    const first = pickupSlipMail(
      order,
      handover(order, '0195509e-0000-7000-8000-00000000c001', 'l1'),
      'PAR01-P1-000003',
      'Marché Saint-Antoine',
    );
    if (!first) throw new Error('no mail');
    expect(first.to).toBe('camille.martin@example.fr');
    expect(first.text).toContain('Bonjour Camille Martin');
    expect(first.text).toContain('BON DE REMISE');
    expect((await send(first)).json()).toEqual({ queued: true, repeated: false });
    expect((await send(first)).json()).toEqual({ queued: true, repeated: true });
    const before = mailbox.received.length;
    expect(await sendQueuedOrderMessages(t.db, relay.send)).toEqual({ sent: 1, failed: 0, waiting: 0 });
    expect(mailbox.received).toHaveLength(before + 1);
    const received = mailbox.received.at(-1);
    expect(received?.to).toEqual(['camille.martin@example.fr']);
    expect(received?.data).toContain('WEB-660001');
    expect(received?.data).toContain('BON DE REMISE');
    expect(received?.data).toContain('Bouilloire inox');

    // The rest handed over later: its own slip, sent once too.
    const second = pickupSlipMail(
      order,
      handover(order, '0195509e-0000-7000-8000-00000000c002', 'l2'),
      'PAR01-P1-000004',
      'Marché Saint-Antoine',
    );
    expect((await send(second)).json()).toEqual({ queued: true, repeated: false });
    expect(await sendQueuedOrderMessages(t.db, relay.send)).toEqual({ sent: 1, failed: 0, waiting: 0 });
    expect(await sendQueuedOrderMessages(t.db, relay.send)).toEqual({ sent: 0, failed: 0, waiting: 0 });
    expect(mailbox.received).toHaveLength(before + 2);
    const listed = (await t.admin('GET', '/admin/v1/order-messages')).json().messages as {
      orderId: string;
      kind: string;
      status: string;
    }[];
    expect(listed.filter((m) => m.orderId === order.id).map((m) => [m.kind, m.status])).toEqual([
      ['pickup-slip', 'sent'],
      ['pickup-slip', 'sent'],
    ]);
  });

  it('never mails an address the order does not carry, nor a slip of an order the server does not hold', async () => {
    const order = await importOrder('WEB-660002');
    const slip = pickupSlipMail(
      order,
      handover(order, '0195509e-0000-7000-8000-00000000c003', 'l1'),
      'PAR01-P1-000005',
      'Marché Saint-Antoine',
    );
    if (!slip) throw new Error('no mail');
    await send({ ...slip, to: 'someone.else@example.org' });
    await send({ ...slip, orderId: '0195509e-0000-7000-8000-00000000dead' });
    const before = mailbox.received.length;
    const pass = await sendQueuedOrderMessages(t.db, relay.send);
    expect(pass.sent).toBe(0);
    expect(pass.waiting).toBe(1); // the unknown order's slip waits for its order
    expect(mailbox.received).toHaveLength(before);
  });

  it('refuses a malformed request in words, storing nothing', async () => {
    const response = await send({ orderId: 'x', to: 'a@b.fr', subject: 's', text: 't', handoverId: 'nope' });
    expect(response.statusCode).toBe(400);
  });
});
