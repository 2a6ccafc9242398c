import type { Migration } from './migration';

// Back-office tables filled from the journal as entries arrive
// (docs/projections.md). Every row names the journal entry it comes from, and
// its key is (entry id[, index within the entry]): projecting an entry a
// second time can only hit those keys, never add to a sum. Amounts are
// integer minor units (bigint), quantities are pieces or grams.
export const projectionsMigration: Migration = {
  id: '003-projections',
  sql: `
    CREATE TABLE sales (
      entry_id                  text PRIMARY KEY,
      sale_id                   text NOT NULL,
      store_code                text NOT NULL,
      till_id                   text NOT NULL,
      till_code                 text NOT NULL,
      sequence                  bigint NOT NULL,
      receipt_number            text NOT NULL,
      staff_id                  text NOT NULL,
      recorded_at               timestamptz NOT NULL,
      started_at                timestamptz NOT NULL,
      completed_at              timestamptz NOT NULL,
      currency                  text NOT NULL,
      gross_minor               bigint NOT NULL,
      promotion_discount_minor  bigint NOT NULL,
      line_discount_minor       bigint NOT NULL,
      basket_discount_minor     bigint NOT NULL,
      total_discount_minor      bigint NOT NULL,
      total_minor               bigint NOT NULL,
      vat_minor                 bigint NOT NULL,
      change_minor              bigint NOT NULL,
      cash_rounding_minor       bigint NOT NULL,
      projected_at              timestamptz NOT NULL DEFAULT now()
    );
    -- Not unique: a till bug reusing a sale id must show up twice, not vanish.
    CREATE INDEX sales_sale_id ON sales (sale_id);
    CREATE INDEX sales_store_day ON sales (store_code, completed_at);

    CREATE TABLE sale_lines (
      entry_id                  text NOT NULL REFERENCES sales (entry_id),
      line_index                integer NOT NULL,
      sale_id                   text NOT NULL,
      line_id                   text NOT NULL,
      product_id                text NOT NULL,
      name                      text NOT NULL,
      barcode                   text NOT NULL,
      scanned_code              text,
      category                  text NOT NULL,
      measure                   text NOT NULL CHECK (measure IN ('pieces', 'weight', 'embedded-price')),
      quantity                  integer,
      weight_grams              integer,
      unit_price_minor          bigint NOT NULL,
      gross_minor               bigint NOT NULL,
      promotion_discount_minor  bigint NOT NULL,
      line_discount_minor       bigint NOT NULL,
      basket_discount_share_minor bigint NOT NULL,
      net_minor                 bigint NOT NULL,
      vat_rate_bps              integer NOT NULL,
      vat_minor                 bigint NOT NULL,
      voided                    boolean NOT NULL,
      stock_quantity            integer NOT NULL,
      stock_unit                text NOT NULL CHECK (stock_unit IN ('piece', 'gram')),
      stock_estimated           boolean NOT NULL,
      PRIMARY KEY (entry_id, line_index)
    );
    CREATE INDEX sale_lines_sale ON sale_lines (sale_id, line_id);
    CREATE INDEX sale_lines_product ON sale_lines (product_id);

    CREATE TABLE payments (
      entry_id                  text NOT NULL REFERENCES sales (entry_id),
      tender_index              integer NOT NULL,
      sale_id                   text NOT NULL,
      tender_id                 text NOT NULL,
      kind                      text NOT NULL CHECK (kind IN ('cash', 'card', 'voucher', 'store-credit')),
      currency                  text NOT NULL,
      amount_minor              bigint NOT NULL,
      tendered_minor            bigint NOT NULL,
      rounding_minor            bigint NOT NULL,
      change_minor              bigint NOT NULL,
      card_terminal_id          text,
      card_transaction_ref      text,
      card_authorisation_code   text,
      card_masked_pan           text,
      card_scheme               text,
      voucher_code              text,
      voucher_face_value_minor  bigint,
      store_credit_account_id   text,
      PRIMARY KEY (entry_id, tender_index)
    );

    CREATE TABLE returns (
      entry_id                  text PRIMARY KEY,
      return_id                 text NOT NULL,
      store_code                text NOT NULL,
      till_id                   text NOT NULL,
      till_code                 text NOT NULL,
      sequence                  bigint NOT NULL,
      receipt_number            text NOT NULL,
      staff_id                  text NOT NULL,
      recorded_at               timestamptz NOT NULL,
      created_at                timestamptz NOT NULL,
      source_type               text NOT NULL CHECK (source_type IN ('sale', 'online-order')),
      source_id                 text NOT NULL,
      policy                    text NOT NULL,
      currency                  text NOT NULL,
      total_minor               bigint NOT NULL,
      vat_minor                 bigint NOT NULL,
      projected_at              timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX returns_source ON returns (source_type, source_id);
    CREATE INDEX returns_store_day ON returns (store_code, created_at);

    CREATE TABLE return_lines (
      entry_id                  text NOT NULL REFERENCES returns (entry_id),
      line_index                integer NOT NULL,
      return_id                 text NOT NULL,
      source_line_id            text NOT NULL,
      product_id                text NOT NULL,
      name                      text NOT NULL,
      vat_rate_bps              integer NOT NULL,
      quantity                  integer NOT NULL,
      restock                   boolean NOT NULL,
      reason_code               text NOT NULL,
      reason_note               text,
      refund_minor              bigint NOT NULL,
      vat_minor                 bigint NOT NULL,
      stock_quantity            integer NOT NULL,
      stock_unit                text NOT NULL CHECK (stock_unit IN ('piece', 'gram')),
      stock_estimated           boolean NOT NULL,
      PRIMARY KEY (entry_id, line_index)
    );
    CREATE INDEX return_lines_product ON return_lines (product_id);

    -- Where each refund went (card, cash, store credit): the other side of payments.
    CREATE TABLE return_refunds (
      entry_id                  text NOT NULL REFERENCES returns (entry_id),
      refund_index              integer NOT NULL,
      return_id                 text NOT NULL,
      source_tender_id          text NOT NULL,
      method                    text NOT NULL CHECK (method IN ('cash', 'card', 'store-credit')),
      currency                  text NOT NULL,
      amount_minor              bigint NOT NULL,
      account_id                text,
      reference                 text,
      PRIMARY KEY (entry_id, refund_index)
    );

    CREATE TABLE cash_movements (
      entry_id                  text PRIMARY KEY,
      store_code                text NOT NULL,
      till_id                   text NOT NULL,
      till_code                 text NOT NULL,
      sequence                  bigint NOT NULL,
      staff_id                  text NOT NULL,
      recorded_at               timestamptz NOT NULL,
      type                      text NOT NULL
        CHECK (type IN ('float-in', 'float-out', 'safe-drop', 'paid-in', 'paid-out')),
      currency                  text NOT NULL,
      amount_minor              bigint NOT NULL,
      drawer_effect_minor       bigint NOT NULL,
      reason                    text,
      projected_at              timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX cash_movements_till_day ON cash_movements (till_id, recorded_at);

    -- One row per stock change: line_index is the sale or return line that moved it.
    CREATE TABLE stock_movements (
      entry_id                  text NOT NULL,
      line_index                integer NOT NULL,
      store_code                text NOT NULL,
      location_code             text NOT NULL,
      product_id                text NOT NULL,
      delta                     integer NOT NULL,
      unit                      text NOT NULL CHECK (unit IN ('piece', 'gram')),
      estimated                 boolean NOT NULL,
      reason                    text NOT NULL CHECK (reason IN ('sale', 'return-restock')),
      recorded_at               timestamptz NOT NULL,
      projected_at              timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (entry_id, line_index)
    );
    CREATE INDEX stock_movements_product ON stock_movements (product_id, store_code, projected_at);

    -- One row per order line handed over.
    CREATE TABLE order_handovers (
      entry_id                  text NOT NULL,
      line_index                integer NOT NULL,
      handover_id               text NOT NULL,
      order_id                  text NOT NULL,
      order_line_id             text NOT NULL,
      quantity                  integer NOT NULL,
      store_code                text NOT NULL,
      till_id                   text NOT NULL,
      staff_id                  text NOT NULL,
      handed_over_at            timestamptz NOT NULL,
      identification            text NOT NULL,
      recorded_at               timestamptz NOT NULL,
      PRIMARY KEY (entry_id, line_index)
    );
    CREATE INDEX order_handovers_order ON order_handovers (order_id);
  `,
};
