import type { TableSpec } from './insert-rows';

// The rows of the shift tables (migration 008-shifts).

type ShiftEntryRow = {
  entry_id: string;
  shift_id: string;
  store_code: string;
  till_id: string;
  till_code: string;
  sequence: number;
  staff_id: string;
  recorded_at: string;
};

const SHIFT_ENTRY_COLUMNS = {
  entry_id: 'text',
  shift_id: 'text',
  store_code: 'text',
  till_id: 'text',
  till_code: 'text',
  sequence: 'bigint',
  staff_id: 'text',
  recorded_at: 'timestamptz',
} as const;

export type ShiftOpeningRow = ShiftEntryRow & { currency: string; opening_float_minor: number };

export const SHIFT_OPENINGS: TableSpec<ShiftOpeningRow> = {
  name: 'shift_openings',
  key: ['entry_id'],
  columns: { ...SHIFT_ENTRY_COLUMNS, currency: 'text', opening_float_minor: 'bigint' },
};

export type ShiftClosingRow = ShiftEntryRow;

export const SHIFT_CLOSINGS: TableSpec<ShiftClosingRow> = {
  name: 'shift_closings',
  key: ['entry_id'],
  columns: SHIFT_ENTRY_COLUMNS,
};

export type ShiftCountRow = {
  entry_id: string;
  tender_index: number;
  shift_id: string;
  tender: string;
  currency: string;
  expected_minor: number;
  counted_minor: number;
  difference_minor: number;
};

export const SHIFT_COUNTS: TableSpec<ShiftCountRow> = {
  name: 'shift_counts',
  key: ['entry_id', 'tender_index'],
  columns: {
    entry_id: 'text',
    tender_index: 'integer',
    shift_id: 'text',
    tender: 'text',
    currency: 'text',
    expected_minor: 'bigint',
    counted_minor: 'bigint',
    difference_minor: 'bigint',
  },
};
