import { z } from 'zod';
import { shiftTotalsSchema } from './shift-totals';

// The sync server's answer to GET /sync/v1/shifts/<shiftId>/totals: its own
// totals of the shift, computed with SQL from its projection tables, and
// whether it holds every entry of the shift's range yet.

const count = z.number().int().min(0);

export const serverShiftTotalsSchema = z.strictObject({
  shiftId: z.string(),
  openedSequence: z.number().int().min(1),
  /** Null while the server has not received the shift's closing entry. */
  closedSequence: z.number().int().min(1).nullable(),
  /** Entries strictly between opening and closing that the server stores (held ones included). */
  entriesStored: count,
  /** Of those, entries held out of the projections until a person accepts them. */
  entriesHeld: count,
  /** The closing is known, every entry of the range is stored, none is held: the totals are final. */
  complete: z.boolean(),
  totals: shiftTotalsSchema,
});
export type ServerShiftTotals = z.infer<typeof serverShiftTotalsSchema>;
