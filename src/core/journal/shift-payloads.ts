import { z } from 'zod';
import { nonNegativeMoneyRecordSchema } from '../money/money-record';
import { cashCountSchema, countedTotal } from '../shifts/denominations';
import { amountSchema, staffIdSchema, uuidV7Schema } from './journal-values';

// A shift is one cashier's session on one drawer. Its id is minted when it
// opens so that the closing entry (possibly much later, after restarts) can
// say which opening it closes.

/** Tender code as configured for the store: 'cash', 'card', 'cheque', 'meal-voucher'... */
export const tenderCodeSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'tender code: a-z 0-9 -');

/** Cash counted: never below zero. */
const countedAmountSchema = nonNegativeMoneyRecordSchema;

export const shiftOpenedPayloadSchema = z
  .strictObject({
    shiftId: uuidV7Schema,
    staffId: staffIdSchema,
    /** Cash counted into the drawer before the first sale. */
    openingFloat: countedAmountSchema,
    /**
     * The float counted by denomination (euro notes and coins, largest first).
     * Optional: entries journaled before counts existed have none. When
     * present, it adds up to `openingFloat` exactly.
     */
    openingCount: cashCountSchema.optional(),
  })
  .refine(
    (p) =>
      p.openingCount === undefined ||
      (p.openingFloat.currency === 'EUR' && countedTotal(p.openingCount).minor === p.openingFloat.minor),
    { message: 'the opening count must add up to the opening float (euros)', path: ['openingCount'] },
  );
export type ShiftOpenedPayload = z.infer<typeof shiftOpenedPayloadSchema>;

export const tenderCountSchema = z
  .strictObject({
    tender: tenderCodeSchema,
    /** What the journal says should be there; may be negative if more was paid out than taken. */
    expected: amountSchema,
    /** What the cashier counted. The difference is derived, never stored, so it cannot disagree. */
    counted: countedAmountSchema,
  })
  .refine((t) => t.expected.currency === t.counted.currency, {
    message: 'expected and counted must be in the same currency',
    path: ['counted', 'currency'],
  });
export type TenderCount = z.infer<typeof tenderCountSchema>;

export const shiftClosedPayloadSchema = z
  .strictObject({
    shiftId: uuidV7Schema,
    staffId: staffIdSchema,
    tenders: z
      .array(tenderCountSchema)
      .min(1)
      .refine((counts) => new Set(counts.map((c) => c.tender)).size === counts.length, {
        message: 'each tender is counted once',
      }),
    /**
     * The drawer's cash counted by denomination. Optional (older entries have
     * none); when present, the `cash` tender's `counted` is exactly its total.
     */
    cashCount: cashCountSchema.optional(),
  })
  .refine(
    (p) => {
      if (p.cashCount === undefined) return true;
      const cash = p.tenders.find((t) => t.tender === 'cash');
      return (
        cash !== undefined &&
        cash.counted.currency === 'EUR' &&
        countedTotal(p.cashCount).minor === cash.counted.minor
      );
    },
    { message: 'the cash count must add up to the cash tender counted (euros)', path: ['cashCount'] },
  );
export type ShiftClosedPayload = z.infer<typeof shiftClosedPayloadSchema>;

/** Counted minus expected, in minor units: positive means an overage, negative a shortage. */
export function countDifferenceMinor(count: TenderCount): number {
  return count.counted.minor - count.expected.minor;
}
