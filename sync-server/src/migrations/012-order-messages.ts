import type { Migration } from './migration';

// E-mails about orders (a kiosk order's receipt), kept until the store's mail
// relay took them: one per order and kind, so a kiosk that asks again (a
// retry after a lost answer) queues nothing more. `status` moves queued ->
// sent, or stays queued with the last error while the relay refuses.
export const orderMessagesMigration: Migration = {
  id: '012-order-messages',
  sql: `
    CREATE TABLE order_messages (
      id            bigserial PRIMARY KEY,
      order_id      text NOT NULL,
      kind          text NOT NULL CHECK (kind IN ('kiosk-receipt')),
      store_code    text NOT NULL,
      till_id       text NOT NULL,
      recipient     text NOT NULL,
      subject       text NOT NULL,
      body          text NOT NULL,
      status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent')),
      attempts      integer NOT NULL DEFAULT 0,
      last_error    text,
      created_at    timestamptz NOT NULL DEFAULT now(),
      sent_at       timestamptz,
      UNIQUE (order_id, kind)
    );
    CREATE INDEX order_messages_queued ON order_messages (id) WHERE status = 'queued';
  `,
};
