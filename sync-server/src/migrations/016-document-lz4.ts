import type { Migration } from './migration';

// Documents over about 2 KB (a sale's journal entry is 3 to 4 KB) are
// compressed when stored. PostgreSQL's default method, pglz, took a fifth of
// a journal upload's SQL: 1,000 sales in 255 ms with it, 212 ms with lz4, the
// same statements on the same PostgreSQL 15 (issue 15). lz4 is used where the
// server's PostgreSQL was built with it (PostgreSQL 14 and later, as Debian's
// and the official images are); elsewhere, as in the embedded PGlite, the
// column keeps pglz. Documents stored before are read as they were written:
// the method applies to values written from now on. The statement is run
// with EXECUTE so that a PostgreSQL older than 14, which has no SET
// COMPRESSION, raises its syntax error when it runs, where the handler
// catches it, and not when the block is compiled.
export const documentLz4Migration: Migration = {
  id: '016-document-lz4',
  sql: `
    DO $$
    BEGIN
      EXECUTE 'ALTER TABLE sync_documents ALTER COLUMN doc SET COMPRESSION lz4';
    EXCEPTION
      WHEN feature_not_supported OR syntax_error THEN NULL;
    END $$;
  `,
};
