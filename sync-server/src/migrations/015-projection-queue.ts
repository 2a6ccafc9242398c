import type { Migration } from './migration';

// Projections run off the push path (docs/projections.md, "The projector"):
// a push stores its journal entries and queues the ones to project here, in
// the same transaction; the projector reads the queue in position order
// (arrival order, and sequence order within one till), projects a batch and
// deletes its rows in one transaction. A row leaves the queue only with its
// projection, so a projector killed mid-batch leaves the batch queued.
// `failed_at` parks an entry whose projection threw on its own, so one bad
// entry cannot stop every other till's (its error is kept for a person).
export const projectionQueueMigration: Migration = {
  id: '015-projection-queue',
  sql: `
    CREATE TABLE journal_projection_queue (
      position    bigserial PRIMARY KEY,
      entry_id    text NOT NULL UNIQUE,
      till_id     text NOT NULL,
      queued_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
      attempts    integer NOT NULL DEFAULT 0,
      last_error  text,
      failed_at   timestamptz
    );
    CREATE INDEX journal_projection_queue_waiting ON journal_projection_queue (position) WHERE failed_at IS NULL;
    CREATE INDEX journal_projection_queue_till ON journal_projection_queue (till_id);
  `,
};
