import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReceiptMailRequest } from '../core/orders/receipt-mail';
import { flushReceiptMails, sendReceiptMail } from './receipt-mail-outbox';
import { createTillDatabase, type TillDatabase } from './till-database';

// The kiosk's receipt e-mails when the store's link is down: kept in the
// kiosk's storage, handed over on a later pass, each order's mail once.

const mail = (n: number): ReceiptMailRequest => ({
  orderId: `0195509a-6c00-7001-8000-00000000b20${n}`,
  to: 'lea.martin@example.fr',
  subject: `Votre commande ${n}`,
  text: 'Merci',
});

describe('receipt e-mails waiting at the kiosk', () => {
  let db: TillDatabase;
  afterEach(() => db?.close());

  it('sends at once when the server answers, keeps it when not, and hands it over on the next pass', async () => {
    db = await createTillDatabase(`mails-${Math.random()}`, getRxStorageMemory());
    const posted: ReceiptMailRequest[] = [];
    let online = false;
    const request = async <T>(_method: 'POST', _path: string, body: unknown): Promise<T> => {
      if (!online) throw new Error('network down');
      posted.push(body as ReceiptMailRequest);
      return { queued: true, repeated: false } as T;
    };

    expect(await sendReceiptMail(db, request, mail(1))).toBe('queued');
    expect(await sendReceiptMail(db, request, mail(2))).toBe('queued');
    // Asked again for the same order while offline: still one waiting for it.
    expect(await sendReceiptMail(db, request, mail(1))).toBe('queued');
    expect(await flushReceiptMails(db, request)).toBe(2);
    expect(posted).toEqual([]);

    online = true;
    expect(await flushReceiptMails(db, request)).toBe(0);
    expect(posted.map((m) => m.orderId)).toEqual([mail(2).orderId, mail(1).orderId]);
    expect(await flushReceiptMails(db, request)).toBe(0);
    expect(posted).toHaveLength(2);
    expect(await sendReceiptMail(db, request, mail(3))).toBe('sent');
  });

  it("a pickup desk's slips wait offline one per handover, and leave once the link is back", async () => {
    db = await createTillDatabase(`mails-${Math.random()}`, getRxStorageMemory());
    const posted: ReceiptMailRequest[] = [];
    let online = false;
    const request = async <T>(_method: 'POST', _path: string, body: unknown): Promise<T> => {
      if (!online) throw new Error('network down');
      posted.push(body as ReceiptMailRequest);
      return { queued: true, repeated: false } as T;
    };
    const slip = (handover: string): ReceiptMailRequest => ({
      ...mail(4),
      handoverId: `0195509e-0000-7000-8000-00000000c00${handover}`,
    });
    expect(await sendReceiptMail(db, request, slip('1'))).toBe('queued');
    expect(await sendReceiptMail(db, request, slip('2'))).toBe('queued');
    expect(await sendReceiptMail(db, request, slip('1'))).toBe('queued');
    expect(await flushReceiptMails(db, request)).toBe(2);
    online = true;
    expect(await flushReceiptMails(db, request)).toBe(0);
    expect(posted.map((m) => m.handoverId?.slice(-1))).toEqual(['2', '1']);
  });
});
