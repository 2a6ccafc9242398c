import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpSender } from '../../../sync-server/src/mail/mail-relay';
import { sendQueuedOrderMessages } from '../../../sync-server/src/mail/order-messages';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import { startMailbox } from '../../support/smtp-mailbox';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';
import { orderToPayAtTill } from '../../support/ticket-fixtures';

// Receipt e-mails of kiosk orders (docs/sync-protocol.md, "Receipt e-mails"),
// through a real SMTP server (smtp-server) and the real client (nodemailer):
// asked twice, sent once; asked before the order arrived (the kiosk was
// offline when it placed it), sent once it has; never to an address the
// order does not carry; a relay that refuses keeps the message queued.

describe.each(DATABASE_KINDS)('kiosk receipt e-mails ($name)', (kind) => {
  let t: TestServer;
  let kiosk: EnrolledTill;
  let journal: TestJournal;
  let refusing = false;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let relay: ReturnType<typeof smtpSender>;

  beforeAll(async () => {
    t = await startTestServer(kind);
    kiosk = await t.enrol('PAR01', 'K1');
    journal = new TestJournal(kiosk);
    mailbox = await startMailbox(() => refusing);
    relay = smtpSender(mailbox.url, 'Marché Saint-Antoine <commandes@example.fr>');
  });
  afterAll(async () => {
    relay?.close();
    await mailbox?.close();
    await t?.close();
  });

  const ask = (orderId: string, to: string) =>
    kiosk.request('POST', '/sync/v1/receipt-mails', {
      orderId,
      to,
      subject: 'Votre commande 0000B101',
      text: 'Merci de votre commande.\nTotal TTC 66,49 €',
    });
  const place = async (orderId: string) => {
    const order = orderToPayAtTill(orderId, kiosk.tillId);
    const pushed = await kiosk.request(
      'POST',
      '/sync/v1/journal/push',
      asNewRows([journal.append({ kind: 'kiosk-order.placed', payload: order })]),
    );
    expect(pushed.statusCode).toBe(200);
    return order;
  };

  it('asked before the order arrived, waits; once it has, is sent once, to the order’s e-mail, even when asked twice', async () => {
    const orderId = '0195509a-6c00-7001-8000-00000000b101';
    const first = await ask(orderId, 'camille.martin@example.fr');
    expect(first.json()).toEqual({ queued: true, repeated: false });
    expect(await sendQueuedOrderMessages(t.db, relay.send)).toEqual({ sent: 0, failed: 0, waiting: 1 });
    expect(mailbox.received).toHaveLength(0);

    await place(orderId);
    expect((await ask(orderId, 'camille.martin@example.fr')).json()).toEqual({
      queued: true,
      repeated: true,
    });
    expect(await sendQueuedOrderMessages(t.db, relay.send)).toEqual({ sent: 1, failed: 0, waiting: 0 });
    expect(await sendQueuedOrderMessages(t.db, relay.send)).toEqual({ sent: 0, failed: 0, waiting: 0 });
    expect(mailbox.received).toHaveLength(1);
    expect(mailbox.received[0]?.to).toEqual(['camille.martin@example.fr']);
    expect(mailbox.received[0]?.data).toContain('Subject: Votre commande 0000B101');
    expect(mailbox.received[0]?.data).toMatch(/Total TTC 66,49/);

    const listed = (await t.admin('GET', '/admin/v1/order-messages')).json().messages as {
      orderId: string;
      status: string;
    }[];
    expect(listed.filter((m) => m.orderId === orderId).map((m) => m.status)).toEqual(['sent']);
  });

  it('never mails an address the order does not carry', async () => {
    const orderId = '0195509a-6c00-7001-8000-00000000b102';
    await place(orderId);
    await ask(orderId, 'someone.else@example.org');
    const before = mailbox.received.length;
    await sendQueuedOrderMessages(t.db, relay.send);
    expect(mailbox.received).toHaveLength(before);
  });

  it('a relay that refuses keeps the message queued with its error; the next pass sends it', async () => {
    const orderId = '0195509a-6c00-7001-8000-00000000b103';
    await place(orderId);
    await ask(orderId, 'camille.martin@example.fr');
    refusing = true;
    expect((await sendQueuedOrderMessages(t.db, relay.send, 1)).failed).toBe(1);
    const queued = (await t.admin('GET', '/admin/v1/order-messages')).json().messages as {
      orderId: string;
      status: string;
      lastError: string | null;
    }[];
    const mine = queued.find((m) => m.orderId === orderId);
    expect(mine?.status).toBe('queued');
    expect(mine?.lastError).toMatch(/mailbox unavailable/);
    refusing = false;
    expect((await sendQueuedOrderMessages(t.db, relay.send)).sent).toBe(1);
  });

  it('refuses a malformed request in words, and keeps nothing', async () => {
    const bad = await kiosk.request('POST', '/sync/v1/receipt-mails', {
      orderId: 'not-an-id',
      to: 'nobody',
      subject: 'a\nBcc: x@example.org',
      text: '',
    });
    expect(bad.statusCode).toBe(400);
    const listed = (await t.admin('GET', '/admin/v1/order-messages')).json().messages as unknown[];
    expect(listed).toHaveLength(3);
  });
});
