import { drawerEffectMinor } from '../../../src/core/journal/cash-movement-payload';
import type { JournalEntryOf } from '../../../src/core/journal/journal-entry';
import type { Queryable } from '../db/database';
import { envelopeOf } from './entry-envelope';
import { insertRows } from './insert-rows';
import { CASH_MOVEMENTS, type CashMovementRow } from './projection-tables';

/** Projects drawer movements outside sales (floats, safe drops, paid-in/out) into cash_movements. */
export async function projectCashMovements(
  tx: Queryable,
  entries: readonly JournalEntryOf<'cash.movement'>[],
): Promise<void> {
  const rows = entries.map((entry): CashMovementRow => {
    const movement = entry.payload;
    return {
      ...envelopeOf(entry),
      staff_id: movement.staffId,
      type: movement.type,
      currency: movement.amount.currency,
      amount_minor: movement.amount.minor,
      drawer_effect_minor: drawerEffectMinor(movement),
      reason: 'reason' in movement ? movement.reason : null,
    };
  });
  await insertRows(tx, CASH_MOVEMENTS, rows);
}
