import type { Migration } from './migration';

export const tillRangesAndHeldEntriesMigration: Migration = {
  id: '006-till-ranges-and-held-entries',
  sql: `
    -- A till code can be enrolled again on a new device (a replaced PC, a
    -- reset profile). Receipt numbers (store-till-sequence) stay unique and
    -- continuous per till code: each device numbers its own range. It starts
    -- after journal_start_sequence (the head the server held for the code at
    -- enrolment, whose hash is the device's first prevHash) and ends at
    -- sequence_limit, set when the device is revoked or replaced: the head
    -- the server held for it then. An entry outside its device's range is
    -- kept, recorded and held (journal_held_entries).
    ALTER TABLE tills ADD COLUMN journal_start_sequence bigint NOT NULL DEFAULT 0;
    ALTER TABLE tills ADD COLUMN journal_start_hash text NOT NULL
      DEFAULT '0000000000000000000000000000000000000000000000000000000000000000';
    ALTER TABLE tills ADD COLUMN sequence_limit bigint;
    -- Tills revoked before this migration close their range at their head.
    UPDATE tills SET sequence_limit = COALESCE((SELECT h.sequence FROM journal_heads h WHERE h.till_id = tills.id), 0)
      WHERE revoked_at IS NOT NULL;

    -- Journal entries kept for audit but not projected until a person
    -- accepts them (POST /admin/v1/incidents/:id/accept): a hash mismatch,
    -- a broken link, a duplicate or reused receipt number.
    CREATE TABLE journal_held_entries (
      entry_id     text PRIMARY KEY,
      till_id      text NOT NULL,
      held_at      timestamptz NOT NULL DEFAULT now(),
      accepted_at  timestamptz,
      accepted_by  text
    );
    CREATE INDEX journal_held_entries_open ON journal_held_entries (till_id) WHERE accepted_at IS NULL;

    -- Arrival checks read an entry's neighbours in its till's chain.
    CREATE INDEX sync_documents_journal_sequence
      ON sync_documents (scope, ((doc->>'sequence')::bigint)) WHERE collection = 'journal';
  `,
};
