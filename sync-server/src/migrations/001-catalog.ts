import type { Migration } from './migration';

export const catalogMigration: Migration = {
  id: '001-catalog',
  sql: `
    -- Server-owned catalog. server_seq orders changes for pull checkpoints;
    -- it is assigned by the server only and never part of the document.
    CREATE TABLE products (
      id          text PRIMARY KEY,
      doc         jsonb NOT NULL,
      deleted     boolean NOT NULL DEFAULT false,
      server_seq  bigint NOT NULL UNIQUE,
      updated_at  timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX products_barcode ON products ((doc->>'barcode'));
  `,
};
