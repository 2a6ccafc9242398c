import type { Migration } from './migration';

export const webShopMigration: Migration = {
  id: '004-web-shop',
  sql: `
    -- Web order id -> our order, so an import finds its order without
    -- scanning jsonb. The primary key is the import's idempotency key: two
    -- concurrent imports of one web order cannot both create an order.
    -- store_code never changes (the pickup store is immutable), so it names
    -- the orders scope to lock; pickup codes are unique per store so a code
    -- shown at the desk names one order.
    CREATE TABLE web_orders (
      source        text NOT NULL,
      web_order_id  text NOT NULL,
      order_id      text NOT NULL UNIQUE,
      store_code    text NOT NULL,
      pickup_code   text NOT NULL,
      imported_at   timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (source, web_order_id),
      UNIQUE (store_code, pickup_code)
    );

    -- Kiosk orders are exported to fulfilment across all stores, but sync
    -- seqs are per (collection, scope). So every write of a kiosk order also
    -- takes a number from one server-wide counter. The trigger takes the
    -- counter's row lock for the rest of the writing transaction, so, as with
    -- sync_sequences, export_seq order is commit order and a reader tailing
    -- it never misses a row committed behind its cursor. A trigger rather
    -- than a call in each writer: every path that writes orders (the future
    -- kiosk push included) is covered without having to remember it.
    CREATE TABLE kiosk_export_sequence (
      id    boolean PRIMARY KEY DEFAULT true CHECK (id),
      last  bigint NOT NULL
    );

    -- The latest export number of each kiosk order: an order appears once in
    -- the export, at the place of its last change.
    CREATE TABLE kiosk_order_exports (
      order_id    text PRIMARY KEY,
      export_seq  bigint NOT NULL UNIQUE
    );

    INSERT INTO kiosk_order_exports (order_id, export_seq)
      SELECT id, row_number() OVER (ORDER BY scope, seq)
      FROM sync_documents WHERE collection = 'orders' AND doc->>'kind' = 'kiosk';
    INSERT INTO kiosk_export_sequence (id, last)
      SELECT true, count(*) FROM kiosk_order_exports;

    CREATE FUNCTION stamp_kiosk_order_export() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      next_seq bigint;
    BEGIN
      UPDATE kiosk_export_sequence SET last = last + 1 RETURNING last INTO next_seq;
      INSERT INTO kiosk_order_exports (order_id, export_seq) VALUES (NEW.id, next_seq)
        ON CONFLICT (order_id) DO UPDATE SET export_seq = EXCLUDED.export_seq;
      RETURN NULL;
    END
    $$;

    CREATE TRIGGER sync_documents_kiosk_export
      AFTER INSERT OR UPDATE ON sync_documents
      FOR EACH ROW WHEN (NEW.collection = 'orders' AND NEW.doc->>'kind' = 'kiosk')
      EXECUTE FUNCTION stamp_kiosk_order_export();
  `,
};
