import type { JournalEntry } from '../../../src/core/journal/journal-entry';

/**
 * For each journal entry kind that has a projection, the table holding one
 * row per projected entry (keyed or led by entry_id): the backfill treats an
 * entry of that kind with no row there as not projected yet. A new
 * projection adds its kind here and its call in project-journal.ts.
 * A constant, never user input: the names are spliced into SQL.
 */
export const PROJECTED_KINDS: Partial<Record<JournalEntry['kind'], string>> = {
  'sale.completed': 'sales',
  'return.completed': 'returns',
  'cash.movement': 'cash_movements',
  'order.handover': 'order_handovers',
  'kiosk-order.placed': 'kiosk_orders_placed',
  'shift.opened': 'shift_openings',
  'shift.closed': 'shift_closings',
};
