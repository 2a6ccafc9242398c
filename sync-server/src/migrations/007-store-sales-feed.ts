import type { Migration } from './migration';

export const storeSalesFeedMigration: Migration = {
  id: '007-store-sales-feed',
  sql: `
    -- The store's recent sales, brought to every till of the store as
    -- compact documents of the replicated \`sales\` collection (one per sale,
    -- in sync_documents). This table says which sales are in the feed and
    -- until when: a sale leaves it (a tombstone) once expires_at has passed.
    CREATE TABLE store_sale_feed (
      sale_id     text PRIMARY KEY,
      store_code  text NOT NULL,
      entry_id    text NOT NULL,
      sold_at     timestamptz NOT NULL,
      expires_at  timestamptz NOT NULL,
      live        boolean NOT NULL DEFAULT true
    );
    CREATE INDEX store_sale_feed_expiry ON store_sale_feed (store_code, expires_at) WHERE live;

    -- The online look-up of a sale older than the feed, by its receipt number.
    CREATE INDEX sales_receipt_number ON sales (store_code, receipt_number);
    -- Double returns on a sale (journal_incidents, code double-return), found by the sale.
    CREATE INDEX journal_incidents_double_return ON journal_incidents ((detail->>'saleId'))
      WHERE code = 'double-return';
  `,
};
