import type { Migration } from './migration';

export const shiftsMigration: Migration = {
  id: '008-shifts',
  sql: `
    -- A shift's entries are its till's entries strictly between its
    -- shift.opened and shift.closed sequences (docs/projections.md, "Shifts").
    CREATE TABLE shift_openings (
      entry_id              text PRIMARY KEY,
      shift_id              text NOT NULL,
      store_code            text NOT NULL,
      till_id               text NOT NULL,
      till_code             text NOT NULL,
      sequence              bigint NOT NULL,
      staff_id              text NOT NULL,
      recorded_at           timestamptz NOT NULL,
      currency              text NOT NULL,
      opening_float_minor   bigint NOT NULL,
      projected_at          timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX shift_openings_shift ON shift_openings (shift_id, till_id);

    CREATE TABLE shift_closings (
      entry_id              text PRIMARY KEY,
      shift_id              text NOT NULL,
      store_code            text NOT NULL,
      till_id               text NOT NULL,
      till_code             text NOT NULL,
      sequence              bigint NOT NULL,
      staff_id              text NOT NULL,
      recorded_at           timestamptz NOT NULL,
      projected_at          timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX shift_closings_shift ON shift_closings (shift_id, till_id);

    -- What the cashier counted at the close, per tender, against what the till expected.
    CREATE TABLE shift_counts (
      entry_id              text NOT NULL,
      tender_index          integer NOT NULL,
      shift_id              text NOT NULL,
      tender                text NOT NULL,
      currency              text NOT NULL,
      expected_minor        bigint NOT NULL,
      counted_minor         bigint NOT NULL,
      difference_minor      bigint NOT NULL,
      PRIMARY KEY (entry_id, tender_index)
    );

    -- A shift's totals read its till's entries by sequence range.
    CREATE INDEX sales_till_sequence ON sales (till_id, sequence);
    CREATE INDEX returns_till_sequence ON returns (till_id, sequence);
    CREATE INDEX cash_movements_till_sequence ON cash_movements (till_id, sequence);
  `,
};
