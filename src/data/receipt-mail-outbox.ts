import type { ReceiptMailRequest } from '../core/orders/receipt-mail';
import type { TillDatabase } from './till-database';

// A kiosk order's receipt (or a pickup desk's handover slip) by e-mail: handed to the sync server, which keeps
// it once per order and sends it through the store's mail relay
// (POST /sync/v1/receipt-mails; sync-server/src/mail). With the store's link
// down it waits here, in the kiosk's own storage, and leaves with the next
// pass once the server answers (the server keeps the first it gets for an
// order, so a retry after a lost answer sends nothing twice).

const OUTBOX_DOC = 'kiosk-receipt-mails';
const SEND_TIMEOUT_MS = 8_000;

type Request = <T>(method: 'POST', path: string, body: unknown) => Promise<T>;

async function post(request: Request, mail: ReceiptMailRequest): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      request('POST', '/sync/v1/receipt-mails', mail),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), SEND_TIMEOUT_MS);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** One mail per order, and per handover for a slip: asked again, the newer replaces the older. */
const keyOf = (mail: ReceiptMailRequest): string => `${mail.orderId}:${mail.handoverId ?? ''}`;

async function waiting(db: TillDatabase): Promise<ReceiptMailRequest[]> {
  const doc = await db.getLocal<{ mails: ReceiptMailRequest[] }>(OUTBOX_DOC);
  return doc ? [...(doc.toJSON().data.mails as ReceiptMailRequest[])] : [];
}

async function keep(db: TillDatabase, mails: readonly ReceiptMailRequest[]): Promise<void> {
  if (mails.length === 0) await (await db.getLocal(OUTBOX_DOC))?.remove();
  else await db.upsertLocal(OUTBOX_DOC, { mails: structuredClone([...mails]) });
}

/** Hands the mail to the server now, or keeps it for the next pass: 'sent' or 'queued'. */
export async function sendReceiptMail(
  db: TillDatabase,
  request: Request,
  mail: ReceiptMailRequest,
): Promise<'sent' | 'queued'> {
  if (await post(request, mail)) return 'sent';
  const mails = (await waiting(db)).filter((m) => keyOf(m) !== keyOf(mail));
  await keep(db, [...mails, mail]);
  return 'queued';
}

/** Hands over what waits, oldest first; stops at the first the server does not take. Returns how many left. */
export async function flushReceiptMails(db: TillDatabase, request: Request): Promise<number> {
  const mails = await waiting(db);
  let sent = 0;
  for (const mail of mails) {
    if (!(await post(request, mail))) break;
    sent++;
  }
  if (sent > 0) {
    const gone = new Set(mails.slice(0, sent).map(keyOf));
    await keep(
      db,
      (await waiting(db)).filter((m) => !gone.has(keyOf(m))),
    );
  }
  return mails.length - sent;
}
