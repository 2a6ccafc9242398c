import type { Migration } from './migration';

export const replicationMigration: Migration = {
  id: '002-replication',
  sql: `
    -- One sequence per (collection, scope). Writers take the counter's row
    -- lock for the whole transaction, so seq order is commit order and a
    -- tailing puller can never miss a row committed "behind" its checkpoint.
    CREATE TABLE sync_sequences (
      collection  text NOT NULL,
      scope       text NOT NULL,
      last        bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (collection, scope)
    );

    -- Every replicated document. The server never hard-deletes: deletion is
    -- a tombstone. seq lives beside the document, never inside it.
    CREATE TABLE sync_documents (
      collection  text NOT NULL,
      id          text NOT NULL,
      scope       text NOT NULL,
      doc         jsonb NOT NULL,
      deleted     boolean NOT NULL DEFAULT false,
      seq         bigint NOT NULL,
      updated_at  timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (collection, id)
    );
    CREATE UNIQUE INDEX sync_documents_pull ON sync_documents (collection, scope, seq);

    INSERT INTO sync_documents (collection, id, scope, doc, deleted, seq, updated_at)
      SELECT 'products', id, '*', doc, deleted, server_seq, updated_at FROM products;
    INSERT INTO sync_sequences (collection, scope, last)
      SELECT 'products', '*', COALESCE(max(server_seq), 0) FROM products;
    DROP TABLE products;

    CREATE TABLE stores (
      code        text PRIMARY KEY,
      name        text NOT NULL,
      created_at  timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE tills (
      id               text PRIMARY KEY,
      store_code       text NOT NULL REFERENCES stores (code),
      till_code        text NOT NULL,
      device_name      text NOT NULL,
      credential_hash  text NOT NULL,
      enrolled_at      timestamptz NOT NULL DEFAULT now(),
      revoked_at       timestamptz
    );
    CREATE UNIQUE INDEX tills_active_code ON tills (store_code, till_code) WHERE revoked_at IS NULL;

    CREATE TABLE pairing_codes (
      code_hash   text PRIMARY KEY,
      store_code  text NOT NULL REFERENCES stores (code),
      till_code   text NOT NULL,
      expires_at  timestamptz NOT NULL,
      used_at     timestamptz,
      used_by     text REFERENCES tills (id)
    );

    -- Signing keys shared by every instance (access tokens, order tokens).
    CREATE TABLE server_keys (
      id           text PRIMARY KEY,
      private_jwk  jsonb NOT NULL,
      public_jwk   jsonb NOT NULL,
      created_at   timestamptz NOT NULL DEFAULT now()
    );

    -- The last verified entry of each till's journal chain.
    CREATE TABLE journal_heads (
      till_id   text PRIMARY KEY REFERENCES tills (id),
      sequence  bigint NOT NULL,
      hash      text NOT NULL
    );

    -- Gaps, breaks and rewrites found on arrival: never silently accepted.
    CREATE TABLE journal_incidents (
      id             bigserial PRIMARY KEY,
      till_id        text NOT NULL,
      store_code     text NOT NULL,
      code           text NOT NULL,
      from_sequence  bigint,
      to_sequence    bigint,
      entry_id       text,
      detail         jsonb NOT NULL,
      created_at     timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX journal_incidents_till ON journal_incidents (till_id, created_at);
  `,
};
