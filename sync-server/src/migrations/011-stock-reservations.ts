import type { Migration } from './migration';

// Stock held for kiosk orders (src/core/orders/stock-reservation.ts,
// sync-server/src/stock/stock-reservations.ts): one row per order, place and
// product. What a place can still give is its own inventory level minus the
// rows held on it (released_at IS NULL). `via` says whether the kiosk
// reserved before the customer paid, or the server did when an order placed
// offline arrived through the journal.
export const stockReservationsMigration: Migration = {
  id: '011-stock-reservations',
  sql: `
    CREATE TABLE stock_reservations (
      order_id       text NOT NULL,
      location_code  text NOT NULL,
      product_id     text NOT NULL,
      quantity       bigint NOT NULL CHECK (quantity > 0),
      store_code     text NOT NULL,
      till_id        text NOT NULL,
      via            text NOT NULL CHECK (via IN ('kiosk', 'journal')),
      reserved_at    timestamptz NOT NULL DEFAULT now(),
      released_at    timestamptz,
      PRIMARY KEY (order_id, location_code, product_id)
    );
    CREATE INDEX stock_reservations_held ON stock_reservations (location_code, product_id)
      WHERE released_at IS NULL;
  `,
};
