import type { ReceiptMailRequest } from '../../../src/core/orders/receipt-mail';
import type { Database, Queryable } from '../db/database';

// Order e-mails (migration 012): queued once per order and kind, then handed
// to the store's mail relay by `sendQueuedOrderMessages`. A message leaves
// only for an order the server holds, of the store that asked, to the e-mail
// that order carries: a till cannot use the server to mail anyone else.

export interface QueuedMessage {
  readonly id: string;
  readonly orderId: string;
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
}

/**
 * Keeps a kiosk order's receipt e-mail, or a click-and-collect order's
 * handover slip (with `handoverId`, migration 014); asked again for the same
 * order (and handover), keeps the first.
 */
export async function queueKioskReceiptMail(
  db: Queryable,
  from: { readonly storeCode: string; readonly tillId: string },
  request: ReceiptMailRequest,
): Promise<{ readonly repeated: boolean }> {
  const inserted = await db.query(
    `INSERT INTO order_messages (order_id, kind, handover_id, store_code, till_id, recipient, subject, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (order_id, kind, (coalesce(handover_id, ''))) DO NOTHING RETURNING id`,
    [
      request.orderId,
      request.handoverId === undefined ? 'kiosk-receipt' : 'pickup-slip',
      request.handoverId ?? null,
      from.storeCode,
      from.tillId,
      request.to,
      request.subject,
      request.text,
    ],
  );
  return { repeated: inserted.rows.length === 0 };
}

/** The order a queued message may leave for: held by the server, of its store, carrying its recipient. */
const ORDER_CARRIES_RECIPIENT = `(
  (m.kind = 'kiosk-receipt' AND EXISTS (
     SELECT 1 FROM kiosk_orders_placed p
      WHERE p.order_id = m.order_id AND p.store_code = m.store_code
        AND lower(p.placed #>> '{contact,email}') = lower(m.recipient)))
  OR (m.kind = 'pickup-slip' AND EXISTS (
     SELECT 1 FROM sync_documents d
      WHERE d.collection = 'orders' AND d.id = m.order_id AND d.scope = m.store_code AND NOT d.deleted
        AND d.doc ->> 'kind' = 'click-and-collect'
        AND lower(d.doc #>> '{customer,email}') = lower(m.recipient)))
)`;

/** What sends one message: the mail relay (nodemailer), or a test's stand-in. */
export type SendMail = (message: {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}) => Promise<void>;

export interface SendResult {
  readonly sent: number;
  readonly failed: number;
  /** Waiting for their order to reach the server (a kiosk offline when it placed it). */
  readonly waiting: number;
}

/**
 * Sends up to `limit` queued messages whose order has arrived. Each is
 * claimed with `FOR UPDATE SKIP LOCKED` inside its own transaction and marked
 * sent in it after the relay accepted it, so two server instances never send
 * one twice. (A crash between the relay's acceptance and the commit would
 * send it again on the next pass: SMTP offers no better than that.)
 */
export async function sendQueuedOrderMessages(db: Database, send: SendMail, limit = 20): Promise<SendResult> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const claimed = await tx.query<QueuedMessage & { held: boolean }>(
        `SELECT m.id::text AS id, m.order_id AS "orderId", m.recipient, m.subject, m.body
           FROM order_messages m
          WHERE m.status = 'queued' AND ${ORDER_CARRIES_RECIPIENT}
          ORDER BY m.attempts, m.id
          LIMIT 1
          FOR UPDATE OF m SKIP LOCKED`,
      );
      const message = claimed.rows[0];
      if (!message) return 'none' as const;
      try {
        await send({ to: message.recipient, subject: message.subject, text: message.body });
        await tx.query(
          `UPDATE order_messages SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
           WHERE id = $1`,
          [message.id],
        );
        return 'sent' as const;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await tx.query('UPDATE order_messages SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
          message.id,
          reason.slice(0, 500),
        ]);
        return 'failed' as const;
      }
    });
    if (outcome === 'none') break;
    if (outcome === 'sent') sent++;
    else failed++;
  }
  const waiting = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM order_messages m
      WHERE m.status = 'queued'
        AND NOT (
          (m.kind = 'kiosk-receipt' AND EXISTS (SELECT 1 FROM kiosk_orders_placed p WHERE p.order_id = m.order_id))
          OR (m.kind = 'pickup-slip' AND EXISTS (
                SELECT 1 FROM sync_documents d WHERE d.collection = 'orders' AND d.id = m.order_id)))`,
  );
  return { sent, failed, waiting: Number(waiting.rows[0]?.n ?? 0) };
}

/** The queue as the staff sees it (admin API): newest first, without the bodies. */
export async function listOrderMessages(db: Queryable, limit = 100) {
  const rows = await db.query<{
    order_id: string;
    kind: string;
    store_code: string;
    recipient: string;
    status: string;
    attempts: number;
    last_error: string | null;
    created_at: Date;
    sent_at: Date | null;
  }>(
    `SELECT order_id, kind, store_code, recipient, status, attempts, last_error, created_at, sent_at
       FROM order_messages ORDER BY id DESC LIMIT $1`,
    [limit],
  );
  return rows.rows.map((row) => ({
    orderId: row.order_id,
    kind: row.kind,
    storeCode: row.store_code,
    recipient: row.recipient,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
  }));
}
