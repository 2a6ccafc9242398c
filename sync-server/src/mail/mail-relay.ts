import nodemailer from 'nodemailer';
import type { Database } from '../db/database';
import { type SendMail, sendQueuedOrderMessages } from './order-messages';

// The store's mail relay, through nodemailer (the standard Node SMTP client:
// TLS, authentication, pooling). Configured by TILL_SMTP_URL; without it the
// order e-mails stay queued (GET /admin/v1/order-messages shows them).

export function smtpSender(smtpUrl: string, from: string): { send: SendMail; close: () => void } {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async ({ to, subject, text }) => {
      await transport.sendMail({ from, to, subject, text });
    },
    close: () => transport.close(),
  };
}

/**
 * Sends what is queued every `everyMs` (and once at start). A pass that
 * fails (database away) is logged and the next one tries again.
 */
export function startMailRelay(
  db: Database,
  send: SendMail,
  log: (error: unknown) => void,
  everyMs = 5_000,
): () => void {
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      await sendQueuedOrderMessages(db, send);
    } catch (error) {
      log(error);
    } finally {
      running = false;
    }
  };
  void pass();
  const timer = setInterval(() => void pass(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
