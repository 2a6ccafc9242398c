import type { Migration } from './migration';

// (014: 013 is taken by the pickup slip e-mails, built at the same time.)
// The web shop's export of click-and-collect status changes
// (GET /shop/v1/order-status-changes, docs/web-shop.md): one row per change
// of an order's status, in commit order, each change once.
//
// - A trigger on sync_documents, like the kiosk export's (004): every path
//   that writes orders (web import, a desk's push, a merge after a conflict)
//   is covered without having to remember it.
// - A row is written only when the status differs from the stored one: a
//   re-pushed identical order, a merge that keeps the status, the second of
//   two desks that marked the order ready offline (its push conflicts, its
//   merge equals the server's copy) change nothing, so they add nothing.
// - (order_id, status) is unique, and the function checks it first: the
//   status machine never comes back to a status, so a change the export
//   holds is never exported twice, whatever path wrote the order.
// - The number comes from one server-wide counter whose row lock the trigger
//   holds until the writing transaction ends: export_seq order is commit
//   order and a reader tailing the export never misses a row committed behind
//   its checkpoint (the argument of sync_sequences and of the kiosk export).
//   Every writer of click-and-collect orders holds its store's orders lock
//   first and takes no other scope's lock after, and no transaction writes a
//   kiosk order and a click-and-collect order, so the two export counters are
//   never taken in opposite orders.
// - The row keeps what the shop needs to follow the order: the handovers as
//   they stood (ids, till, time, lines and quantities, the reason a rest
//   waits; not the signature, the staff id or how the customer was
//   identified), the lines ordered, when it became ready, the conflict flag.
export const orderStatusExportMigration: Migration = {
  id: '013-order-status-export',
  sql: `
    CREATE TABLE order_status_export_sequence (
      id    boolean PRIMARY KEY DEFAULT true CHECK (id),
      last  bigint NOT NULL
    );

    CREATE TABLE order_status_changes (
      export_seq       bigint PRIMARY KEY,
      order_id         text NOT NULL,
      status           text NOT NULL,
      previous_status  text,
      store_code       text NOT NULL,
      source           text NOT NULL,
      web_order_id     text NOT NULL,
      changed_at       timestamptz NOT NULL DEFAULT now(),
      ready_at         text,
      lines            jsonb NOT NULL,
      handovers        jsonb NOT NULL,
      handover_conflict jsonb,
      UNIQUE (order_id, status)
    );

    CREATE FUNCTION order_status_change_row(doc jsonb, previous text, seq bigint, at timestamptz)
    RETURNS void LANGUAGE sql AS $$
      INSERT INTO order_status_changes (export_seq, order_id, status, previous_status, store_code,
        source, web_order_id, changed_at, ready_at, lines, handovers, handover_conflict)
      VALUES (seq, doc->>'id', doc->>'status', previous, doc->>'storeCode', doc->>'source',
        doc->>'webOrderId', at, doc->>'readyAt',
        COALESCE((SELECT jsonb_agg(jsonb_build_object('lineId', l->>'lineId', 'quantity', l->'quantity')
                                   ORDER BY o)
                  FROM jsonb_array_elements(doc->'lines') WITH ORDINALITY AS t(l, o)), '[]'::jsonb),
        COALESCE((SELECT jsonb_agg(h - 'signature' - 'staffId' - 'identification' - 'orderId' ORDER BY h->>'id')
                  FROM jsonb_array_elements(doc->'handovers') AS t(h)), '[]'::jsonb),
        NULLIF(doc->'handoverConflict', 'null'::jsonb))
      ON CONFLICT (order_id, status) DO NOTHING
    $$;

    -- Where the export starts: each order already stored, once, at its status now.
    INSERT INTO order_status_export_sequence (id, last) VALUES (true, 0);
    WITH existing AS (
      SELECT doc, updated_at, row_number() OVER (ORDER BY scope, seq) AS n
      FROM sync_documents WHERE collection = 'orders' AND doc->>'kind' = 'click-and-collect'
    )
    SELECT order_status_change_row(doc, NULL, n, updated_at) FROM existing;
    UPDATE order_status_export_sequence SET last = (SELECT COALESCE(max(export_seq), 0) FROM order_status_changes);

    CREATE FUNCTION stamp_order_status_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      next_seq bigint;
      previous text;
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        previous := OLD.doc->>'status';
      END IF;
      IF EXISTS (SELECT 1 FROM order_status_changes
                 WHERE order_id = NEW.id AND status = NEW.doc->>'status') THEN
        RETURN NULL;
      END IF;
      UPDATE order_status_export_sequence SET last = last + 1 RETURNING last INTO next_seq;
      PERFORM order_status_change_row(NEW.doc, previous, next_seq, now());
      RETURN NULL;
    END
    $$;

    CREATE TRIGGER sync_documents_order_status_insert
      AFTER INSERT ON sync_documents
      FOR EACH ROW WHEN (NEW.collection = 'orders' AND NEW.doc->>'kind' = 'click-and-collect')
      EXECUTE FUNCTION stamp_order_status_change();

    CREATE TRIGGER sync_documents_order_status_update
      AFTER UPDATE ON sync_documents
      FOR EACH ROW WHEN (NEW.collection = 'orders' AND NEW.doc->>'kind' = 'click-and-collect'
                         AND (OLD.doc->>'status') IS DISTINCT FROM (NEW.doc->>'status'))
      EXECUTE FUNCTION stamp_order_status_change();
  `,
};
