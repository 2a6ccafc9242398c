import type { Migration } from './migration';

export const kioskPaymentsVouchersDeviceKeysMigration: Migration = {
  id: '009-kiosk-payments-vouchers-device-keys',
  sql: `
    -- The public key each device (till, kiosk) registered once enrolled
    -- (PUT /sync/v1/device-key). The store settings carry the keys of the
    -- store's devices that are not revoked, so tills check kiosk tickets
    -- offline (docs/kiosk-tickets.md).
    CREATE TABLE device_keys (
      till_id        text PRIMARY KEY REFERENCES tills (id),
      x              text NOT NULL,
      registered_at  timestamptz NOT NULL DEFAULT now()
    );

    -- Every sale that paid a kiosk order's ticket (sale.completed with
    -- kioskOrder). The first one to arrive marks the order paid; any other
    -- is an incident (kiosk-order-paid-twice) naming both sales.
    CREATE TABLE kiosk_order_payments (
      entry_id       text PRIMARY KEY,
      order_id       text NOT NULL,
      sale_id        text NOT NULL,
      store_code     text NOT NULL,
      till_id        text NOT NULL,
      receipt_number text NOT NULL,
      total_minor    bigint NOT NULL,
      currency       text NOT NULL,
      ticket_sha256  text NOT NULL,
      recorded_at    timestamptz NOT NULL,
      projected_at   timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX kiosk_order_payments_order ON kiosk_order_payments (order_id, projected_at);

    -- Gift vouchers sold (sale.completed with vouchersIssued), one row per
    -- code; the vouchers collection document is built from this row and the
    -- redemptions below.
    CREATE TABLE gift_vouchers (
      code           text PRIMARY KEY,
      store_code     text NOT NULL,
      face_minor     bigint NOT NULL CHECK (face_minor > 0),
      currency       text NOT NULL,
      sale_id        text NOT NULL,
      entry_id       text NOT NULL,
      till_id        text NOT NULL,
      issued_at      timestamptz NOT NULL,
      projected_at   timestamptz NOT NULL DEFAULT now()
    );

    -- Every voucher tender of a sale, by its upper-case code, whether or not
    -- a till of ours sold that voucher (yet): a spend can arrive before the
    -- sale that issued the voucher.
    CREATE TABLE gift_voucher_redemptions (
      entry_id       text NOT NULL,
      tender_index   integer NOT NULL,
      code           text NOT NULL,
      sale_id        text NOT NULL,
      tender_id      text NOT NULL,
      store_code     text NOT NULL,
      till_id        text NOT NULL,
      receipt_number text NOT NULL,
      amount_minor   bigint NOT NULL,
      currency       text NOT NULL,
      completed_at   timestamptz NOT NULL,
      projected_at   timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (entry_id, tender_index)
    );
    CREATE INDEX gift_voucher_redemptions_code ON gift_voucher_redemptions (code, projected_at);
  `,
};
