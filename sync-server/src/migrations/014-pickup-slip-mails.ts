import type { Migration } from './migration';

// Handover slips of click-and-collect orders by e-mail (docs/pickup.md,
// "The slip by e-mail"), through the same queue as kiosk receipts: a new
// kind, and the handover a slip is for, so each handover of an order (a
// partial one, then the rest) gets its own slip, kept once however often
// the desk asks. Kiosk receipts have no handover: still one per order.
export const pickupSlipMailsMigration: Migration = {
  id: '014-pickup-slip-mails',
  sql: `
    ALTER TABLE order_messages ADD COLUMN handover_id text;
    ALTER TABLE order_messages DROP CONSTRAINT order_messages_kind_check;
    ALTER TABLE order_messages ADD CONSTRAINT order_messages_kind_check
      CHECK (kind IN ('kiosk-receipt', 'pickup-slip'));
    ALTER TABLE order_messages ADD CONSTRAINT order_messages_slip_has_handover
      CHECK ((kind = 'pickup-slip') = (handover_id IS NOT NULL));
    ALTER TABLE order_messages DROP CONSTRAINT order_messages_order_id_kind_key;
    CREATE UNIQUE INDEX order_messages_once ON order_messages (order_id, kind, (coalesce(handover_id, '')));
  `,
};
