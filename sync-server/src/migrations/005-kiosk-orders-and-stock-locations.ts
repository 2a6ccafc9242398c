import type { Migration } from './migration';

export const kioskOrdersAndStockLocationsMigration: Migration = {
  id: '005-kiosk-orders-and-stock-locations',
  sql: `
    -- Kiosk orders as the kiosks placed them (journal kind
    -- kiosk-order.placed). The order id is the key: an order is projected
    -- into the orders collection once, whichever entry carried it and
    -- however often. placed keeps the order as journaled, so a second entry
    -- naming the same id is compared with it (same: nothing happens;
    -- different: an incident, never an overwrite) even after the server
    -- has moved the order on.
    CREATE TABLE kiosk_orders_placed (
      order_id      text PRIMARY KEY,
      entry_id      text NOT NULL UNIQUE,
      store_code    text NOT NULL,
      till_id       text NOT NULL,
      placed        jsonb NOT NULL,
      recorded_at   timestamptz NOT NULL,
      projected_at  timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX kiosk_orders_placed_store ON kiosk_orders_placed (store_code, recorded_at);

    -- Where stock is kept: stores and warehouses. A location's own levels
    -- are the inventory documents in its scope whose location.code is the
    -- location itself; every store of the same region also gets a read-only
    -- copy of them in its own scope (other-store / warehouse). mirrored_seq
    -- is how far the location's own scope has been copied.
    CREATE TABLE stock_locations (
      code          text PRIMARY KEY,
      kind          text NOT NULL CHECK (kind IN ('store', 'warehouse')),
      name          text NOT NULL,
      region        text NOT NULL,
      mirrored_seq  bigint NOT NULL DEFAULT 0
    );
    CREATE INDEX stock_locations_region ON stock_locations (region, code);
  `,
};
